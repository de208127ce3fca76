"""The .ics of a notice and the feeds parse with icalendar and carry Stockholm times."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from meetings import services
from meetings.ical import feed_ics, meeting_ics

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def assert_calendar_content_type(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")


def _event(data):
    calendar = Calendar.from_ical(data)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    return calendar, events[0]


def test_notice_ics_has_utc_times_uid_and_sequence(vg, meeting):
    meeting.starts_at = datetime.datetime(2030, 7, 1, 9, 0, tzinfo=STOCKHOLM)  # summer time
    meeting.ends_at = datetime.datetime(2030, 7, 1, 11, 0, tzinfo=STOCKHOLM)
    meeting.save()
    data = meeting_ics(meeting)
    calendar, event = _event(data)
    start = event.decoded("dtstart")
    assert start == meeting.starts_at and start.utcoffset() == datetime.timedelta(0)
    assert start.astimezone(STOCKHOLM).hour == 9
    assert b"\r\nDTSTART:20300701T070000Z\r\n" in data
    assert b"\r\nDTEND:20300701T090000Z\r\n" in data
    # One reading only: no TZID, no time zone component, no X-WR-TIMEZONE to reinterpret by.
    assert b"TZID" not in data and b"X-WR-TIMEZONE" not in data
    assert calendar.walk("VTIMEZONE") == []
    assert str(event["uid"]) == f"meeting-{meeting.pk}@samverkan"
    assert event.decoded("sequence") == 0


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
    (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert part.get_content_charset() == "utf-8" and part.get_param("method") == "PUBLISH"
    _cal, event = _event(content)
    assert event.decoded("dtstart") == meeting.starts_at


def test_every_calendar_response_is_utf_8(client, vg, meeting):
    """The single file, a forum's feed and the all-forums feed say charset=utf-8, and are."""
    meeting.title = "Läkemedelsrådet – årsmöte"
    meeting.save()
    client.force_login(vg.vgr_member)
    responses = [client.get(reverse("meetings:meeting_ics", args=[meeting.pk]))]
    client.logout()
    for forum in (vg.group, None):
        token = services.calendar_token_rotate(actor=vg.vgr_member, forum=forum)
        responses.append(client.get(reverse("meetings:calendar_feed", args=[token.token])))
    for response in responses:
        assert response.status_code == 200
        assert_calendar_content_type(response)
        unfolded = response.content.decode("utf-8").replace("\r\n ", "")  # RFC 5545 folding
        # the event is the meeting's display name: its forum and its title
        assert f"SUMMARY:{vg.group.name}: Läkemedelsrådet – årsmöte" in unfolded


def test_feed_holds_every_meeting(vg, meeting):
    data = feed_ics([meeting], name="x")
    calendar = Calendar.from_ical(data)
    assert len(calendar.walk("VEVENT")) == 1
    assert timezone.is_aware(calendar.walk("VEVENT")[0].decoded("dtstart"))
