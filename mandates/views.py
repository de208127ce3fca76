"""Thin views: fetch through a scoped selector (404), check the permission (403), validate a
form, call a service, and turn its errors into form errors or messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from forums.permissions import can_manage_structure, structures_managed_by
from kernel.errors import DomainError
from kernel.forms import attach_service_errors

from . import rules, selectors, services
from .composition import composition_for_forum
from .forms import (
    ChooseForumForm,
    EndForm,
    ImportForm,
    MandateCreateForm,
    MandateFilterForm,
    MandateUpdateForm,
    PersonForm,
    ReasonForm,
)
from .models import Mandate, MandateImport
from .permissions import can_change_person, can_manage_mandates, can_manage_people
from .rotation import has_rotation, rotation_plan

PAGE_SIZE = 50
IMPORT_ROWS_PAGE_SIZE = 100


def _page(request, queryset, size=PAGE_SIZE):
    """One page of rows without counting them all: fetch one more to know if there is more."""
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        number = 1
    offset = (number - 1) * size
    rows = list(queryset[offset : offset + size + 1])
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "rows": rows[:size],
        "number": number,
        "has_next": len(rows) > size,
        "has_previous": number > 1,
        "query": query.urlencode(),
    }


def _warn(request, instance):
    for finding in getattr(instance, "warnings", []):
        messages.warning(request, finding.message)


def _require(allowed):
    if not allowed:
        raise PermissionDenied


# --- mandates ------------------------------------------------------------------------------


@login_required
def mandate_list(request):
    form = MandateFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    mandates = selectors.mandate_list_visible_to(
        user=request.user,
        role=filters.get("role", ""),
        status=filters.get("status", ""),
        search=filters.get("q", ""),
    )
    context = {
        "form": form,
        "page": _page(request, mandates),
        "structures": structures_managed_by(request.user).order_by("name"),
        "own": selectors.mandate_list_current_for_person(user=request.user),
        "can_manage_people": can_manage_people(request.user),
    }
    return render(request, "mandates/mandate_list.html", context)


@login_required
def forum_mandates(request, slug):
    forum = selectors.forum_get_visible(user=request.user, slug=slug)
    manage = can_manage_mandates(request.user, forum)
    context = {
        "forum": forum,
        "manage": manage,
        "composition": composition_for_forum(forum),
        "findings": rules.forum_findings(rules.load_state(forum)) if manage else [],
        "current": selectors.forum_mandates_current(forum),
        "past": selectors.forum_mandates_past(forum),
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
    forums = selectors.forums_managed_by(request.user)
    _require(can_manage_people(request.user) and forums.exists())
    bound = request.GET if "forum" in request.GET else None
    form = ChooseForumForm(bound, forums=forums, initial={"person": request.GET.get("person")})
    if bound is not None and form.is_valid():
        url = reverse("mandates:mandate_create", kwargs={"slug": form.cleaned_data["forum"].slug})
        person = form.cleaned_data.get("person")
        return redirect(f"{url}?person={person}" if person else url)
    return render(request, "mandates/mandate_choose_forum.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def mandate_create(request, slug):
    forum = selectors.forum_get_visible(user=request.user, slug=slug)
    _require(can_manage_mandates(request.user, forum))
    if request.method == "POST":
        form = MandateCreateForm(request.POST, request.FILES, forum=forum)
        if form.is_valid():
            data = form.cleaned_data
            try:
                mandate = services.mandate_propose(
                    actor=request.user,
                    forum=forum,
                    person=data["person"],
                    role=data["role"],
                    organisation=data["organisation"],
                    deputy_for=data["deputy_for"],
                    valid_from=data["valid_from"],
                    valid_to=data["valid_to"],
                    appointed_by=data["appointed_by"],
                    nominated_by=data["nominated_by"],
                    scope=data["scope"],
                    document=data["document"],
                    activate=data["activate"],
                    reason=data["reason"],
                )
            except ValidationError as error:
                attach_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                if mandate.status == Mandate.Status.ACTIVE:
                    messages.success(request, _("The mandate is appointed and active."))
                else:
                    messages.success(request, _("The mandate is proposed."))
                _warn(request, mandate)
                return redirect(mandate)
    else:
        initial = {"valid_from": timezone.localdate()}
        person = request.GET.get("person", "")
        if person.isdigit():
            initial["person"] = int(person)
        form = MandateCreateForm(forum=forum, initial=initial)
    return render(
        request,
        "mandates/mandate_form.html",
        {"form": form, "forum": forum, "mandate": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def mandate_update(request, pk):
    mandate = selectors.mandate_get_visible(user=request.user, pk=pk)
    _require(can_manage_mandates(request.user, mandate.forum))
    if mandate.status not in (Mandate.Status.PROPOSED, Mandate.Status.ACTIVE):
        messages.error(request, _("An ended or revoked mandate does not change any more."))
        return redirect(mandate)
    if request.method == "POST":
        form = MandateUpdateForm(request.POST, request.FILES, mandate=mandate)
        if form.is_valid():
            try:
                mandate = services.mandate_update(
                    actor=request.user,
                    mandate=mandate,
                    reason=form.cleaned_data["reason"],
                    document=form.cleaned_data["document"],
                    remove_document=form.cleaned_data.get("remove_document", False),
                    **form.changes(),
                )
            except ValidationError as error:
                attach_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The mandate is saved."))
                _warn(request, mandate)
                return redirect(mandate)
    else:
        form = MandateUpdateForm(mandate=mandate)
    return render(
        request,
        "mandates/mandate_form.html",
        {"form": form, "forum": mandate.forum, "mandate": mandate},
    )


def _mandate_action(request, pk, *, form_class, required, title, button, done, call):
    mandate = selectors.mandate_get_visible(user=request.user, pk=pk)
    _require(can_manage_mandates(request.user, mandate.forum))
    if request.method == "POST":
        form = form_class(request.POST, required=required)
        if form.is_valid():
            try:
                mandate = call(mandate, form.cleaned_data)
            except ValidationError as error:
                attach_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, done)
                _warn(request, mandate)
                return redirect(mandate)
    else:
        form = form_class(required=required)
    context = {"form": form, "mandate": mandate, "title": title, "button": button}
    return render(request, "mandates/mandate_confirm.html", context)


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
    }
    return render(request, "mandates/compliance.html", context)


# --- imports -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_create(request, slug):
    structure = selectors.structure_get_visible(user=request.user, slug=slug)
    _require(can_manage_structure(request.user, structure))
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                mandate_import = services.mandate_import_create(
                    actor=request.user, structure=structure, file=form.cleaned_data["file"]
                )
                services.mandate_import_start_check(
                    actor=request.user, mandate_import=mandate_import
                )
            except ValidationError as error:
                attach_service_errors(form, error)
            else:
                return redirect(mandate_import)
    else:
        form = ImportForm()
    context = {
        "form": form,
        "structure": structure,
        "imports": selectors.mandate_imports_recent(structure=structure),
    }
    return render(request, "mandates/import_form.html", context)


def _import_progress(mandate_import):
    if mandate_import.status == MandateImport.Status.SAVING:
        return cache.get(services.progress_cache_key(mandate_import.pk), 0)
    return mandate_import.progress


@login_required
def import_detail(request, pk):
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    only_invalid = request.GET.get("invalid") == "1"
    rows = selectors.mandate_import_rows(mandate_import, only_invalid=only_invalid)
    context = {
        "import": mandate_import,
        "progress": _import_progress(mandate_import),
        "page": _page(request, rows, size=IMPORT_ROWS_PAGE_SIZE),
        "only_invalid": only_invalid,
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
    context = {"import": mandate_import, "progress": _import_progress(mandate_import)}
    return render(request, "mandates/partials/_import_progress.html", context)


@login_required
@require_POST
def import_confirm(request, pk):
    mandate_import = selectors.mandate_import_get_managed(user=request.user, pk=pk)
    try:
        mandate_import = services.mandate_import_confirm(
            actor=request.user, mandate_import=mandate_import
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if mandate_import.status == MandateImport.Status.DONE:
            messages.success(
                request,
                _("%(count)d rows are saved.") % {"count": mandate_import.saved_count},
            )
        elif mandate_import.status == MandateImport.Status.FAILED:
            messages.error(request, mandate_import.error)
        else:
            messages.info(request, _("The rows are being saved."))
    return redirect(mandate_import)


# --- people --------------------------------------------------------------------------------


@login_required
def person_list(request):
    search = request.GET.get("q", "")[:100]
    people = selectors.person_list_visible_to(user=request.user, search=search)
    context = {
        "page": _page(request, people),
        "search": search,
        "full_contact": can_manage_people(request.user),
        "can_register": can_manage_people(request.user),
    }
    return render(request, "mandates/person_list.html", context)


@login_required
def person_detail(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    show_email, show_phone = selectors.person_contact_visible(user=request.user, person=person)
    can_change = can_change_person(request.user, person)
    forums = selectors.forums_managed_by(request.user)
    context = {
        "person": person,
        "mandates": selectors.person_mandates_visible_to(user=request.user, person=person),
        "show_email": show_email,
        "show_phone": show_phone,
        "can_change": can_change,
        "can_invite": can_change and person.email and not person.has_usable_password(),
        "invitations": person.invitations.order_by("-created_at")[:5] if can_change else [],
        "choose_forum": ChooseForumForm(forums=forums, initial={"person": person.pk})
        if can_change and forums.exists()
        else None,
    }
    return render(request, "mandates/person_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    _require(can_manage_people(request.user))
    if request.method == "POST":
        form = PersonForm(request.POST)
        if form.is_valid():
            try:
                person = services.person_register(
                    actor=request.user,
                    username=form.cleaned_data["username"],
                    **form.person_fields(),
                )
                if form.cleaned_data["invite"]:
                    services.person_invite(
                        actor=request.user,
                        person=person,
                        base_url=request.build_absolute_uri("/"),
                    )
            except ValidationError as error:
                attach_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("%(person)s is registered.") % {"person": person})
                if form.cleaned_data["invite"]:
                    messages.info(
                        request, _("An invitation is sent to %(email)s.") % {"email": person.email}
                    )
                return redirect("people:person_detail", pk=person.pk)
    else:
        form = PersonForm()
    return render(request, "mandates/person_form.html", {"form": form, "person": None})


@login_required
@require_http_methods(["GET", "POST"])
def person_update(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    _require(can_change_person(request.user, person))
    if request.method == "POST":
        form = PersonForm(request.POST, person=person)
        if form.is_valid():
            try:
                services.person_update(actor=request.user, person=person, **form.person_fields())
            except ValidationError as error:
                attach_service_errors(form, error)
            else:
                messages.success(request, _("The details are saved."))
                return redirect("people:person_detail", pk=person.pk)
    else:
        form = PersonForm(person=person)
    return render(request, "mandates/person_form.html", {"form": form, "person": person})


@login_required
@require_POST
def person_invite(request, pk):
    person = selectors.person_get_visible(user=request.user, pk=pk)
    _require(can_change_person(request.user, person))
    try:
        services.person_invite(
            actor=request.user, person=person, base_url=request.build_absolute_uri("/")
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("An invitation is sent to %(email)s.") % {"email": person.email}
        )
    return redirect("people:person_detail", pk=person.pk)


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
