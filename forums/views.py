"""The secretariat's workspace for structures and forums, and the forum pages members read.

Views are thin: they fetch through the selectors (an object the user may not see is a 404),
validate with a form, call a service, and turn its ValidationError into errors next to the
fields, a DomainError into a message and PermissionDenied into a 403.

Anonymous visitors: a page about an object they could see if logged in (a public forum, a
structure with public forums) sends them to log in, or for a public forum's page to its
public page; anything else is a 404, the same as a forum that does not exist.
"""

from functools import wraps
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kernel.errors import DomainError
from kernel.forms import attach_service_errors

from . import selectors, services
from .charter import charter_diff
from .forms import (
    AssignmentFormSet,
    CharterForm,
    ForumForm,
    ForumSearchForm,
    OrganisationForm,
    OrganisationSearchForm,
    PartyForm,
    SeatFormSet,
    SecretariatForm,
    StructureForm,
    StructureSearchForm,
    WindDownForm,
    assignment_texts,
)
from .map import build_map, graphviz_installed, render_svg, structure_tree
from .models import AssignmentItem, Forum, Organisation, Party, Seat, Structure
from .panels import MEMBER, PUBLIC, panels_for, viewer
from .permissions import (
    can_edit_forum,
    can_manage_structure,
    can_view_forum,
    structures_managed_by,
)
from .selectors import (
    charter_versions,
    forum_get,
    forum_list_visible_to,
    forum_relatives_visible_to,
    forums_of_structure_visible_to,
    party_list_for_structure,
    people_named,
    public_forum_get,
    public_forums,
    structure_list_visible_to,
    structure_visibility_filter,
)

PAGE_SIZE = 25
ADD_STRUCTURE = "forums.add_structure"


# --- Helpers ---------------------------------------------------------------------------------


class _LoginFirst(Exception):
    """An anonymous visitor asked for a page they may be able to see after logging in."""


