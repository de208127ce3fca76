"""Case pages: "My cases", raising a case, the case and its history, its steps, attachments
and the secretariat's list of escalated cases waiting for a meeting.

Views are thin: a case comes through a selector on the visibility API (one the user may not
see is a 404, one they see but may not act on a 403), input through a form, every change
through a service with `form_submit` / `action_submit` (kernel.views). A step refused
because the case changed meanwhile goes back to the case page with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernel.lists import PAGE_SIZE, list_page, table_page
from kernel.pickers import options_response
from kernel.views import action_submit, form_submit

from . import services
from .errors import CaseChangedMeanwhile
from .filters import MyCaseFilter
from .forms import AttachmentForm, CaseRaiseForm
from .permissions import ATTACH, can_add_attachment
from .selectors import (
    attachment_get_visible,
    case_count_overdue,
    case_get_visible,
    case_list_awaiting_meeting,
    case_list_mine,
    case_list_waiting_in_forums_led_by,
    forum_for_raising,
    structure_get_managed,
    structures_run_by,
    user_may_raise_cases,
)
from .steps import STEPS_BY_SLUG, step_form, steps_for
from .tables import AwaitingMeetingTable, CaseTable
from .timeline import case_timeline

TABLE_CLASS = "table align-middle"
PER_PAGE = PAGE_SIZE  # rows per page of each case list (read at each request)


@login_required
def my_cases(request):
    """The cases I raised or follow, where each is now, and what happens next."""
    user = request.user
    now = timezone.now()
    filterset, table = list_page(
        request,
        MyCaseFilter,
        CaseTable,
        case_list_mine(user=user),
        now=now,
        attrs={"id": "my-cases", "class": TABLE_CLASS},
        per_page=PER_PAGE,
        empty_text=(
            _("No case of yours matches the filter.")
            if request.GET.keys() & set(MyCaseFilter.base_filters)
            else _("You have not raised or followed any case.")
        ),
    )
    waiting = table_page(
        request,
        CaseTable(
            case_list_waiting_in_forums_led_by(user=user),
            now=now,
            prefix="waiting-",
            attrs={"id": "waiting-cases", "class": TABLE_CLASS},
        ),
        per_page=PER_PAGE,
    )
    context = {
        "filterset": filterset,
        "table": table,
        "waiting": waiting,
        "may_raise": user_may_raise_cases(user),
        "structures": structures_run_by(user=user),
    }
    return render(request, "escalation/case_list_mine.html", context)


@login_required
def case_raise(request):
    user = request.user
    if not user_may_raise_cases(user):
        raise PermissionDenied
    initial = {}
    if request.GET.get("forum"):
        initial["forum"] = forum_for_raising(user=user, slug=request.GET["forum"])
    form = CaseRaiseForm(request.POST or None, request.FILES or None, user=user, initial=initial)
    response = form_submit(
        request,
        form,
        lambda data: services.case_raise(actor=user, **data),
        success=lambda case: case,
        message=lambda case: (
            _("The case %(reference)s was raised. You follow it.") % {"reference": case.reference}
        ),
    )
    return response or render(request, "escalation/case_form.html", {"form": form})


@login_required
def organisation_options(request):
    """The case form's organisations matching ?q= (its own field, its own permission)."""
    if not user_may_raise_cases(request.user):
        raise PermissionDenied
    field = CaseRaiseForm(user=request.user).fields["organisation"]
    return options_response(request, field, ("name",))


@login_required
def case_detail(request, reference):
    user = request.user
    case = case_get_visible(user=user, reference=reference, page=True)
    context = {
        "case": case,
        "steps": steps_for(user, case),
        "attachments": case.attachments.all(),
        "follower_count": case.follower_count,
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


def _done(case):
    return _("Done: %(reference)s is now “%(status)s” at %(forum)s.") % {
        "reference": case.reference,
        "status": case.get_status_display(),
        "forum": case.current_forum,
    }


def _posted_version(request):
    """The case version the posted page showed, or None (the form then says what is wrong)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


@login_required
def case_step(request, reference, step):
    """A step on a case: the form (GET) and the step itself (POST)."""
    step = STEPS_BY_SLUG.get(step)
    if step is None:
        raise Http404
    user = request.user
    if request.method == "POST":
        # A stale page is told so before any permission is checked: the case may have moved
        # to a forum the user does not lead, and a bare 403 would not say why.
        seen = case_get_visible(user=user, reference=reference)
        try:
            services.case_refuse_if_changed(seen, _posted_version(request))
        except CaseChangedMeanwhile as error:
            messages.error(request, str(error))
            return redirect(seen)
    case = case_get_visible(user=user, reference=reference, action=step.action)
    if request.method == "GET" and not step.possible(case):
        messages.info(request, step.why_not(case))
        return redirect(case)
    form = step_form(step, case, request.POST if request.method == "POST" else None)
    response = form_submit(
        request,
        form,
        lambda data: step.call(actor=user, case=case, data=dict(data)),
        success=lambda result: result,
        message=_done,
        leave_on=(CaseChangedMeanwhile,),  # the page the user saw is stale: back to the case
        failure=case,
    )
    if response:
        return response
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
    return action_submit(
        request,
        lambda: services.case_follow(actor=request.user, case=case),
        success=case,
        failure=case,
        message=_("You follow %(reference)s.") % {"reference": case.reference},
    )


@login_required
@require_POST
def case_unfollow(request, reference):
    case = case_get_visible(user=request.user, reference=reference)
    return action_submit(
        request,
        lambda: services.case_unfollow(actor=request.user, case=case),
        success="escalation:my_cases",
        failure=case,
        message=_("You no longer follow %(reference)s.") % {"reference": case.reference},
    )


@login_required
def attachment_add(request, reference):
    user = request.user
    case = case_get_visible(user=user, reference=reference, action=ATTACH)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    response = form_submit(
        request,
        form,
        lambda data: services.case_attachment_add(actor=user, case=case, upload=data["file"]),
        success=case,
        message=lambda attachment: _("%(name)s was attached.") % {"name": attachment.name},
    )
    return response or render(
        request, "escalation/attachment_form.html", {"case": case, "form": form}
    )


@login_required
def attachment_download(request, reference, pk):
    """Serve an attachment to those who may see its case, as a download, never inline."""
    attachment = attachment_get_visible(user=request.user, reference=reference, pk=pk)
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
    structure = structure_get_managed(user=request.user, slug=slug)
    cases = case_list_awaiting_meeting(structure=structure)
    now = timezone.now()
    table = table_page(
        request,
        AwaitingMeetingTable(
            cases,
            structure=structure,
            now=now,
            attrs={"id": "awaiting-meeting", "class": TABLE_CLASS},
        ),
        per_page=PER_PAGE,
    )
    context = {
        "structure": structure,
        "table": table,
        "overdue_count": case_count_overdue(cases=cases, structure=structure, now=now),
    }
    return render(request, "escalation/secretariat_cases.html", context)
