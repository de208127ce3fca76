"""The forum pages members read and the secretariat's forum forms: details, charter, seats."""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kernel.lists import list_page
from kernel.pickers import options_response
from kernel.views import form_submit

from .. import selectors, services
from ..charter import charter_diff
from ..filters import ForumFilter
from ..forms import (
    ORGANISATION_SEARCH_FIELDS,
    AssignmentFormSet,
    CharterForm,
    ForumForm,
    SeatFormSet,
    WindDownForm,
    assignment_texts,
)
from ..models import Forum
from ..panels import MEMBER, WIND_DOWN, panels_for, viewer
from ..selectors import (
    charter_versions,
    forum_relatives_visible_to,
)
from ..tables import ForumTable
from .common import (
    assignments,
    forum_for,
    handle_login_first,
    structure_for,
)


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


def charter_context(request, forum, *, compare_param="jamfor"):
    """The current charter, its versions and a diff against the version asked for."""
    general, specific = assignments(forum)
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


def forum_links(forum, standing):
    """The forum page's ways on: (id, label, URL) of the pages about this forum the viewer
    may open. The pages belong to the apps above; a URL name is no import. Mandates and
    cases: those who see the members (they sit there or run the structure); the rotation
    plan: whoever sees the forum; the compliance check: the structure's secretariat; the
    public page: when the forum is public. Meetings come from the meetings app's panel."""
    links = []
    if standing.sees_members:
        links.append(
            (
                "forum-mandates-link",
                _("Mandates"),
                reverse("mandates:forum_mandates", args=[forum.slug]),
            )
        )
    links.append(
        ("forum-rotation-link", _("Rotation plan"), reverse("mandates:rotation", args=[forum.slug]))
    )
    if standing.sees_members:
        cases = reverse("escalation:my_cases") + f"?forum={forum.pk}"
        links.append(("forum-cases-link", _("Your cases in this forum"), cases))
    if standing.is_secretariat:
        compliance = reverse("mandates:compliance", args=[forum.structure.slug])
        links.append(("forum-compliance-link", _("Rule checks"), compliance))
    if forum.is_public:
        public = reverse("public_forums:forum_detail", args=[forum.slug])
        links.append(("forum-public-link", _("Public page"), public))
    return links


def forum_detail(request, slug):
    forum = forum_for(request, slug)
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
        "forum_links": forum_links(forum, standing),
        "today": timezone.localdate(),
        **charter_context(request, forum),
    }
    return render(request, "forums/forum_detail.html", context)


@handle_login_first
@require_http_methods(["GET", "POST"])
def forum_create(request, slug):
    structure = structure_for(request, slug, manage=True)
    form = ForumForm(
        request.POST or None,
        structure=structure,
        user=request.user,
        instance=Forum(structure=structure),
    )
    done = form_submit(
        request,
        form,
        lambda data: services.forum_create(
            actor=request.user,
            structure=structure,
            data=form.service_data(),
            steers=data["steers"],
            coordinates_with=data["coordinates_with"],
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


@handle_login_first
@require_http_methods(["GET", "POST"])
def forum_update(request, slug):
    forum = forum_for(request, slug, edit=True)
    form = ForumForm(
        request.POST or None, structure=forum.structure, user=request.user, instance=forum
    )
    done = form_submit(
        request,
        form,
        lambda data: services.forum_update(
            actor=request.user,
            forum=forum,
            data=form.service_data(),
            steers=data["steers"],
            coordinates_with=data["coordinates_with"],
        ),
        success=lambda forum: forum.get_absolute_url(),
        message=_("The forum was saved."),
    )
    return done or render(
        request,
        "forums/forum_form.html",
        {"form": form, "structure": forum.structure, "forum": forum},
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def forum_wind_down(request, slug):
    forum = forum_for(request, slug, edit=True)
    form = WindDownForm(
        request.POST or None, initial={"active_to": forum.active_to or timezone.localdate()}
    )
    done = form_submit(
        request,
        form,
        lambda data: services.forum_wind_down(
            actor=request.user, forum=forum, on=data["active_to"]
        ),
        # Back to this page: what is still open at the forum is listed below the form.
        success=reverse("forums:forum_wind_down", kwargs={"slug": forum.slug}),
        message=_(
            "The forum's wind-down day was saved. Decide below what happens to its open cases "
            "and to its meetings after that day."
        ),
    )
    return done or render(
        request,
        "forums/forum_wind_down.html",
        {"form": form, "forum": forum, "panels": panels_for(WIND_DOWN, request, forum)},
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def charter_update(request, slug):
    forum = forum_for(request, slug, edit=True)
    general, specific = assignments(forum)
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


@handle_login_first
@require_http_methods(["GET", "POST"])
def seat_set(request, slug):
    forum = forum_for(request, slug, edit=True)
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


@handle_login_first
@require_http_methods(["GET"])
def principal_body_options(request, slug):
    """The forum form's organisations matching ?q= (its own field, for the secretariat)."""
    structure = structure_for(request, slug, manage=True)
    field = ForumForm(structure=structure, user=request.user).fields["principal_body"]
    return options_response(request, field, ORGANISATION_SEARCH_FIELDS)