def _handle_login_first(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginFirst:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _forum_for(request, slug, *, edit=False):
    """The forum if the user may see it (404 otherwise) and, with edit, change it (403)."""
    forum = forum_get(slug=slug)
    user = request.user
    if not can_view_forum(user, forum):
        raise Http404
    if edit:
        if not user.is_authenticated:
            raise _LoginFirst
        if not can_edit_forum(user, forum):
            raise PermissionDenied
    return forum


def _structure_for(request, slug, *, manage=False):
    structure = get_object_or_404(Structure, slug=slug)
    user = request.user
    visible = Structure.objects.filter(structure_visibility_filter(user), pk=structure.pk)
    if not visible.exists():
        raise Http404
    if not user.is_authenticated:
        raise _LoginFirst
    if manage and not can_manage_structure(user, structure):
        raise PermissionDenied
    return structure


def _party_for(request, pk):
    party = get_object_or_404(Party.objects.select_related("structure"), pk=pk)
    _structure_for(request, party.structure.slug, manage=True)
    return party


def _require_secretariat(user):
    if not (user.is_superuser or structures_managed_by(user).exists()):
        raise PermissionDenied


def _managed_parties(user):
    return (
        Party.objects.filter(
            structure__in=structures_managed_by(user).values("pk"),
            structure__archived_at__isnull=True,
        )
        .select_related("structure")
        .order_by("structure__name", "name")
    )


# --- Forums ----------------------------------------------------------------------------------


@login_required
def forum_list(request):
    user = request.user
    structures = Structure.objects.filter(
        structure_visibility_filter(user), archived_at__isnull=True
    ).order_by("name")
    form = ForumSearchForm(request.GET, structures=structures)
    filters = {}
    if form.is_valid():
        filters = {
            "q": form.cleaned_data["q"],
            "structure": form.cleaned_data["structure"],
            "tier": form.cleaned_data["tier"],
            "kind": form.cleaned_data["kind"],
            "status": form.cleaned_data["status"],
        }
    page = _page(request, forum_list_visible_to(user=user, **filters))
    managed = set(structures_managed_by(user).values_list("pk", flat=True))
    return render(
        request,
        "forums/forum_list.html",
        {
            "form": form,
            "page_obj": page,
            "forums": page.object_list,
            "managed_structure_ids": managed,
            "today": timezone.localdate(),
            "can_create_in": [s for s in structures if s.pk in managed],
        },
    )


def _assignments(forum):
    general, specific = [], []
    for item in AssignmentItem.objects.filter(forum=forum).order_by("order", "id"):
        (general if item.kind == AssignmentItem.Kind.GENERAL else specific).append(item)
    return general, specific


def charter_context(request, forum, *, compare_param="jamfor"):
    """The current charter, its versions and a diff against the version asked for."""
    general, specific = _assignments(forum)
    versions = list(charter_versions(forum=forum))
    current = SimpleNamespace(
        purpose=forum.purpose,
        general_assignments=[item.text for item in general],
        specific_assignments=[item.text for item in specific],
    )
    compared, diff = None, None
    requested = request.GET.get(compare_param)
    if requested:
        compared = next((v for v in versions if str(v.number) == requested), None)
        if compared is not None:
            diff = charter_diff(compared, current)
    return {
        "general_assignments": general,
        "specific_assignments": specific,
        "charter_versions": versions,
        "latest_version": versions[0] if versions else None,
        "earlier_versions": versions[1:] if versions else [],
        "compared_version": compared,
        "charter_diff": diff,
        "compare_param": compare_param,
    }


def forum_detail(request, slug):
    forum = _forum_for(request, slug)
    user = request.user
    if not user.is_authenticated:
        return redirect("public_forums:forum_detail", slug=forum.slug)
    standing = viewer(request, forum)
    context = {
        "forum": forum,
        "is_secretariat": standing.is_secretariat,
        "relatives": list(forum_relatives_visible_to(user=user, forum=forum)),
        # Composition and members (mandates), meetings, cases: panels of the apps above.
        "panels": panels_for(MEMBER, request, forum),
        "today": timezone.localdate(),
        **charter_context(request, forum),
    }
    return render(request, "forums/forum_detail.html", context)


@_handle_login_first
@require_http_methods(["GET", "POST"])
def forum_create(request, slug):
    structure = _structure_for(request, slug, manage=True)
    form = ForumForm(request.POST or None, structure=structure, instance=Forum(structure=structure))
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.forum_create(
                actor=request.user,
                structure=structure,
                data=form.service_data(),
                steers=form.cleaned_data["steers"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The forum %(name)s was set up. Now give it its charter and seats.")
                % {"name": forum.name},
            )
            return redirect(forum)
    return render(
        request,
        "forums/forum_form.html",
        {"form": form, "structure": structure, "forum": None},
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def forum_update(request, slug):
    forum = _forum_for(request, slug, edit=True)
    form = ForumForm(
        request.POST or None, structure=forum.structure, instance=Forum.objects.get(pk=forum.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.forum_update(
                actor=request.user,
                forum=forum,
                data=form.service_data(),
                steers=form.cleaned_data["steers"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The forum was saved."))
            return redirect(forum)
    return render(
        request,
        "forums/forum_form.html",
        {"form": form, "structure": forum.structure, "forum": forum},
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def forum_wind_down(request, slug):
    forum = _forum_for(request, slug, edit=True)
    form = WindDownForm(
        request.POST or None, initial={"active_to": forum.active_to or timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_wind_down(
                actor=request.user, forum=forum, on=form.cleaned_data["active_to"]
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            messages.success(request, _("The forum's wind-down day was saved."))
            return redirect(forum)
    return render(request, "forums/forum_wind_down.html", {"form": form, "forum": forum})


@_handle_login_first
@require_http_methods(["GET", "POST"])
def charter_update(request, slug):
    forum = _forum_for(request, slug, edit=True)
    general, specific = _assignments(forum)
    data = request.POST if request.method == "POST" else None
    form = CharterForm(data, initial={"purpose": forum.purpose})
    general_formset = AssignmentFormSet(
        data,
        prefix="general",
        initial=[{"text": item.text, "ORDER": i} for i, item in enumerate(general, start=1)],
    )
    specific_formset = AssignmentFormSet(
        data,
        prefix="specific",
        initial=[{"text": item.text, "ORDER": i} for i, item in enumerate(specific, start=1)],
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and general_formset.is_valid()
        and specific_formset.is_valid()
    ):
        try:
            version = services.charter_update(
                actor=request.user,
                forum=forum,
                purpose=form.cleaned_data["purpose"],
                general=assignment_texts(general_formset),
                specific=assignment_texts(specific_formset),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            if version is None:
                messages.info(request, _("The charter was not changed."))
            else:
                messages.success(
                    request,
                    _("The charter was saved as version %(number)s.") % {"number": version.number},
                )
            return redirect(forum)
    return render(
        request,
        "forums/charter_form.html",
        {
            "forum": forum,
            "form": form,
            "formsets": [
                (general_formset, _("General assignments"), _("General assignment")),
                (specific_formset, _("Specific assignments"), _("Specific assignment")),
            ],
        },
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def seat_set(request, slug):
    forum = _forum_for(request, slug, edit=True)
    seats = list(
        Seat.objects.filter(forum=forum, count__gt=0)
        .select_related("organisation", "party")
        .order_by("id")
    )
    organisations = list(
        Organisation.objects.filter(
            Q(archived_at__isnull=True) | Q(pk__in=[s.organisation_id for s in seats])
        ).order_by("name")
    )
    parties = list(
        Party.objects.filter(structure=forum.structure)
        .filter(Q(archived_at__isnull=True) | Q(pk__in=[s.party_id for s in seats]))
        .order_by("name")
    )
    formset = SeatFormSet(
        request.POST if request.method == "POST" else None,
        prefix="seats",
        initial=[
            {"organisation": s.organisation_id, "party": s.party_id, "count": s.count}
            for s in seats
        ],
        form_kwargs={"organisations": organisations, "parties": parties},
    )
    if request.method == "POST" and formset.is_valid():
        try:
            services.seat_set(actor=request.user, forum=forum, seats=formset.seats())
        except ValidationError as error:
            for messages_ in error.message_dict.values():
                for message in messages_:
                    formset.non_form_errors().append(message)
        else:
            messages.success(request, _("The seats were saved."))
            return redirect(forum)
    return render(request, "forums/seat_form.html", {"forum": forum, "formset": formset})


# --- Structures ------------------------------------------------------------------------------


@login_required
def structure_list(request):
    form = StructureSearchForm(request.GET)
    q, archived = "", False
    if form.is_valid():
        q, archived = form.cleaned_data["q"], form.cleaned_data["archived"]
    page = _page(request, structure_list_visible_to(user=request.user, q=q, archived=archived))
    managed = set(structures_managed_by(request.user).values_list("pk", flat=True))
    return render(
        request,
        "forums/structure_list.html",
        {
            "form": form,
            "page_obj": page,
            "structures": page.object_list,
            "managed_structure_ids": managed,
            "can_create": request.user.has_perm(ADD_STRUCTURE),
        },
    )


@_handle_login_first
def structure_detail(request, slug):
    structure = _structure_for(request, slug)
    user = request.user
    manages = can_manage_structure(user, structure)
    forums = list(forums_of_structure_visible_to(user=user, structure=structure))
    structure_map = build_map(structure, forums)
    map_svg = render_svg(structure_map, labelledby="map-heading")
    context = {
        "structure": structure,
        "manages": manages,
        "forums": forums,
        "map_svg": map_svg,
        "graphviz_missing": map_svg is None and not graphviz_installed(),
        "tree": structure_tree(forums),
        "parties": list(party_list_for_structure(structure=structure)),
        "archived_parties": (
            list(party_list_for_structure(structure=structure, archived=True)) if manages else []
        ),
        "secretariat_staff": list(structure.secretariat_staff.order_by("last_name", "first_name")),
        "secretariat_organisations": list(structure.secretariat_organisations.all()),
        "today": timezone.localdate(),
    }
    return render(request, "forums/structure_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def structure_create(request):
    if not request.user.has_perm(ADD_STRUCTURE):
        raise PermissionDenied
    form = StructureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            structure = services.structure_create(
                actor=request.user,
                data=form.service_data(),
                secretariat_organisations=form.cleaned_data["secretariat_organisations"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            messages.success(request, _("The structure was created."))
            return redirect(structure.get_absolute_url())
    return render(request, "forums/structure_form.html", {"form": form, "structure": None})


@_handle_login_first
@require_http_methods(["GET", "POST"])
def structure_update(request, slug):
    structure = _structure_for(request, slug, manage=True)
    form = StructureForm(request.POST or None, instance=Structure.objects.get(pk=structure.pk))
    if request.method == "POST" and form.is_valid():
        try:
            structure = services.structure_update(
                actor=request.user,
                structure=structure,
                data=form.service_data(),
                secretariat_organisations=form.cleaned_data["secretariat_organisations"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            messages.success(request, _("The structure was saved."))
            return redirect(structure.get_absolute_url())
    return render(request, "forums/structure_form.html", {"form": form, "structure": structure})


@_handle_login_first
@require_http_methods(["GET", "POST"])
def structure_secretariat(request, slug):
    structure = _structure_for(request, slug, manage=True)
    form = SecretariatForm(request.POST or None, structure=structure)
    if request.method == "POST" and form.is_valid():
        added, missing = people_named(identifiers=form.identifiers())
        if missing:
            form.add_error(
                "add",
                _("No active account has this username or e-mail: %(names)s.")
                % {"names": ", ".join(missing)},
            )
        else:
            staff = {person.pk: person for person in [*form.cleaned_data["staff"], *added]}
            try:
                services.structure_secretariat_set(
                    actor=request.user, structure=structure, staff=list(staff.values())
                )
            except ValidationError as error:
                attach_service_errors(form, error)
            else:
                messages.success(request, _("The secretariat staff were saved."))
                still_staff = structure.secretariat_staff.filter(pk=request.user.pk).exists()
                if still_staff or request.user.is_superuser:
                    return redirect(structure.get_absolute_url())
                return redirect("forums:structure_list")
    return render(
        request, "forums/structure_secretariat.html", {"form": form, "structure": structure}
    )


def _confirm(request, *, obj, action, title, question, done, back, archive=True):
    """A confirmation page (GET) and the archive/restore action (POST)."""
    if request.method == "POST":
        try:
            action()
        except DomainError as error:
            messages.error(request, str(error))
            return redirect(back)
        messages.success(request, done)
        return redirect(back)
    return render(
        request,
        "forums/confirm.html",
        {"object": obj, "title": title, "question": question, "back": back, "archive": archive},
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def structure_archive(request, slug):
    structure = _structure_for(request, slug, manage=True)
    return _confirm(
        request,
        obj=structure,
        action=lambda: services.structure_archive(actor=request.user, structure=structure),
        title=_("Archive %(name)s") % {"name": structure.name},
        question=_(
            "Archived structures are hidden from lists and get no new forums. Nothing is "
            "deleted and the secretariat can restore it."
        ),
        done=_("The structure was archived."),
        back=structure.get_absolute_url(),
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def structure_restore(request, slug):
    structure = _structure_for(request, slug, manage=True)
    return _confirm(
        request,
        obj=structure,
        action=lambda: services.structure_restore(actor=request.user, structure=structure),
        title=_("Restore %(name)s") % {"name": structure.name},
        question=_("The structure will be shown in lists again."),
        done=_("The structure was restored."),
        back=structure.get_absolute_url(),
        archive=False,
    )


# --- Parties ---------------------------------------------------------------------------------


@_handle_login_first
@require_http_methods(["GET", "POST"])
def party_create(request, slug):
    structure = _structure_for(request, slug, manage=True)
    form = PartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.party_create(actor=request.user, structure=structure, data=form.cleaned_data)
        except ValidationError as error:
            attach_service_errors(form, error)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The party was added."))
            return redirect(structure.get_absolute_url())
    return render(
        request, "forums/party_form.html", {"form": form, "structure": structure, "party": None}
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def party_update(request, pk):
    party = _party_for(request, pk)
    form = PartyForm(request.POST or None, instance=Party.objects.get(pk=party.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.party_update(actor=request.user, party=party, data=form.cleaned_data)
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            messages.success(request, _("The party was saved."))
            return redirect(party.structure.get_absolute_url())
    return render(
        request,
        "forums/party_form.html",
        {"form": form, "structure": party.structure, "party": party},
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def party_archive(request, pk):
    party = _party_for(request, pk)
    return _confirm(
        request,
        obj=party,
        action=lambda: services.party_archive(actor=request.user, party=party),
        title=_("Archive the party %(name)s") % {"name": party.name},
        question=_("An archived party gets no new seats or members. Nothing is deleted."),
        done=_("The party was archived."),
        back=party.structure.get_absolute_url(),
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def party_restore(request, pk):
    party = _party_for(request, pk)
    return _confirm(
        request,
        obj=party,
        action=lambda: services.party_restore(actor=request.user, party=party),
        title=_("Restore the party %(name)s") % {"name": party.name},
        question=_("The party will be in use again."),
        done=_("The party was restored."),
        back=party.structure.get_absolute_url(),
        archive=False,
    )


# --- Organisations ---------------------------------------------------------------------------


@login_required
def organisation_list(request):
    _require_secretariat(request.user)
    form = OrganisationSearchForm(request.GET, parties=_managed_parties(request.user))
    filters = {}
    if form.is_valid():
        filters = {
            "q": form.cleaned_data["q"],
            "kind": form.cleaned_data["kind"],
            "party": form.cleaned_data["party"],
            "archived": form.cleaned_data["archived"],
        }
    page = _page(request, selectors.organisation_list(**filters))
    return render(
        request,
        "forums/organisation_list.html",
        {"form": form, "page_obj": page, "organisations": page.object_list},
    )


def _organisation_form_parties(user, organisation=None):
    managed = _managed_parties(user)
    if organisation is not None:
        managed = managed | Party.objects.filter(
            pk__in=organisation.parties.filter(
                structure__in=structures_managed_by(user).values("pk")
            ).values("pk")
        ).select_related("structure")
    return managed.distinct().order_by("structure__name", "name")


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    _require_secretariat(request.user)
    form = OrganisationForm(request.POST or None, parties=_organisation_form_parties(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_create(
                actor=request.user,
                data=form.service_data(),
                parties=form.cleaned_data["parties"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            messages.success(request, _("The organisation was added."))
            return redirect("forums:organisation_list")
    return render(request, "forums/organisation_form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_update(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    _require_secretariat(request.user)
    form = OrganisationForm(
        request.POST or None,
        instance=Organisation.objects.get(pk=organisation.pk),
        parties=_organisation_form_parties(request.user, organisation),
    )
    form_party_ids = {party.pk for party in form.fields["parties"].queryset}
    other_parties = [
        party
        for party in organisation.parties.select_related("structure")
        if party.pk not in form_party_ids
    ]
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                actor=request.user,
                organisation=organisation,
                data=form.service_data(),
                parties=[*form.cleaned_data["parties"], *other_parties],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect("forums:organisation_list")
    return render(
        request,
        "forums/organisation_form.html",
        {"form": form, "organisation": organisation, "other_parties": other_parties},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_archive(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    _require_secretariat(request.user)
    return _confirm(
        request,
        obj=organisation,
        action=lambda: services.organisation_archive(actor=request.user, organisation=organisation),
        title=_("Archive %(name)s") % {"name": organisation.name},
        question=_(
            "An archived organisation gets no new seats and is hidden from the register. "
            "Nothing is deleted."
        ),
        done=_("The organisation was archived."),
        back=reverse("forums:organisation_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_restore(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    _require_secretariat(request.user)
    return _confirm(
        request,
        obj=organisation,
        action=lambda: services.organisation_restore(actor=request.user, organisation=organisation),
        title=_("Restore %(name)s") % {"name": organisation.name},
        question=_("The organisation will be in the register again."),
        done=_("The organisation was restored."),
        back=reverse("forums:organisation_list"),
        archive=False,
    )


# --- Public pages (no login) -----------------------------------------------------------------


def public_forum_list(request):
    """Public forums, grouped by structure."""
    forums = list(public_forums())
    groups = {}
    for forum in forums:
        groups.setdefault(forum.structure, []).append(forum)
    return render(
        request,
        "forums/public/forum_list.html",
        {"groups": [(structure, items) for structure, items in groups.items()]},
    )


def public_forum_detail(request, slug):
    """A public forum's charter and the panels other apps publish on it (members with the
    contact details they agreed to publish, approved minutes, reports). Nothing else."""
    forum = public_forum_get(slug=slug)
    general, specific = _assignments(forum)
    return render(
        request,
        "forums/public/forum_detail.html",
        {
            "forum": forum,
            "general_assignments": general,
            "specific_assignments": specific,
            "panels": panels_for(PUBLIC, request, forum),
        },
    )
