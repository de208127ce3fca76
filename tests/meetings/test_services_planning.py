"""Meeting services: planning (R12), agenda, attendance, action items, calendar tokens."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from escalation.models import Case
from kernel.errors import InvalidTransition
from kernel.models import Notification
from meetings import services
from meetings.models import AgendaItem, Attendance, Meeting
from tests.factories import CaseFactory, UserFactory
from tests.meetings.factories import case_in_preparation
from tests.meetings.service_helpers import _held

pytestmark = pytest.mark.django_db


def _times(days=10):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=13, minute=0, second=0, microsecond=0
    )
    return start, start + datetime.timedelta(hours=2)


# --- Planning (R12) -------------------------------------------------------------------------


def test_secretariat_and_leaders_plan_members_do_not(vg, outsider_user):
    start, end = _times()
    assert services.meeting_plan(actor=vg.secretary, forum=vg.group, starts_at=start, ends_at=end)
    assert services.meeting_plan(actor=vg.vice, forum=vg.group, starts_at=start, ends_at=end)
    for person in (vg.vgr_member, outsider_user):
        with pytest.raises(PermissionDenied):
            services.meeting_plan(actor=person, forum=vg.group, starts_at=start, ends_at=end)


def test_extra_meeting_only_called_by_the_chair(vg):
    start, end = _times()
    with pytest.raises(ValidationError) as error:
        services.meeting_plan(
            actor=vg.secretary, forum=vg.group, starts_at=start, ends_at=end, kind="extra"
        )
    assert "kind" in error.value.error_dict
    extra = services.meeting_plan(
        actor=vg.chair, forum=vg.group, starts_at=start, ends_at=end, kind="extra"
    )
    assert extra.called_by == vg.chair


def test_meeting_must_end_after_start(vg):
    start, end = _times()
    with pytest.raises(ValidationError):
        services.meeting_plan(actor=vg.secretary, forum=vg.group, starts_at=end, ends_at=start)


def test_cancel_keeps_the_record_bumps_sequence_and_releases_cases(vg, meeting):
    case = case_in_preparation(vg.group)
    services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="x", case=case)
    case.refresh_from_db()
    assert case.status == Case.Status.SCHEDULED
    with pytest.raises(ValidationError):
        services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason="")
    services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason="Sjukdom")
    meeting.refresh_from_db()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.ical_sequence == 1
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PREPARATION
    with pytest.raises(InvalidTransition):
        services.meeting_convene(actor=vg.secretary, meeting=meeting)


def test_changing_a_meeting_raises_the_calendar_sequence(vg, meeting):
    start, end = _times(20)
    services.meeting_update(actor=vg.secretary, meeting=meeting, starts_at=start, ends_at=end)
    meeting.refresh_from_db()
    assert meeting.ical_sequence == 1 and meeting.starts_at == start


# --- Agenda ----------------------------------------------------------------------------------


def test_case_on_agenda_must_be_at_this_forum_and_ready(vg, meeting):
    elsewhere = case_in_preparation(vg.sro)
    with pytest.raises(ValidationError) as error:
        services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="x", case=elsewhere)
    assert "case" in error.value.error_dict
    not_ready = CaseFactory(origin_forum=vg.group, status=Case.Status.OPEN)
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="x", case=not_ready)
    ready = case_in_preparation(vg.group)
    item = services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="", case=ready)
    ready.refresh_from_db()
    assert ready.status == Case.Status.SCHEDULED
    assert item.title == ready.title and item.kind == AgendaItem.Kind.DECISION


def test_co_opted_per_item(vg, meeting):
    guest = UserFactory()
    item = services.agenda_item_add(
        actor=vg.secretary, meeting=meeting, title="Gäst", co_opted=[guest]
    )
    assert list(item.co_opted.all()) == [guest]


def test_move_up_and_down_renumbers(vg, meeting):
    items = [
        services.agenda_item_add(actor=vg.secretary, meeting=meeting, title=f"P{i}")
        for i in range(3)
    ]
    services.agenda_item_move(actor=vg.secretary, item=items[2], direction="up")
    titles = list(meeting.agenda_items.order_by("order").values_list("title", flat=True))
    assert titles == ["P0", "P2", "P1"]
    services.agenda_item_move(actor=vg.secretary, item=items[0], direction="up")  # stays first
    orders = list(meeting.agenda_items.order_by("order").values_list("order", flat=True))
    assert orders == [1, 2, 3]
    with pytest.raises(PermissionDenied):
        services.agenda_item_move(actor=vg.vgr_member, item=items[0], direction="down")


def test_removing_an_item_returns_its_case_to_preparation(vg, meeting):
    case = case_in_preparation(vg.group)
    item = services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="x", case=case)
    services.agenda_item_remove(actor=vg.secretary, item=item)
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PREPARATION
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


# --- Attendance ------------------------------------------------------------------------------


def test_attendance_deputy_for_a_named_member(vg, meeting):
    _held(vg, meeting)
    services.attendance_record(
        actor=vg.secretary, meeting=meeting, person=vg.chair, status=Attendance.Status.PRESENT
    )
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=vg.secretary, meeting=meeting, person=vg.deputy, status="deputy"
        )
    with pytest.raises(ValidationError):  # only a deputy stands in
        services.attendance_record(
            actor=vg.secretary,
            meeting=meeting,
            person=vg.vgr_member,
            status="deputy",
            stands_in_for=vg.municipal_member,
        )
    attendance = services.attendance_record(
        actor=vg.secretary,
        meeting=meeting,
        person=vg.deputy,
        status="deputy",
        stands_in_for=vg.municipal_member,
    )
    assert attendance.stands_in_for == vg.municipal_member
    with pytest.raises(ValidationError):  # no mandate
        services.attendance_record(
            actor=vg.secretary, meeting=meeting, person=UserFactory(), status="present"
        )


def test_attendance_form_is_saved_whole_or_not_at_all(vg, meeting):
    _held(vg, meeting)
    entries = [
        (vg.chair, Attendance.Status.PRESENT, None),
        (vg.vgr_member, Attendance.Status.ABSENT, None),
        (vg.deputy, Attendance.Status.DEPUTY, None),  # refused: for whom?
    ]
    with pytest.raises(ValidationError):
        services.attendance_record_all(actor=vg.secretary, meeting=meeting, entries=entries)
    assert not Attendance.objects.filter(meeting=meeting).exists()
    entries[2] = (vg.deputy, Attendance.Status.DEPUTY, vg.municipal_member)
    recorded = services.attendance_record_all(actor=vg.secretary, meeting=meeting, entries=entries)
    assert len(recorded) == 3
    assert set(Attendance.objects.filter(meeting=meeting).values_list("person", "status")) == {
        (vg.chair.pk, "present"),
        (vg.vgr_member.pk, "absent"),
        (vg.deputy.pk, "deputy"),
    }


# --- Action items and calendar tokens --------------------------------------------------------


def test_action_item_assigned_and_done(vg, meeting):
    item = services.action_item_create(
        actor=vg.secretary,
        meeting=meeting,
        title="Skriv PM",
        assignee=vg.vgr_member,
        due_date=timezone.localdate(),
    )
    assert Notification.objects.filter(recipient=vg.vgr_member).exists()
    with pytest.raises(PermissionDenied):
        services.action_item_complete(actor=vg.municipal_member, item=item)
    services.action_item_complete(actor=vg.vgr_member, item=item)
    item.refresh_from_db()
    assert item.status == "done"


def test_rotating_a_token_revokes_the_old_one(vg):
    first = services.calendar_token_rotate(actor=vg.vgr_member)
    second = services.calendar_token_rotate(actor=vg.vgr_member)
    first.refresh_from_db()
    assert first.revoked_at is not None and second.revoked_at is None
    assert first.token != second.token
    assert first.history.count() == 2
    with pytest.raises(PermissionDenied):
        services.calendar_token_rotate(actor=vg.vgr_member, forum=vg.sro)
