"""Meetings as iCalendar (RFC 5545): the .ics of a notice, and the subscribable feeds.

Every meeting is one event with a stable UID (`meeting-<pk>@samverkan`); a change or a
cancellation raises `Meeting.ical_sequence`, so calendar programs update the same event.
Times carry TZID=Europe/Stockholm with the zone's VTIMEZONE.
"""

import zoneinfo

from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from .models import Meeting

TZ_NAME = "Europe/Stockholm"
PRODID = "-//Samverkan//Meetings//SV"


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
    cal.add("x-wr-timezone", TZ_NAME)
    cal.add_component(Timezone.from_tzid(TZ_NAME))
    return cal


def meeting_event(meeting, *, agenda=None, base_url=""):
    tz = zoneinfo.ZoneInfo(TZ_NAME)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(tz))
    event.add("dtend", meeting.ends_at.astimezone(tz))
    event.add("summary", str(meeting.title or meeting.forum.name))
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
