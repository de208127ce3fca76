"""A meeting's life follows time and the model's table: held only once it has started,
minutes only for a held meeting, no meeting outside the forum's active period, no
cancelling twice, and every refused step says what to do instead."""

import datetime
import itertools

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kernel.errors import DomainError, InvalidTransition
from meetings import services
from meetings.models import Meeting, Minutes
from meetings.services.common import _refusals
from tests.factories import MeetingFactory
from tests.meetings.factories import started

pytestmark = pytest.mark.django_db

Status = Meeting.Status


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """Dates are relative to the frozen day (tests/clock.py): 2026-03-16 10:00."""


def _at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- Held only once it has started -----------------------------------------------------------


def test_a_coming_meeting_cannot_be_marked_held(vg, meeting, time_machine):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    with pytest.raises(DomainError, match="när det har börjat"):
        services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    time_machine.move_to(meeting.starts_at - datetime.timedelta(minutes=1), tick=False)
    with pytest.raises(DomainError):
        services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == Status.CONVENED
    time_machine.move_to(meeting.starts_at, tick=False)  # the minute it starts
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == Status.HELD


def test_the_page_offers_held_only_after_the_start(client, vg, meeting, time_machine):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    client.force_login(vg.secretary)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="meeting-held"' not in page and 'id="meeting-held-later"' in page
    url = reverse("meetings:meeting_action", args=[meeting.pk, "held"])
    response = client.post(url)  # a crafted POST
    assert response.status_code == 302
    assert any("när det har börjat" in m for m in _messages(response))
    meeting.refresh_from_db()
    assert meeting.status == Status.CONVENED
    time_machine.move_to(meeting.starts_at + datetime.timedelta(minutes=5), tick=False)
    client.force_login(vg.secretary)  # two weeks on: a new session
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="meeting-held"' in page and 'id="meeting-held-later"' not in page
    client.post(url)
    meeting.refresh_from_db()
    assert meeting.status == Status.HELD


def test_minutes_only_for_a_held_meeting(vg, meeting):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)  # it has taken place, but is not marked held
    with pytest.raises(DomainError, match="genomfört"):
        services.minutes_draft(actor=vg.secretary, meeting=meeting)
    assert not Minutes.objects.exists()
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    assert services.minutes_draft(actor=vg.secretary, meeting=meeting).meeting == meeting


# --- Within the forum's active period ------------------------------------------------------


def test_no_meeting_planned_before_the_forum_is_active(vg, frozen_day):
    vg.group.active_from = frozen_day + datetime.timedelta(days=10)
    vg.group.save()
    day_before = vg.group.active_from - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.meeting_plan(
            actor=vg.secretary,
            forum=vg.group,
            starts_at=_at(day_before),
            ends_at=_at(day_before, 11),
        )
    assert "starts_at" in error.value.error_dict
    assert vg.group.active_from.isoformat() in str(error.value)
    assert not Meeting.objects.exists()
    first = services.meeting_plan(
        actor=vg.secretary,
        forum=vg.group,
        starts_at=_at(vg.group.active_from),
        ends_at=_at(vg.group.active_from, 11),
    )
    assert first.pk


def test_no_meeting_planned_after_the_forum_is_wound_down(vg, frozen_day):
    vg.group.active_to = frozen_day + datetime.timedelta(days=10)
    vg.group.save()
    after = vg.group.active_to + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.meeting_plan(
            actor=vg.secretary, forum=vg.group, starts_at=_at(after), ends_at=_at(after, 11)
        )
    assert "ends_at" in error.value.error_dict
    # Ending after midnight past the last day is outside as well.
    last = vg.group.active_to
    with pytest.raises(ValidationError):
        services.meeting_plan(
            actor=vg.secretary,
            forum=vg.group,
            starts_at=_at(last, 22),
            ends_at=_at(last, 22) + datetime.timedelta(hours=3),
        )
    assert not Meeting.objects.exists()
    assert services.meeting_plan(
        actor=vg.secretary, forum=vg.group, starts_at=_at(last), ends_at=_at(last, 11)
    ).pk


