"""Case pages: "My cases", raising a case, the case and its history, its steps, attachments
and the secretariat's list of escalated cases waiting for a meeting.

Views are thin: a case comes through a scoped selector (one the user may not see is a 404),
input through a form, every change through a service. A service's ValidationError goes next
to the fields, "the case changed meanwhile" back to the case page with a message, another
DomainError above the form, and PermissionDenied becomes a 403.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from forums.models import Forum, Structure
from forums.permissions import can_manage_structure, structures_managed_by
from kernel.errors import DomainError
from kernel.forms import attach_service_errors

from . import services
from .errors import CaseChangedMeanwhile
from .forms import (
    AttachmentForm,
    CaseFilterForm,
    CaseRaiseForm,
    DecideForm,
    FeedbackForm,
    NoteForm,
    PrepareForm,
    ReasonForm,
    ScheduleForm,
)
from .models import Case, CaseAttachment
from .permissions import can_add_attachment, leads_forum
from .selectors import (
    case_get_visible,
    case_list_awaiting_meeting,
    case_list_mine,
    case_list_waiting_in_forums_led_by,
    forums_of_my_cases,
    user_may_raise_cases,
)
from .timeline import case_timeline

Status = Case.Status


# --- The steps of a case ---------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step a person can take on a case, with its form and its service."""

    slug: str
    label: Promise
    title: Promise
    explanation: Promise
    form: type
    service: object
    target: str
    escalation: bool = False  # only the forum's leaders (not the secretariat) may escalate
    button_class: str = "btn-outline-primary"

    def possible(self, case):
        """Does the case's state allow this step (whoever asks)?"""
        if not case.can_become(self.target):
            return False
        if self.escalation:
            forum = case.current_forum
            return forum.tier != Forum.Tier.STRATEGIC and forum.escalates_to_id is not None
        if self.slug == "aterkoppla":
            return case.is_escalated
        if self.slug == "stang":
            return case.status == Status.DECIDED and not case.is_escalated
        if self.slug == "kvittera":
            return case.status == Status.FEEDBACK_GIVEN
        return True

    def allowed(self, rights):
        return rights["lead"] if self.escalation else rights["lead"] or rights["secretariat"]

    def call(self, *, actor, case, data):
        version = data.pop("version")
        return self.service(actor=actor, case=case, expected_version=version, **data)


