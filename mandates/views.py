"""Thin views: fetch through a scoped selector (404 unseen, 403 seen but not allowed), and
run every write through kernel.views.form_submit / action_submit (form -> service ->
errors -> confirmation and redirect). Lists are a FilterSet and a Table (list_page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forums.permissions import can_manage_structure
from kernel.audit import personal_data_opened
from kernel.lists import list_page, table_page
from kernel.pickers import options_response
from kernel.views import form_submit

from . import rules, selectors, services
from .composition import composition_for_forum
from .filters import MandateFilter
from .forms import (
    PERSON_SEARCH_FIELDS,
    ChooseForumForm,
    EndForm,
    MandateCreateForm,
    MandateUpdateForm,
    ReasonForm,
)
from .models import Mandate
from .permissions import can_manage_mandates, can_manage_people
from .rotation import has_rotation, rotation_plan
from .tables import MandateTable

PAGE_SIZE = 50


def _confirm(request, text):
    """The confirmation of a mandate service, then its soft findings as warnings."""

    def confirm(mandate):
        messages.success(request, text(mandate) if callable(text) else text)
        for finding in getattr(mandate, "warnings", []):
            messages.warning(request, finding.message)
        return ""

    return confirm


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _bound(request, *files):
    """The POST data (and files) of a POST, None for a GET: the form arguments."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


# --- mandates ------------------------------------------------------------------------------


@login_required
def mandate_list(request):
    filterset, table = list_page(
        request,
        MandateFilter,
        MandateTable,
        selectors.mandate_list_visible_to(user=request.user),
        per_page=PAGE_SIZE,
    )
    context = {
        "filterset": filterset,
        "table": table,
        "structures": selectors.structures_run_by(request.user),
        "own": selectors.mandate_list_current_for_person(user=request.user),
        "can_manage_people": can_manage_people(request.user),
    }
    return render(request, "mandates/mandate_list.html", context)


@login_required
def forum_mandates(request, slug):
    """The forum's mandates, current and past: for its members and its secretariat (a
    public forum's visitors see who sits there on the forum page, not the mandates)."""
    forum = selectors.forum_get_members_visible(user=request.user, slug=slug)
    manage = can_manage_mandates(request.user, forum)
    filterset, current = list_page(
        request,
        MandateFilter,
        MandateTable,
        selectors.forum_mandates_current(forum),
        per_page=PAGE_SIZE,
        show_forum=False,
        empty_text=_("No current mandates."),
    )
    past_filter = MandateFilter(
        request.GET or None, queryset=selectors.forum_mandates_past(forum), request=request
    )
    past = table_page(
        request,
        MandateTable(
            past_filter.qs,
            show_forum=False,
            prefix="past-",
            empty_text=_("No ended mandates."),
        ),
        per_page=PAGE_SIZE,
    )
    context = {
        "forum": forum,
        "manage": manage,
        "composition": composition_for_forum(forum),
        "findings": rules.forum_findings(rules.load_state(forum)) if manage else [],
        "filterset": filterset,
        "current": current,
        "past": past,
        "has_rotation": has_rotation(forum),
    }
    return render(request, "mandates/forum_mandates.html", context)


@login_required
def mandate_detail(request, pk):
    mandate = selectors.mandate_get_visible(user=request.user, pk=pk)
    manage = can_manage_mandates(request.user, mandate.forum)
    context = {
        "mandate": mandate,
        "manage": manage,
        "history": selectors.mandate_history(mandate),
        "can_activate": manage and mandate.can_become(Mandate.Status.ACTIVE),
        "can_end": manage and mandate.can_become(Mandate.Status.ENDED),
        "can_revoke": manage and mandate.can_become(Mandate.Status.REVOKED),
        "can_update": manage and mandate.status in (Mandate.Status.PROPOSED, Mandate.Status.ACTIVE),
    }
    return render(request, "mandates/mandate_detail.html", context)


@login_required
def mandate_create_choose(request):
    """Choose the forum of a new mandate (from a person's page, or the list)."""
    _require(can_manage_people(request.user) and selectors.manages_any_forum(request.user))
    bound = request.GET if "forum" in request.GET else None
    form = ChooseForumForm(
        bound,
        forums=selectors.forums_managed_by(request.user),
        initial={"person": request.GET.get("person")},
    )
    if bound is not None and form.is_valid():
        url = reverse("mandates:mandate_create", kwargs={"slug": form.cleaned_data["forum"].slug})
        person = form.cleaned_data.get("person")
        return redirect(f"{url}?person={person}" if person else url)
    return render(request, "mandates/mandate_choose_forum.html", {"form": form})


def _proposed_text(mandate):
    if mandate.status == Mandate.Status.ACTIVE:
        return _("The mandate is appointed and active.")
    return _("The mandate is proposed.")


