"""The feed and the single-meeting file read back the same in four calendar libraries.

Each library is a stand-in for a family of calendar programs: icalendar (and
recurring-ical-events on top of it, which also applies an X-WR-TIMEZONE as Google Calendar
does) resolves a TZID by name through zoneinfo; vobject builds the zone from the file's
VTIMEZONE (dateutil); ics 0.7 resolves a TZID through dateutil's zone files, which stop at
2037. Whatever a library returns, it must be the moment the meeting takes place: shown on a
Stockholm clock (zoneinfo, the reference tz database) it is the meeting's local start and end,
in summer, in winter, in the hour the clocks go back, and in a year far from now.
"""

import datetime

import ics
import pytest
import recurring_ical_events
import vobject
from django.urls import reverse
from icalendar import Calendar

from meetings import services
from tests.factories import MeetingFactory

from .test_ical import STOCKHOLM, assert_calendar_content_type

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]
UTC = datetime.UTC


def _local(year, month, day, hour, minute=0, *, fold=0):
    return datetime.datetime(year, month, day, hour, minute, fold=fold, tzinfo=STOCKHOLM)


# title -> (start, end), as a Stockholm clock shows them.
CASES = {
    "Sommarmöte": (_local(2026, 6, 10, 13), _local(2026, 6, 10, 15)),
    "Vintermöte": (_local(2026, 12, 10, 13), _local(2026, 12, 10, 15)),
    # Starts 02:15 summer time and ends 02:45 winter time, after the clocks went back at 03:00:
    # 90 minutes, across the change; a local time without an offset cannot say which 02:45.
    "Nattmöte vid omställningen": (
        _local(2026, 10, 25, 2, 15),
        _local(2026, 10, 25, 2, 45, fold=1),
    ),
    # Over the spring change: 22:00 winter time to 04:00 summer time, five hours.
    "Natt till sommartid": (_local(2026, 3, 28, 22), _local(2026, 3, 29, 4)),
    "Sommarmöte 2061": (_local(2061, 6, 15, 13), _local(2061, 6, 15, 15, 30)),
}


def _shown(moment):
    """The moment on a Stockholm clock with its offset; an offset-less (floating) time fails."""
    assert isinstance(moment, datetime.datetime) and moment.utcoffset() is not None, moment
    return moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M %z")


EXPECTED = {title: (_shown(start), _shown(end)) for title, (start, end) in CASES.items()}


def read_icalendar(data):
    return {
        str(event["summary"]): (event.decoded("dtstart"), event.decoded("dtend"))
        for event in Calendar.from_ical(data).walk("VEVENT")
    }


def read_vobject(data):
    calendar = vobject.readOne(data.decode("utf-8"))
    return {
        event.summary.value: (event.dtstart.value, event.dtend.value)
        for event in calendar.vevent_list
    }


def read_ics(data):
    calendar = ics.Calendar(data.decode("utf-8"))
    return {event.name: (event.begin.datetime, event.end.datetime) for event in calendar.events}


def read_recurring_ical_events(data):
    found = recurring_ical_events.of(Calendar.from_ical(data)).between(
        datetime.date(1990, 1, 1), datetime.date(2100, 1, 1)
    )
    return {str(event["summary"]): (event["DTSTART"].dt, event["DTEND"].dt) for event in found}


READERS = [read_icalendar, read_vobject, read_ics, read_recurring_ical_events]


@pytest.fixture
def meetings(vg):
    return [
        MeetingFactory(forum=vg.group, title=title, starts_at=start, ends_at=end)
        for title, (start, end) in CASES.items()
    ]


def _read(reader, bodies, forum):
    """{meeting title: (start, end)}; the event's summary is the display name, "forum: title"."""
    shown = {}
    for body in bodies:
        for summary, (start, end) in reader(body).items():
            shown[summary.removeprefix(f"{forum.name}: ")] = (_shown(start), _shown(end))
    return shown


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__.removeprefix("read_"))
def test_feed_reads_as_the_meetings_local_times(client, vg, meetings, reader):
    token = services.calendar_token_rotate(actor=vg.vgr_member, forum=vg.group)
    response = client.get(reverse("meetings:calendar_feed", args=[token.token]))
    assert response.status_code == 200
    assert _read(reader, [response.content], vg.group) == EXPECTED
    assert_calendar_content_type(response)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__.removeprefix("read_"))
def test_single_meeting_file_reads_as_the_meetings_local_times(client, vg, meetings, reader):
    client.force_login(vg.vgr_member)
    responses = [client.get(reverse("meetings:meeting_ics", args=[m.pk])) for m in meetings]
    assert [r.status_code for r in responses] == [200] * len(meetings)
    assert _read(reader, [r.content for r in responses], vg.group) == EXPECTED
    for response in responses:
        assert_calendar_content_type(response)
