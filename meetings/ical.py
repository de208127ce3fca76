"""Meetings as iCalendar (RFC 5545): the .ics of a notice, and the subscribable feeds.

Every meeting is one event with a stable UID (`meeting-<pk>@samverkan`); a change or a
cancellation raises `Meeting.ical_sequence`, so calendar programs update the same event.

Times are written in UTC (`DTSTART:20260610T110000Z`, RFC 5545 form 2), and the calendar
program shows them on its own clock. A time with TZID=Europe/Stockholm depends on how each
program reads the zone, and they do not agree: vobject keeps only the first date of each RDATE
list in icalendar's VTIMEZONE (which lists every clock change one by one) and so reads summer
meetings as winter time, ics 0.7 looks the name up in dateutil's zone files, which end in
2037, and no local time can say which of the two 02:30 of the night the clocks go back is
meant. A UTC time has one reading. No X-WR-TIMEZONE either:
readers that apply it (recurring-ical-events) turn the UTC times into Stockholm wall-clock
times and then lose the hour when the clocks go back. The feed and the file are UTF-8 (see
`CALENDAR_CONTENT_TYPE`).
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from .models import Meeting

PRODID = "-//Samverkan//Meetings//SV"
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def meeting_uid(meeting):
    return f"meeting-{meeting.pk}@samverkan"


def _calendar(name=None, method=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    return cal


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def meeting_event(meeting, *, agenda=None, base_url=""):
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", _utc(timezone.now()))
    event.add("dtstart", _utc(meeting.starts_at))
    event.add("dtend", _utc(meeting.ends_at))
    event.add("summary", meeting.display_name)
    event.add("sequence", meeting.ical_sequence)
    if meeting.location:
        event.add("location", meeting.location)
    lines = []
    if meeting.online_link:
        lines.append(meeting.online_link)
        event.add("url", meeting.online_link)
    for item in agenda or ():
        lines.append(f"{item.order}. {item.title}")
    if lines:
        event.add("description", "\n".join(lines))
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def meeting_ics(meeting, *, agenda=None):
    """One meeting as an .ics file (bytes), for the notice e-mail and the download."""
    method = "CANCEL" if meeting.status == Meeting.Status.CANCELLED else "PUBLISH"
    cal = _calendar(method=method)
    cal.add_component(meeting_event(meeting, agenda=agenda))
    return cal.to_ical()


def feed_ics(meetings, *, name):
    cal = _calendar(name=name)
    for meeting in meetings:
        cal.add_component(meeting_event(meeting))
    return cal.to_ical()