@login_required
@require_http_methods(["GET", "POST"])
def mandate_create(request, slug):
    forum = selectors.forum_get_visible(user=request.user, slug=slug)
    _require(can_manage_mandates(request.user, forum))
    initial = {"valid_from": timezone.localdate()}
    person = request.GET.get("person", "")
    if person.isdigit():
        initial["person"] = int(person)
    form = MandateCreateForm(*_bound(request, "files"), forum=forum, initial=initial)
    response = form_submit(
        request,
        form,
        lambda data: services.mandate_propose(actor=request.user, forum=forum, **data),
        success=lambda mandate: mandate,
        message=_confirm(request, _proposed_text),
    )
    return response or render(
        request, "mandates/mandate_form.html", {"form": form, "forum": forum, "mandate": None}
    )


@login_required
@require_http_methods(["GET"])
def person_options(request, slug):
    """The new-mandate form's people matching ?q= (its own field, its own permission)."""
    forum = selectors.forum_get_visible(user=request.user, slug=slug)
    _require(can_manage_mandates(request.user, forum))
    field = MandateCreateForm(forum=forum).fields["person"]
    return options_response(request, field, PERSON_SEARCH_FIELDS)


@login_required
@require_http_methods(["GET", "POST"])
def mandate_update(request, pk):
    mandate = selectors.mandate_get_managed(user=request.user, pk=pk)
    if mandate.status not in (Mandate.Status.PROPOSED, Mandate.Status.ACTIVE):
        messages.error(request, _("An ended or revoked mandate does not change any more."))
        return redirect(mandate)
    form = MandateUpdateForm(*_bound(request, "files"), mandate=mandate)
    response = form_submit(
        request,
        form,
        lambda data: services.mandate_update(
            actor=request.user,
            mandate=mandate,
            reason=data["reason"],
            document=data["document"],
            remove_document=data.get("remove_document", False),
            **form.changes(),
        ),
        success=lambda mandate: mandate,
        message=_confirm(request, _("The mandate is saved.")),
    )
    return response or render(
        request,
        "mandates/mandate_form.html",
        {"form": form, "forum": mandate.forum, "mandate": mandate},
    )


def _mandate_action(request, pk, *, form_class, required, title, button, done, call):
    """A status change confirmed with a reason: the form, the service, the redirect."""
    mandate = selectors.mandate_get_managed(user=request.user, pk=pk)
    form = form_class(*_bound(request), required=required)
    response = form_submit(
        request,
        form,
        lambda data: call(mandate, data),
        success=lambda mandate: mandate,
        message=_confirm(request, done),
    )
    context = {"form": form, "mandate": mandate, "title": title, "button": button}
    return response or render(request, "mandates/mandate_confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mandate_activate(request, pk):
    return _mandate_action(
        request,
        pk,
        form_class=ReasonForm,
        required=False,
        title=_("Activate the mandate"),
        button=_("Activate"),
        done=_("The mandate is active; the person's permissions are granted."),
        call=lambda mandate, data: services.mandate_activate(
            actor=request.user, mandate=mandate, reason=data["reason"]
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def mandate_end(request, pk):
    return _mandate_action(
        request,
        pk,
        form_class=EndForm,
        required=False,
        title=_("End the mandate"),
        button=_("End the mandate"),
        done=_("The mandate has ended; the person's permissions are taken away."),
        call=lambda mandate, data: services.mandate_end(
            actor=request.user, mandate=mandate, reason=data["reason"], on=data.get("on")
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def mandate_revoke(request, pk):
    return _mandate_action(
        request,
        pk,
        form_class=ReasonForm,
        required=True,
        title=_("Revoke the mandate"),
        button=_("Revoke"),
        done=_("The mandate is revoked; the person's permissions are taken away."),
        call=lambda mandate, data: services.mandate_revoke(
            actor=request.user, mandate=mandate, reason=data["reason"]
        ),
    )


@login_required
def mandate_document(request, pk):
    """The signed document, only for those who may see the mandate (the forum's members, its
    secretariat, administrators; never through MEDIA_URL)."""
    mandate = selectors.mandate_get_visible(user=request.user, pk=pk)
    if not mandate.document:
        raise Http404
    personal_data_opened(user=request.user, what="mandate document", obj=mandate)
    response = FileResponse(
        mandate.document.open("rb"),
        as_attachment=True,
        filename=f"mandate-{mandate.pk}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def rotation(request, slug):
    forum = selectors.forum_get_visible(user=request.user, slug=slug)
    try:
        periods = min(12, max(1, int(request.GET.get("periods", 4))))
    except ValueError:
        periods = 4
    context = {
        "forum": forum,
        "plan": rotation_plan(forum, periods=periods),
        "periods": periods,
    }
    return render(request, "mandates/rotation.html", context)


@login_required
def compliance(request, slug):
    structure = selectors.structure_get_visible(user=request.user, slug=slug)
    _require(can_manage_structure(request.user, structure))
    per_forum, structure_wide = rules.structure_findings(structure)
    findings = [f for _forum, items in per_forum for f in items] + structure_wide
    context = {
        "structure": structure,
        "per_forum": per_forum,
        "structure_wide": structure_wide,
        "hard_count": sum(f.is_hard for f in findings),
        "soft_count": sum(not f.is_hard for f in findings),
        "rules": rules.catalogue(findings),
    }
    return render(request, "mandates/compliance.html", context)
