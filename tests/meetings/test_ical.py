"""The .ics of a notice and the feeds parse with icalendar and carry Stockholm times."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from meetings import services
from meetings.ical import feed_ics, meeting_ics

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def _event(data):
    calendar = Calendar.from_ical(data)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    return calendar, events[0]


def test_notice_ics_has_stockholm_times_uid_and_sequence(vg, meeting):
    meeting.starts_at = datetime.datetime(2030, 7, 1, 9, 0, tzinfo=STOCKHOLM)  # summer time
    meeting.ends_at = datetime.datetime(2030, 7, 1, 11, 0, tzinfo=STOCKHOLM)
    meeting.save()
    calendar, event = _event(meeting_ics(meeting))
    start = event.decoded("dtstart")
    assert start == meeting.starts_at
    assert str(start.tzinfo) == "Europe/Stockholm" and start.hour == 9
    assert event["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert start.utcoffset() == datetime.timedelta(hours=2)
    assert str(event["uid"]) == f"meeting-{meeting.pk}@samverkan"
    assert event.decoded("sequence") == 0
    assert [c["tzid"] for c in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


def test_change_and_cancel_update_the_same_event(vg, meeting):
    uid = str(_event(meeting_ics(meeting))[1]["uid"])
    start = meeting.starts_at + datetime.timedelta(days=1)
    services.meeting_update(
        actor=vg.secretary,
        meeting=meeting,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    meeting.refresh_from_db()
    _cal, changed = _event(meeting_ics(meeting))
    assert str(changed["uid"]) == uid and changed.decoded("sequence") == 1
    services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason="Inställt")
    meeting.refresh_from_db()
    calendar, cancelled = _event(meeting_ics(meeting))
    assert str(cancelled["uid"]) == uid and cancelled.decoded("sequence") == 2
    assert str(cancelled["status"]) == "CANCELLED" and str(calendar["method"]) == "CANCEL"


def test_notice_email_goes_to_members_and_deputies_with_ics(
    vg, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="Läkemedelsfrågan")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_convene(actor=vg.secretary, meeting=meeting)
    to = {message.to[0] for message in mailoutbox}
    expected = {p.email for p in (vg.chair, vg.vice, vg.vgr_member, vg.municipal_member, vg.deputy)}
    assert to == expected
    message = mailoutbox[0]
    assert "Läkemedelsfrågan" in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    _cal, event = _event(content)
    assert event.decoded("dtstart") == meeting.starts_at


def test_feed_holds_every_meeting(vg, meeting):
    data = feed_ics([meeting], name="x")
    calendar = Calendar.from_ical(data)
    assert len(calendar.walk("VEVENT")) == 1
    assert timezone.is_aware(calendar.walk("VEVENT")[0].decoded("dtstart"))
