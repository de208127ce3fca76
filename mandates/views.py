"""Thin views: fetch through a scoped selector (404 unseen, 403 seen but not allowed), and
run every write through kernel.views.form_submit / action_submit (form -> service ->
errors -> confirmation and redirect). Lists are a FilterSet and a Table (list_page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from forums.permissions import can_manage_structure
from kernel.lists import list_page, table_page
from kernel.views import action_submit, form_submit

from . import rules, selectors, services
from .composition import composition_for_forum
from .filters import ImportRowFilter, MandateFilter, PersonFilter
from .forms import (
    ChooseForumForm,
    EndForm,
    ImportForm,
    MandateCreateForm,
    MandateUpdateForm,
    PersonForm,
    ReasonForm,
)
from .models import Mandate, MandateImport
from .permissions import can_change_person, can_manage_mandates, can_manage_people
from .rotation import has_rotation, rotation_plan
from .tables import ImportRowTable, MandateTable, PersonTable

PAGE_SIZE = 50
IMPORT_ROWS_PAGE_SIZE = 100


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
    forum = selectors.forum_get_visible(user=request.user, slug=slug)
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
    """The signed document, only for those who may see the forum (never through MEDIA_URL)."""
    mandate = selectors.mandate_get_visible(user=request.user, pk=pk)
    if not mandate.document:
        raise Http404
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


# --- imports -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_create(request, slug):
    structure = selectors.structure_get_visible(user=request.user, slug=slug)
    _require(can_manage_structure(request.user, structure))

    def upload_and_check(data):
        mandate_import = services.mandate_import_create(
            actor=request.user, structure=structure, file=data["file"]
        )
        services.mandate_import_start_check(actor=request.user, mandate_import=mandate_import)
        return mandate_import

    form = ImportForm(*_bound(request, "files"))
    response = form_submit(
        request, form, upload_and_check, success=lambda mandate_import: mandate_import
    )
    context = {
        "form": form,
        "structure": structure,
        "imports": selectors.mandate_imports_recent(structure=structure),
    }
    return response or render(request, "mandates/import_form.html", context)


@login_required
def import_detail(request, pk):
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    filterset, table = list_page(
        request,
        ImportRowFilter,
        ImportRowTable,
        selectors.mandate_import_rows(mandate_import),
        per_page=IMPORT_ROWS_PAGE_SIZE,
    )
    context = {
        "import": mandate_import,
        "progress": selectors.mandate_import_progress(mandate_import),
        "table": table,
        "only_invalid": bool(filterset.form.is_valid() and filterset.form.cleaned_data["invalid"]),
        "can_confirm": mandate_import.status == MandateImport.Status.PREVIEWED
        and mandate_import.valid_count > 0,
    }
    return render(request, "mandates/import_detail.html", context)


@login_required
def import_progress(request, pk):
    """The progress bar alone, for htmx polling; reloads the page when the work is done."""
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    if not request.htmx:
        return redirect(mandate_import)
    if not mandate_import.is_running:
        return HttpResponseClientRefresh()
    context = {
        "import": mandate_import,
        "progress": selectors.mandate_import_progress(mandate_import),
    }
    return render(request, "mandates/partials/_import_progress.html", context)


def _import_outcome(request):
    """Saved, failed in the worker's transaction, or still saving (a large import)."""

    def outcome(mandate_import):
        if mandate_import.status == MandateImport.Status.DONE:
            messages.success(
                request, _("%(count)d rows are saved.") % {"count": mandate_import.saved_count}
            )
        elif mandate_import.status == MandateImport.Status.FAILED:
            messages.error(request, mandate_import.error)
        else:
            messages.info(request, _("The rows are being saved."))
        return ""

    return outcome


@login_required
@require_POST
def import_confirm(request, pk):
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    return action_submit(
        request,
        lambda: services.mandate_import_confirm(actor=request.user, mandate_import=mandate_import),
        success=mandate_import,
        failure=mandate_import,
        message=_import_outcome(request),
    )


# --- people --------------------------------------------------------------------------------


@login_required
def person_list(request):
    full_contact = can_manage_people(request.user)
    filterset, table = list_page(
        request,
        PersonFilter,
        PersonTable,
        selectors.person_list_visible_to(user=request.user),
        per_page=PAGE_SIZE,
        viewer=request.user,
        full_contact=full_contact,
    )
    context = {"filterset": filterset, "table": table, "can_register": full_contact}
    return render(request, "mandates/person_list.html", context)


@login_required
def person_detail(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    show_email, show_phone = selectors.person_contact_visible(user=request.user, person=person)
    can_change = can_change_person(request.user, person)
    gives_mandates = can_change and selectors.manages_any_forum(request.user)
    mandates = MandateTable(
        selectors.person_mandates_visible_to(user=request.user, person=person),
        empty_text=_("No mandates in the forums you can see."),
    )
    context = {
        "person": person,
        "mandates": table_page(request, mandates, per_page=PAGE_SIZE),
        "show_email": show_email,
        "show_phone": show_phone,
        "can_change": can_change,
        "can_invite": can_change and person.email and not person.has_usable_password(),
        "invitations": selectors.person_invitations_recent(person) if can_change else [],
        "choose_forum": ChooseForumForm(
            forums=selectors.forums_managed_by(request.user), initial={"person": person.pk}
        )
        if gives_mandates
        else None,
    }
    return render(request, "mandates/person_detail.html", context)


def _invitation_sent(request, person):
    messages.info(request, _("An invitation is sent to %(email)s.") % {"email": person.email})


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    _require(can_manage_people(request.user))
    form = PersonForm(*_bound(request))

    def register(data):
        person = services.person_register(
            actor=request.user, username=data["username"], **form.person_fields()
        )
        if data["invite"]:
            services.person_invite(
                actor=request.user, person=person, base_url=request.build_absolute_uri("/")
            )
        return person

    def registered(person):
        messages.success(request, _("%(person)s is registered.") % {"person": person})
        if form.cleaned_data["invite"]:
            _invitation_sent(request, person)
        return ""

    response = form_submit(
        request,
        form,
        register,
        success=lambda person: reverse("people:person_detail", args=[person.pk]),
        message=registered,
    )
    return response or render(request, "mandates/person_form.html", {"form": form, "person": None})


@login_required
@require_http_methods(["GET", "POST"])
def person_update(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    _require(can_change_person(request.user, person))
    form = PersonForm(*_bound(request), person=person)
    response = form_submit(
        request,
        form,
        lambda data: services.person_update(
            actor=request.user, person=person, **form.person_fields()
        ),
        success=reverse("people:person_detail", args=[person.pk]),
        message=_("The details are saved."),
    )
    return response or render(
        request, "mandates/person_form.html", {"form": form, "person": person}
    )


@login_required
@require_POST
def person_invite(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    _require(can_change_person(request.user, person))
    detail = reverse("people:person_detail", args=[person.pk])
    return action_submit(
        request,
        lambda: services.person_invite(
            actor=request.user, person=person, base_url=request.build_absolute_uri("/")
        ),
        success=detail,
        failure=detail,
        message=_("An invitation is sent to %(email)s.") % {"email": person.email},
    )


class InvitationAcceptView(PasswordResetConfirmView):
    """The link in the invitation: set a password once, then log in."""

    template_name = "mandates/invitation_accept.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        services.invitation_accept(person=form.user)
        messages.success(
            self.request,
            _("Your password is set. Log in with your username %(username)s.")
            % {"username": form.user.username},
        )
        return response