def test_a_meeting_cannot_be_moved_outside_the_active_period(vg, meeting):
    vg.group.active_from = timezone.localdate(meeting.starts_at) - datetime.timedelta(days=1)
    vg.group.active_to = timezone.localdate(meeting.starts_at) + datetime.timedelta(days=1)
    vg.group.save()
    before = meeting.starts_at
    for days in (-2, 2):
        moved = meeting.starts_at + datetime.timedelta(days=days)
        with pytest.raises(ValidationError):
            services.meeting_update(
                actor=vg.secretary,
                meeting=meeting,
                starts_at=moved,
                ends_at=moved + datetime.timedelta(hours=2),
            )
    meeting.refresh_from_db()
    assert meeting.starts_at == before and meeting.ical_sequence == 0


def test_the_plan_page_says_when_the_forum_is_active(client, vg, frozen_day):
    vg.group.active_from = frozen_day + datetime.timedelta(days=30)
    vg.group.save()
    client.force_login(vg.secretary)
    day = (frozen_day + datetime.timedelta(days=7)).isoformat()
    response = client.post(
        reverse("meetings:meeting_create", args=[vg.group.slug]),
        {"kind": "ordinary", "starts_at": f"{day}T09:00", "ends_at": f"{day}T11:00"},
    )
    assert response.status_code == 200
    assert vg.group.active_from.isoformat() in response.content.decode()
    assert not Meeting.objects.exists()


# --- No cancelling twice ----------------------------------------------------------------------


def test_a_cancelled_meeting_cannot_be_cancelled_again(vg, meeting):
    services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason="Sjukdom")
    for reason in ("Igen", ""):  # an empty reason is not the problem: it is cancelled
        with pytest.raises(InvalidTransition, match="redan inställt"):
            services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason=reason)
    meeting.refresh_from_db()
    assert meeting.cancelled_reason == "Sjukdom" and meeting.ical_sequence == 1


def test_the_cancel_page_is_not_offered_for_a_cancelled_meeting(client, vg, meeting):
    services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason="Sjukdom")
    client.force_login(vg.secretary)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="meeting-cancel"' not in page and 'id="meeting-edit"' not in page
    url = reverse("meetings:meeting_cancel", args=[meeting.pk])
    for response in (client.get(url), client.post(url, {"reason": "Igen"})):
        assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
        assert any("redan inställt" in m for m in _messages(response))
    meeting.refresh_from_db()
    assert meeting.cancelled_reason == "Sjukdom" and meeting.ical_sequence == 1


# --- Every step from the table ----------------------------------------------------------------

STEPS = {
    Status.CONVENED: lambda vg, m: services.meeting_convene(actor=vg.secretary, meeting=m),
    Status.HELD: lambda vg, m: services.meeting_mark_held(actor=vg.secretary, meeting=m),
    Status.CANCELLED: lambda vg, m: services.meeting_cancel(
        actor=vg.secretary, meeting=m, reason="Skäl"
    ),
}


def _refused_pairs():
    return {
        (current, target)
        for current, target in itertools.product(Status, STEPS)
        if target not in Meeting.TRANSITIONS[current]
    }


def test_every_refused_step_has_its_own_message():
    assert set(_refusals()) == _refused_pairs()


@pytest.mark.parametrize(("current", "target"), list(itertools.product(Status, STEPS)))
def test_every_step_follows_the_table(vg, current, target):
    start = timezone.now() - datetime.timedelta(hours=1)  # started: time is not the obstacle
    meeting = MeetingFactory(
        forum=vg.group,
        status=current,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    if target in Meeting.TRANSITIONS[current]:
        STEPS[target](vg, meeting)
        meeting.refresh_from_db()
        assert meeting.status == target
        return
    with pytest.raises(InvalidTransition) as refused:
        STEPS[target](vg, meeting)
    assert str(refused.value) == _refusals()[(current, target)]
    assert "kan inte bli" not in str(refused.value)  # not the generic wording
    meeting.refresh_from_db()
    assert meeting.status == current


def test_a_held_or_cancelled_meeting_cannot_be_changed(vg):
    for status in (Status.HELD, Status.CANCELLED):
        meeting = MeetingFactory(forum=vg.group, status=status)
        with pytest.raises(DomainError, match="planera ett nytt möte"):
            services.meeting_update(actor=vg.secretary, meeting=meeting, title="Nytt")
