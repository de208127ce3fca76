"""Minutes: drafted, edited, sent for approval, approved by the forum's rule (R15), and the
tagged PDF of approved minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kernel.views import action_submit

from .. import approval, selectors, services
from ..forms import MinutesForm
from ..permissions import RUN, VIEW, can_run_meetings
from .common import form_page


@login_required
@require_POST
def minutes_create(request, pk):
    """The first draft of a held meeting's minutes, or an addendum to approved minutes."""
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    amends = None
    if request.POST.get("amends"):
        amends = selectors.minutes_of_meeting_get(meeting=meeting, pk=request.POST["amends"])
    return action_submit(
        request,
        lambda: services.minutes_draft(actor=request.user, meeting=meeting, amends=amends),
        success=lambda minutes: reverse("meetings:minutes_edit", kwargs={"pk": minutes.pk}),
        failure=meeting.get_absolute_url(),
        message=_("A draft is started: write the minutes and save them."),
    )


@login_required
def minutes_detail(request, pk):
    """The minutes page: the same rule as its PDF (permissions.READ)."""
    minutes = selectors.minutes_get_readable(user=request.user, pk=pk)
    forum = minutes.meeting.forum
    state = approval.approval_state(minutes, forum)
    may_approve, refusal = approval.approval_offer(
        minutes=minutes, person=request.user, state=state
    )
    return render(
        request,
        "meetings/minutes_detail.html",
        {
            "minutes": minutes,
            "meeting": minutes.meeting,
            "forum": forum,
            "state": state,
            "missing_labels": [approval.Role(role).label for role in state.missing],
            "may_approve": may_approve,
            "refusal": refusal,
            "can_run": can_run_meetings(request.user, forum),
            "addenda": selectors.addenda_of(minutes),
            "seal": selectors.minutes_seal_of(minutes) if minutes.is_locked else None,
        },
    )


@login_required
def minutes_edit(request, pk):
    minutes = selectors.minutes_get_visible(user=request.user, pk=pk, action=RUN)
    if minutes.is_locked:
        messages.error(request, _("Approved minutes are locked."))
        return redirect(minutes.get_absolute_url())
    return form_page(
        request,
        MinutesForm(request.POST or None, initial={"body": minutes.body}),
        lambda data: services.minutes_update(actor=request.user, minutes=minutes, **data),
        success=lambda m: m.get_absolute_url(),
        message=_("The minutes are saved."),
        minutes=minutes,
        meeting=minutes.meeting,
        forum=minutes.meeting.forum,
        title=_("Edit the minutes"),
        form_id="minutes-form",
        submit=_("Save the minutes"),
    )


# action -> (service, confirmation, what the user must be allowed to do with the minutes)
MINUTES_ACTIONS = {
    "submit": (
        services.minutes_submit,
        gettext_lazy("The minutes are sent for approval."),
        RUN,
    ),
    "draft": (
        services.minutes_return_to_draft,
        gettext_lazy("The minutes are back in draft."),
        RUN,
    ),
    "approve": (
        services.minutes_approve,
        gettext_lazy("Thank you: your approval is recorded."),
        VIEW,
    ),
}


@login_required
@require_POST
def minutes_action(request, pk, action):
    if action not in MINUTES_ACTIONS:
        raise Http404
    service, done, needs = MINUTES_ACTIONS[action]
    minutes = selectors.minutes_get_visible(user=request.user, pk=pk, action=needs)
    return action_submit(
        request,
        lambda: service(actor=request.user, minutes=minutes),
        success=minutes.get_absolute_url(),
        failure=minutes.get_absolute_url(),
        message=str(done),
    )


def minutes_pdf(request, pk):
    """The sealed PDF of approved minutes, as stored at the approval (never made again): for
    those who may read the minutes page (permissions.READ; anyone, if the forum is public)."""
    minutes = selectors.minutes_get_published(user=request.user, pk=pk)
    seal = selectors.minutes_seal_of(minutes, with_pdf=True)
    if seal is None:
        raise Http404
    response = HttpResponse(bytes(seal.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="protokoll-{minutes.pk}.pdf"'
    response["ETag"] = f'"{seal.pdf_sha256}"'
    return response
