"""The secretariat's workspace for structures and forums, and the forum pages members read.

Views are thin: they fetch through the selectors, which use the visibility API (an object
the user may not see is a 404, one they see but may not change a 403), and write through
`kernel.views.form_submit` / `action_submit` (form -> service -> errors -> redirect). List
pages are a FilterSet and a Table (forums.filters, forums.tables) through `list_page`.

Anonymous visitors: a page about an object they could see if logged in (a public forum, a
structure with public forums) sends them to log in, or for a public forum's page to its
public page; anything else is a 404, the same as a forum that does not exist.
"""

from functools import wraps
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kernel.lists import list_page
from kernel.views import action_submit, form_submit
from kernel.visibility import VIEW

from . import selectors, services
from .charter import charter_diff
from .filters import ForumFilter, OrganisationFilter, StructureFilter
from .forms import (
    AssignmentFormSet,
    CharterForm,
    ForumForm,
    OrganisationForm,
    PartyForm,
    SeatFormSet,
    SecretariatForm,
    StructureForm,
    WindDownForm,
    assignment_texts,
)
from .map import build_map, graphviz_installed, render_svg, structure_tree
from .models import Forum
from .panels import MEMBER, PUBLIC, panels_for, viewer
from .permissions import (
    CHANGE,
    MANAGE,
    can_manage_structure,
    is_secretariat_anywhere,
)
from .selectors import (
    charter_versions,
    forum_relatives_visible_to,
    forums_of_structure_visible_to,
    party_list_for_structure,
    public_forum_get,
    public_forums,
)
from .tables import ForumTable, OrganisationTable, StructureTable

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


def _fetch(request, get, action=VIEW, *, login_first=False, **lookup):
    """The object `get` (a selector on the visibility API) finds for this request's user.

    Not visible: a 404. Visible but `action` not allowed: a 403. An anonymous visitor who can
    see it, asking for more than reading (`action`, or `login_first`), is sent to log in.
    """
    user = request.user
    if not user.is_authenticated and (action != VIEW or login_first):
        get(user=user, **lookup)  # a 404 unless they could see it
        raise _LoginFirst
    return get(user=user, action=action, **lookup)


def _forum_for(request, slug, *, edit=False):
    """The forum if the user may see it (404 otherwise) and, with edit, change it (403)."""
    return _fetch(request, selectors.forum_get_visible, CHANGE if edit else VIEW, slug=slug)


def _structure_for(request, slug, *, manage=False):
    """The structure if the user may see it (404) and, with manage, run it (403); its pages
    are for logged-in users only."""
    action = MANAGE if manage else VIEW
    return _fetch(request, selectors.structure_get_visible, action, login_first=True, slug=slug)


def _party_for(request, pk):
    """The party if the user may see its structure (404) and run it (403)."""
    return _fetch(request, selectors.party_get, MANAGE, pk=pk)


def _require_secretariat(user):
    if not is_secretariat_anywhere(user):
        raise PermissionDenied


# --- Forums ----------------------------------------------------------------------------------


@login_required
def forum_list(request):
    user = request.user
    managed = selectors.structure_ids_run_by(user=user)
    filterset, table = list_page(
        request,
        ForumFilter,
        ForumTable,
        selectors.forum_list_visible_to(user=user),
        managed_structure_ids=managed,
    )
    return render(
        request,
        "forums/forum_list.html",
        {
            "filterset": filterset,
            "table": table,
            "managed_structure_ids": managed,
            "can_create_in": list(selectors.structures_open_run_by(user=user)),
        },
    )


