"""The rules of meetings (R12-R15) as services enforce them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from escalation.models import Case, CaseEvent, Follow
from forums.models import Forum
from kernel.errors import DomainError, InvalidTransition
from kernel.models import Notification
from meetings import services
from meetings.models import AgendaItem, Attendance, Decision, Meeting, Minutes, MinutesApproval
from tests.factories import CaseFactory, DecisionFactory, MinutesFactory, UserFactory
from tests.meetings.factories import case_in_preparation

pytestmark = pytest.mark.django_db
Outcome = Decision.Outcome


def _times(days=10):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=13, minute=0, second=0, microsecond=0
    )
    return start, start + datetime.timedelta(hours=2)


def _held(vg, meeting, *, case=None):
    item = None
    if case is not None:
        item = services.agenda_item_add(
            actor=vg.secretary, meeting=meeting, title="", kind=AgendaItem.Kind.DECISION, case=case
        )
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    meeting.refresh_from_db()
    return item


def _in_approval(vg, meeting):
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    return services.minutes_submit(actor=vg.secretary, minutes=minutes)


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


# --- Decisions (R14) -------------------------------------------------------------------------


def test_decided_without_consensus_is_refused(vg, meeting):
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    with pytest.raises(DomainError, match="Utan enighet"):
        services.decision_record(
            actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="Ja", consensus=False
        )
    assert not Decision.objects.exists()


def test_database_refuses_decided_without_consensus(vg, meeting):
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        DecisionFactory(agenda_item__meeting=meeting, outcome="decided", consensus=False)
    assert refused.value.__cause__.diag.constraint_name == "decision_not_decided_without_consensus"


def test_referred_back_moves_the_case_and_tells_followers(
    vg, meeting, django_capture_on_commit_callbacks
):
    case = case_in_preparation(vg.group)
    follower = UserFactory()
    Follow.objects.create(user=follower, case=case)
    item = _held(vg, meeting, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_record(
            actor=vg.secretary, item=item, outcome=Outcome.REFERRED_BACK, text="Ingen enighet"
        )
    assert decision.consensus is False
    case.refresh_from_db()
    assert case.status == Case.Status.REFERRED_BACK
    event = case.events.order_by("-at", "-pk").first()
    assert event.kind == CaseEvent.Kind.REFERRED_BACK and event.by_meeting_decision
    assert Notification.objects.filter(recipient=follower).exists()


def test_consensus_decision_decides_the_case(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    decision = services.decision_record(
        actor=vg.secretary,
        item=item,
        outcome=Outcome.DECIDED,
        text="Vi tillstyrker",
        consensus=True,
    )
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED and case.outcome == "Vi tillstyrker"
    assert decision.consensus is True and decision.is_joint_position is False


def test_escalated_decision_moves_the_case_up(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    services.decision_record(actor=vg.secretary, item=item, outcome=Outcome.ESCALATED, text="Upp")
    case.refresh_from_db()
    assert case.current_forum == vg.sro and case.status == Case.Status.OPEN


def test_removed_decision(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    services.decision_record(actor=vg.secretary, item=item, outcome=Outcome.REMOVED, text="Av")
    case.refresh_from_db()
    assert case.status == Case.Status.REMOVED


def test_partnership_decisions_are_joint_positions(vg, meeting):
    vg.structure.is_partnership = True
    vg.structure.save()
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    decision = services.decision_record(
        actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="Gemensamt", consensus=True
    )
    assert decision.is_joint_position


def test_majority_forum_records_votes(vg, meeting):
    vg.group.decision_rule = Forum.DecisionRule.MAJORITY
    vg.group.save()
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    with pytest.raises(ValidationError):
        services.decision_record(actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="x")
    with pytest.raises(ValidationError):
        services.decision_record(
            actor=vg.secretary, item=item, outcome="decided", text="x", votes_for=2, votes_against=3
        )
    decision = services.decision_record(
        actor=vg.secretary,
        item=item,
        outcome="decided",
        text="x",
        votes_for=4,
        votes_against=1,
        votes_abstaining=1,
    )
    assert (decision.votes_for, decision.votes_against, decision.consensus) == (4, 1, None)


def test_members_cannot_record_decisions(vg, meeting):
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    with pytest.raises(PermissionDenied):
        services.decision_record(actor=vg.vgr_member, item=item, outcome="removed", text="x")


# --- Minutes (R15) ---------------------------------------------------------------------------


def test_first_draft_is_generated_from_agenda_attendance_decisions(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    services.attendance_record(
        actor=vg.secretary, meeting=meeting, person=vg.chair, status="present"
    )
    services.decision_record(
        actor=vg.secretary, item=item, outcome="referred_back", text="Oenighet"
    )
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    assert case.reference in minutes.body and "Oenighet" in minutes.body
    assert str(vg.chair) in minutes.body
    with pytest.raises(DomainError):
        services.minutes_draft(actor=vg.secretary, meeting=meeting)


def test_minutes_only_for_held_meetings(vg, meeting):
    with pytest.raises(DomainError):
        services.minutes_draft(actor=vg.secretary, meeting=meeting)


def test_other_party_rule_chair_and_vgr_member_approve(vg, meeting, mailoutbox):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert {"kchair", "vgrvice", "vgrmember"} <= recipients
    assert "kmember" not in recipients  # the chair's party cannot fill the other-party role
    with pytest.raises(DomainError, match="andra parten"):
        services.minutes_approve(actor=vg.municipal_member, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.IN_APPROVAL
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED and minutes.is_locked
    roles = dict(minutes.approvals.values_list("person__username", "role"))
    assert roles == {"kchair": "chair", "vgrmember": "other_party_member"}


def test_approver_without_mandate_is_refused(vg, meeting):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    with pytest.raises((DomainError, PermissionDenied)):
        services.minutes_approve(actor=vg.secretary, minutes=minutes)
    assert not MinutesApproval.objects.exists()


def test_deputy_does_not_approve_as_member(vg, meeting):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.deputy, minutes=minutes)


def test_chair_and_member_rule(vg, meeting):
    vg.group.minutes_approval = Forum.MinutesApproval.CHAIR_AND_MEMBER
    vg.group.save()
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.municipal_member, minutes=minutes)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.vgr_member, minutes=minutes)  # member role filled
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.is_locked


def test_author_cannot_approve_alone(vg, meeting):
    vg.group.minutes_approval = Forum.MinutesApproval.CHAIR
    vg.group.save()
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.chair, meeting=meeting)
    services.minutes_submit(actor=vg.chair, minutes=minutes)
    with pytest.raises(DomainError, match="skrivit utkastet"):
        services.minutes_approve(actor=vg.chair, minutes=minutes)


def test_chair_alone_rule(vg, meeting):
    vg.group.minutes_approval = Forum.MinutesApproval.CHAIR
    vg.group.save()
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.vice, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.is_locked


def _approved(vg, meeting):
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    return minutes, item


def test_approved_minutes_are_locked_everywhere(vg, meeting):
    minutes, item = _approved(vg, meeting)
    body = minutes.body
    with pytest.raises(DomainError, match="låsta"):
        services.minutes_update(actor=vg.secretary, minutes=minutes, body="ändrat")
    with pytest.raises(DomainError):
        services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    with pytest.raises(DomainError):
        services.minutes_submit(actor=vg.secretary, minutes=minutes)
    with pytest.raises(DomainError):
        services.decision_record(actor=vg.secretary, item=item, outcome="removed", text="x")
    with pytest.raises(DomainError):
        services.attendance_record(
            actor=vg.secretary, meeting=meeting, person=vg.chair, status="absent"
        )
    minutes.refresh_from_db()
    assert minutes.body == body


def test_correction_is_an_addendum_with_its_own_approval(vg, meeting):
    minutes, _item = _approved(vg, meeting)
    addendum = services.minutes_draft(
        actor=vg.secretary, meeting=meeting, amends=minutes, body="Rättelse"
    )
    assert addendum.amends == minutes and addendum.status == Minutes.Status.DRAFT
    services.minutes_submit(actor=vg.secretary, minutes=addendum)
    services.minutes_approve(actor=vg.chair, minutes=addendum)
    services.minutes_approve(actor=vg.vice, minutes=addendum)
    addendum.refresh_from_db()
    assert addendum.is_locked
    with pytest.raises(DomainError):  # an addendum corrects approved minutes only
        services.minutes_draft(
            actor=vg.secretary,
            meeting=meeting,
            amends=MinutesFactory(meeting=meeting, amends=minutes, author=vg.secretary),
        )


def test_return_to_draft_drops_approvals(vg, meeting):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    assert not minutes.approvals.exists()
    services.minutes_update(actor=vg.secretary, minutes=minutes, body="Ny text")


def test_drafts_are_not_approved(vg, meeting):
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.chair, minutes=minutes)


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