STEPS = [
    Step(
        "forbered",
        gettext_lazy("Start preparing"),
        gettext_lazy("Start preparing %(reference)s"),
        gettext_lazy("The chair, vice chair or secretary prepares the case with the secretariat."),
        PrepareForm,
        services.case_start_preparation,
        Status.IN_PREPARATION,
    ),
    Step(
        "dagordning",
        gettext_lazy("Put on an agenda"),
        gettext_lazy("Put %(reference)s on an agenda"),
        gettext_lazy("The case is put on the agenda of a meeting of the forum."),
        ScheduleForm,
        services.case_schedule,
        Status.SCHEDULED,
    ),
    Step(
        "besluta",
        gettext_lazy("Record the decision"),
        gettext_lazy("Record the decision on %(reference)s"),
        gettext_lazy("Record what the forum decided. In a partnership it binds no party."),
        DecideForm,
        services.case_decide,
        Status.DECIDED,
    ),
    Step(
        "aterremittera",
        gettext_lazy("Refer back"),
        gettext_lazy("Refer %(reference)s back"),
        gettext_lazy("No consensus: the case goes back for new preparation."),
        ReasonForm,
        services.case_refer_back,
        Status.REFERRED_BACK,
    ),
    Step(
        "eskalera",
        gettext_lazy("Escalate"),
        gettext_lazy("Escalate %(reference)s"),
        gettext_lazy(
            "The case moves one tier up, to the forum this forum escalates to. "
            "It keeps its origin and waits for preparation there."
        ),
        ReasonForm,
        services.case_escalate,
        Status.ESCALATED,
        escalation=True,
        button_class="btn-primary",
    ),
    Step(
        "aterkoppla",
        gettext_lazy("Give feedback"),
        gettext_lazy("Give feedback on %(reference)s"),
        gettext_lazy(
            "The outcome is reported back to every forum on the case's path, and the case "
            "returns to the forum where it was raised."
        ),
        FeedbackForm,
        services.case_give_feedback,
        Status.FEEDBACK_GIVEN,
    ),
    Step(
        "kvittera",
        gettext_lazy("Acknowledge the feedback"),
        gettext_lazy("Acknowledge the feedback on %(reference)s"),
        gettext_lazy("The forum where the case was raised has taken in the feedback."),
        NoteForm,
        services.case_acknowledge_feedback,
        Status.CLOSED,
    ),
    Step(
        "stang",
        gettext_lazy("Close"),
        gettext_lazy("Close %(reference)s"),
        gettext_lazy("The case was decided here and is closed."),
        NoteForm,
        services.case_close,
        Status.CLOSED,
    ),
    Step(
        "avfor",
        gettext_lazy("Remove"),
        gettext_lazy("Remove %(reference)s"),
        gettext_lazy("No consensus: the case is struck off without a decision."),
        ReasonForm,
        services.case_remove,
        Status.REMOVED,
        button_class="btn-outline-danger",
    ),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def _rights(user, case):
    return {
        "lead": leads_forum(user, case.current_forum),
        "secretariat": can_manage_structure(user, case.current_forum.structure),
    }


def _steps_for(user, case):
    rights = _rights(user, case)
    return [step for step in STEPS if step.possible(case) and step.allowed(rights)]


def _step_form(step, case, data=None):
    kwargs = {"initial": {"version": case.version}}
    if step.form is PrepareForm:
        kwargs["case"] = case
    if step.form is FeedbackForm:
        kwargs["initial"]["feedback"] = case.outcome
    return step.form(data, **kwargs)


# --- Pages -----------------------------------------------------------------------------------


@login_required
def my_cases(request):
    """The cases I raised or follow, where each is now, and what happens next."""
    user = request.user
    forums = forums_of_my_cases(user=user)
    filters = CaseFilterForm(request.GET or None, forums=forums)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    cases = case_list_mine(
        user=user,
        status=criteria.get("status") or "",
        tier=criteria.get("tier"),
        forum=criteria.get("forum"),
    )
    context = {
        "filters": filters,
        "cases": cases,
        "waiting": case_list_waiting_in_forums_led_by(user=user),
        "may_raise": user_may_raise_cases(user),
        "structures": structures_managed_by(user).filter(archived_at__isnull=True),
        "now": timezone.now(),
    }
    return render(request, "escalation/case_list_mine.html", context)


@login_required
def case_raise(request):
    user = request.user
    if not user_may_raise_cases(user):
        raise PermissionDenied
    initial = {}
    if request.GET.get("forum"):
        initial["forum"] = Forum.objects.filter(slug=request.GET["forum"]).first()
    form = CaseRaiseForm(request.POST or None, request.FILES or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_raise(
                actor=user,
                forum=data["forum"],
                title=data["title"],
                description=data["description"],
                organisation=data["organisation"],
                priority=data["priority"],
                wished_date=data["wished_date"],
                attachments=data["attachments"],
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The case %(reference)s was raised. You follow it.")
                % {"reference": case.reference},
            )
            return redirect(case)
    return render(request, "escalation/case_form.html", {"form": form})


@login_required
def case_detail(request, reference):
    user = request.user
    case = case_get_visible(user=user, reference=reference)
    context = {
        "case": case,
        "steps": _steps_for(user, case),
        "attachments": case.attachments.select_related("uploaded_by"),
        "follower_count": case.follows.count(),
        "may_attach": can_add_attachment(user, case),
        "timeline": case_timeline(case),
        "now": timezone.now(),
    }
    return render(request, "escalation/case_detail.html", context)


@login_required
def case_history(request, reference):
    case = case_get_visible(user=request.user, reference=reference)
    page = case_timeline(case, cursor=request.GET.get("efter"))
    return render(
        request,
        "escalation/case_history.html",
        {"case": case, "timeline": page, "continued": bool(request.GET.get("efter"))},
    )


@login_required
def case_step(request, reference, step):
    """A step on a case: the form (GET) and the step itself (POST)."""
    step = STEPS_BY_SLUG.get(step)
    if step is None:
        raise Http404
    user = request.user
    case = case_get_visible(user=user, reference=reference)
    if not step.allowed(_rights(user, case)):
        raise PermissionDenied
    form = _step_form(step, case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            step.call(actor=user, case=case, data=dict(form.cleaned_data))
        except ValidationError as error:
            attach_service_errors(form, error)
        except CaseChangedMeanwhile as error:
            messages.error(request, str(error))
            return redirect(case)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Done: %(reference)s is now “%(status)s” at %(forum)s.")
                % {
                    "reference": case.reference,
                    "status": case.get_status_display(),
                    "forum": case.current_forum,
                },
            )
            return redirect(case)
    elif request.method == "GET" and not step.possible(case):
        messages.info(
            request,
            _("“%(step)s” cannot be done now: the case is “%(status)s”.")
            % {"step": step.label, "status": case.get_status_display()},
        )
        return redirect(case)
    context = {
        "case": case,
        "step": step,
        "title": step.title % {"reference": case.reference},
        "form": form,
    }
    return render(request, "escalation/case_step.html", context)


@login_required
@require_POST
def case_follow(request, reference):
    case = case_get_visible(user=request.user, reference=reference)
    services.case_follow(actor=request.user, case=case)
    messages.success(request, _("You follow %(reference)s.") % {"reference": case.reference})
    return redirect(case)


@login_required
@require_POST
def case_unfollow(request, reference):
    case = case_get_visible(user=request.user, reference=reference)
    services.case_unfollow(actor=request.user, case=case)
    messages.success(
        request, _("You no longer follow %(reference)s.") % {"reference": case.reference}
    )
    return redirect("escalation:my_cases")


@login_required
def attachment_add(request, reference):
    user = request.user
    case = case_get_visible(user=user, reference=reference)
    if not can_add_attachment(user, case):
        raise PermissionDenied
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.case_attachment_add(
                actor=user, case=case, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            attach_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s was attached.") % {"name": attachment.name})
            return redirect(case)
    return render(request, "escalation/attachment_form.html", {"case": case, "form": form})


@login_required
def attachment_download(request, reference, pk):
    """Serve an attachment to those who may see its case, as a download, never inline."""
    case = case_get_visible(user=request.user, reference=reference)
    attachment = get_object_or_404(CaseAttachment, case=case, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def secretariat_cases(request, slug):
    """Escalated cases of a structure that no meeting has taken up yet, oldest first."""
    structure = get_object_or_404(Structure, slug=slug)
    if not can_manage_structure(request.user, structure):
        raise Http404
    cases = case_list_awaiting_meeting(structure=structure)
    context = {
        "structure": structure,
        "cases": cases,
        "overdue_count": sum(1 for case in cases if case.overdue_days > 0),
    }
    return render(request, "escalation/secretariat_cases.html", context)