def _assignments(forum):
    return selectors.charter_items(forum=forum)


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
    done = form_submit(
        request,
        form,
        lambda data: services.forum_create(
            actor=request.user,
            structure=structure,
            data=form.service_data(),
            steers=data["steers"],
        ),
        success=lambda forum: forum.get_absolute_url(),
        message=lambda forum: (
            _("The forum %(name)s was set up. Now give it its charter and seats.")
            % {"name": forum.name}
        ),
    )
    return done or render(
        request,
        "forums/forum_form.html",
        {"form": form, "structure": structure, "forum": None},
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def forum_update(request, slug):
    forum = _forum_for(request, slug, edit=True)
    form = ForumForm(request.POST or None, structure=forum.structure, instance=forum)
    done = form_submit(
        request,
        form,
        lambda data: services.forum_update(
            actor=request.user,
            forum=forum,
            data=form.service_data(),
            steers=data["steers"],
        ),
        success=lambda forum: forum.get_absolute_url(),
        message=_("The forum was saved."),
    )
    return done or render(
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
    done = form_submit(
        request,
        form,
        lambda data: services.forum_wind_down(
            actor=request.user, forum=forum, on=data["active_to"]
        ),
        success=forum.get_absolute_url(),
        message=_("The forum's wind-down day was saved."),
    )
    return done or render(request, "forums/forum_wind_down.html", {"form": form, "forum": forum})


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

    def save(cleaned):
        version = services.charter_update(
            actor=request.user,
            forum=forum,
            purpose=cleaned["purpose"],
            general=assignment_texts(general_formset),
            specific=assignment_texts(specific_formset),
            note=cleaned["note"],
        )
        if version is None:
            messages.info(request, _("The charter was not changed."))
        return version

    formsets_valid = general_formset.is_valid() and specific_formset.is_valid()
    done = formsets_valid and form_submit(
        request,
        form,
        save,
        success=forum.get_absolute_url(),
        message=lambda version: (
            _("The charter was saved as version %(number)s.") % {"number": version.number}
            if version is not None
            else ""
        ),
    )
    return done or render(
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
    seats, organisations, parties = selectors.seat_form_choices(forum=forum)
    formset = SeatFormSet(
        request.POST if request.method == "POST" else None,
        prefix="seats",
        initial=[
            {"organisation": s.organisation_id, "party": s.party_id, "count": s.count}
            for s in seats
        ],
        form_kwargs={"organisations": organisations, "parties": parties},
    )
    done = form_submit(
        request,
        formset,
        lambda data: services.seat_set(actor=request.user, forum=forum, seats=formset.seats()),
        success=forum.get_absolute_url(),
        message=_("The seats were saved."),
    )
    return done or render(request, "forums/seat_form.html", {"forum": forum, "formset": formset})


# --- Structures ------------------------------------------------------------------------------


@login_required
def structure_list(request):
    managed = selectors.structure_ids_run_by(user=request.user)
    filterset, table = list_page(
        request,
        StructureFilter,
        StructureTable,
        selectors.structure_list_visible_to(user=request.user),
        managed_structure_ids=managed,
    )
    return render(
        request,
        "forums/structure_list.html",
        {
            "filterset": filterset,
            "table": table,
            "managed_structure_ids": managed,
            "can_create": request.user.has_perm(services.ADD_STRUCTURE),
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
        "secretariat_staff": list(selectors.structure_secretariat_staff(structure=structure)),
        "secretariat_organisations": list(
            selectors.structure_secretariat_organisations(structure=structure)
        ),
        "today": timezone.localdate(),
    }
    return render(request, "forums/structure_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def structure_create(request):
    if not request.user.has_perm(services.ADD_STRUCTURE):
        raise PermissionDenied
    form = StructureForm(request.POST or None)
    done = form_submit(
        request,
        form,
        lambda data: services.structure_create(
            actor=request.user,
            data=form.service_data(),
            secretariat_organisations=data["secretariat_organisations"],
        ),
        success=lambda structure: structure.get_absolute_url(),
        message=_("The structure was created."),
    )
    return done or render(request, "forums/structure_form.html", {"form": form, "structure": None})


@_handle_login_first
@require_http_methods(["GET", "POST"])
def structure_update(request, slug):
    structure = _structure_for(request, slug, manage=True)
    form = StructureForm(request.POST or None, instance=structure)
    done = form_submit(
        request,
        form,
        lambda data: services.structure_update(
            actor=request.user,
            structure=structure,
            data=form.service_data(),
            secretariat_organisations=data["secretariat_organisations"],
        ),
        success=lambda structure: structure.get_absolute_url(),
        message=_("The structure was saved."),
    )
    return done or render(
        request, "forums/structure_form.html", {"form": form, "structure": structure}
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def structure_secretariat(request, slug):
    structure = _structure_for(request, slug, manage=True)
    form = SecretariatForm(request.POST or None, structure=structure)
    user = request.user

    def back(structure):
        # Someone who took themselves off the secretariat can no longer run the structure.
        if user.is_superuser or selectors.is_secretariat_staff(structure=structure, user=user):
            return structure.get_absolute_url()
        return reverse("forums:structure_list")

    done = form_submit(
        request,
        form,
        lambda data: services.structure_secretariat_set(
            actor=user, structure=structure, staff=form.staff_after()
        ),
        success=back,
        message=_("The secretariat staff were saved."),
    )
    return done or render(
        request, "forums/structure_secretariat.html", {"form": form, "structure": structure}
    )


def _confirm(request, *, obj, action, title, question, done, back, archive=True):
    """A confirmation page (GET) and the archive/restore action (POST)."""
    if request.method == "POST":
        return action_submit(request, action, success=back, failure=back, message=done)
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
    done = form_submit(
        request,
        form,
        lambda data: services.party_create(actor=request.user, structure=structure, data=data),
        success=structure.get_absolute_url(),
        message=_("The party was added."),
    )
    return done or render(
        request, "forums/party_form.html", {"form": form, "structure": structure, "party": None}
    )


@_handle_login_first
@require_http_methods(["GET", "POST"])
def party_update(request, pk):
    party = _party_for(request, pk)
    form = PartyForm(request.POST or None, instance=party)
    done = form_submit(
        request,
        form,
        lambda data: services.party_update(actor=request.user, party=party, data=data),
        success=party.structure.get_absolute_url(),
        message=_("The party was saved."),
    )
    return done or render(
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
    filterset, table = list_page(
        request, OrganisationFilter, OrganisationTable, selectors.organisation_list()
    )
    return render(
        request, "forums/organisation_list.html", {"filterset": filterset, "table": table}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    _require_secretariat(request.user)
    parties = selectors.parties_for_organisation_form(user=request.user)
    form = OrganisationForm(request.POST or None, parties=parties)
    done = form_submit(
        request,
        form,
        lambda data: services.organisation_create(
            actor=request.user, data=form.service_data(), parties=data["parties"]
        ),
        success=reverse("forums:organisation_list"),
        message=_("The organisation was added."),
    )
    return done or render(
        request, "forums/organisation_form.html", {"form": form, "organisation": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_update(request, pk):
    user = request.user
    organisation = selectors.organisation_get(user=user, pk=pk, action=CHANGE)
    form = OrganisationForm(
        request.POST or None,
        instance=organisation,
        parties=selectors.parties_for_organisation_form(user=user, organisation=organisation),
    )
    # Memberships in structures the editor does not run are kept as they are.
    other_parties = list(
        selectors.organisation_parties_elsewhere(user=user, organisation=organisation)
    )
    done = form_submit(
        request,
        form,
        lambda data: services.organisation_update(
            actor=user,
            organisation=organisation,
            data=form.service_data(),
            parties=[*data["parties"], *other_parties],
        ),
        success=reverse("forums:organisation_list"),
        message=_("The organisation was saved."),
    )
    return done or render(
        request,
        "forums/organisation_form.html",
        {"form": form, "organisation": organisation, "other_parties": other_parties},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_archive(request, pk):
    organisation = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
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
    organisation = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
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
