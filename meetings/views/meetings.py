"""A forum's meetings, the user's coming meetings, and one meeting: planned, changed,
convened, held, cancelled, and its calendar event."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kernel.lists import list_page
from kernel.views import action_submit

from .. import selectors, services
from ..coordination import clashes, coordination_for, planner_context
from ..filters import PAST, ForumMeetingFilter, MyMeetingFilter
from ..forms import CancelForm, MeetingForm
from ..ical import CALENDAR_CONTENT_TYPE, meeting_ics
from ..permissions import RUN, can_run_meetings
from ..tables import ForumMeetingTable, MyMeetingTable
from .common import form_page, meeting_context


@login_required
def my_meetings(request):
    filterset, table = list_page(
        request,
        MyMeetingFilter,
        MyMeetingTable,
        selectors.meetings_of_my_forums(user=request.user),
    )
    return render(
        request,
        "meetings/my_meetings.html",
        {
            "forums": selectors.forums_with_meetings_for(user=request.user),
            "past": filterset.form.cleaned_data.get("when") == PAST,
            "filterset": filterset,
            "table": table,
        },
    )


@login_required
def forum_meetings(request, slug):
    forum = selectors.forum_get_for_meetings(user=request.user, slug=slug)
    filterset, table = list_page(
        request,
        ForumMeetingFilter,
        ForumMeetingTable,
        selectors.forum_meetings_list(user=request.user, forum=forum),
    )
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "forum": forum,
            "filterset": filterset,
            "table": table,
            "years": selectors.meetings_per_year(forum),
            "can_run": can_run_meetings(request.user, forum),
            **planner_context(user=request.user, forum=forum),
        },
    )


def _warn_of_clashes(request, meeting):
    """After a save: a warning (not a refusal) when the meeting shares its day with a
    meeting of a forum the forum coordinates its planning with."""
    for _own, others in clashes(
        coordination_for(user=request.user, forum=meeting.forum), [meeting]
    ):
        names = ", ".join(sorted({other.forum.name for other in others}))
        messages.warning(
            request,
            _("The meeting falls on the same day as a meeting of %(forums)s.") % {"forums": names},
        )
    return meeting


@login_required
def meeting_create(request, slug):
    forum = selectors.forum_get_for_meetings(user=request.user, slug=slug, action=RUN)
    return form_page(
        request,
        MeetingForm(request.POST or None),
        lambda data: _warn_of_clashes(
            request, services.meeting_plan(actor=request.user, forum=forum, **data)
        ),
        success=lambda meeting: meeting.get_absolute_url(),
        message=_("The meeting is planned."),
        forum=forum,
        title=_("Plan a meeting"),
        form_id="meeting-form",
        submit=_("Save"),
        **planner_context(user=request.user, forum=forum),
    )


@login_required
def meeting_detail(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    return render(request, "meetings/meeting_detail.html", meeting_context(request, meeting))


@login_required
def meeting_edit(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    return form_page(
        request,
        MeetingForm(request.POST or None, instance=meeting, editing=True),
        lambda data: _warn_of_clashes(
            request, services.meeting_update(actor=request.user, meeting=meeting, **data)
        ),
        success=lambda m: m.get_absolute_url(),
        message=_("Your changes to the meeting are saved."),
        forum=meeting.forum,
        meeting=meeting,
        title=_("Change the meeting"),
        form_id="meeting-form",
        submit=_("Save"),
        **planner_context(user=request.user, forum=meeting.forum, meeting=meeting),
    )


MEETING_ACTIONS = {
    "convene": (services.meeting_convene, gettext_lazy("The notice has been sent.")),
    "held": (services.meeting_mark_held, gettext_lazy("The meeting is marked as held.")),
}


@login_required
@require_POST
def meeting_action(request, pk, action):
    if action not in MEETING_ACTIONS:
        raise Http404
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    service, done = MEETING_ACTIONS[action]
    return action_submit(
        request,
        lambda: service(actor=request.user, meeting=meeting),
        success=meeting.get_absolute_url(),
        failure=meeting.get_absolute_url(),
        message=str(done),
    )


@login_required
def meeting_cancel(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    refusal = services.meeting_transition_refusal(meeting, meeting.Status.CANCELLED)
    if refusal:  # no form for a meeting that cannot be cancelled (again)
        messages.error(request, refusal)
        return redirect(meeting)
    return form_page(
        request,
        CancelForm(request.POST or None),
        lambda data: services.meeting_cancel(actor=request.user, meeting=meeting, **data),
        success=lambda m: m.get_absolute_url(),
        message=_("The meeting is cancelled."),
        meeting=meeting,
        forum=meeting.forum,
        title=_("Cancel the meeting"),
        form_id="meeting-cancel-form",
        submit=_("Cancel the meeting"),
    )


@login_required
def meeting_ics_download(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    agenda = selectors.agenda_items_of(meeting)
    response = HttpResponse(meeting_ics(meeting, agenda=agenda), content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
