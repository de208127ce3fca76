"""What the meeting pages share: a form page through the one write flow, and the meeting's
page context (also the htmx agenda partial's)."""

from django.shortcuts import render

from kernel.views import form_submit

from .. import selectors
from ..forms import CancelForm
from ..permissions import can_run_meetings


def form_page(request, form, call, *, success, message, template="meetings/form.html", **context):
    """form -> service -> errors -> confirmation and redirect (kernel.views.form_submit), else
    the form page. Every save confirms: `message` is required."""
    response = form_submit(request, form, call, success=success, message=message)
    return response or render(request, template, {**context, "form": form})


def meeting_context(request, meeting):
    items = selectors.agenda_items_of(meeting)
    attendances = selectors.attendance_of(meeting)
    minutes = selectors.minutes_of(meeting)
    return {
        "meeting": meeting,
        "forum": meeting.forum,
        "items": items,
        "attendances": attendances,
        "attendance": selectors.attendance_summary(meeting, attendances=attendances, items=items),
        "minutes_list": minutes,
        "main_minutes": next((m for m in minutes if m.amends_id is None), None),
        "action_items": selectors.action_items_of(meeting),
        "can_run": can_run_meetings(request.user, meeting.forum),
        "cancel_form": CancelForm(),
    }
