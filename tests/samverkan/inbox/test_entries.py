"""Each kind of inbox entry appears when its work is due, and not otherwise (time frozen)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from escalation.models import Case, CaseEvent
from forums.models import Forum
from mandates.models import Mandate
from meetings.models import ActionItem, Meeting, Minutes, MinutesApproval
from samverkan.inbox import PREVIOUS_VISIT, inbox_for
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CaseEventFactory,
    CaseFactory,
    FollowFactory,
    MandateFactory,
    MeetingFactory,
    MinutesApprovalFactory,
    MinutesFactory,
    SeatFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def days(n):
    return datetime.timedelta(days=n)


def entries(user, role, kind, session=None):
    """The texts "<title> – <when>" of the user's entries of one kind in one role's group."""
    for group in inbox_for(user, session=session or {}):
        if group.role == role:
            return [
                f"{entry.title} – {entry.when}".rstrip(" –")
                for section in group.sections
                if section.kind == kind
                for entry in section.entries
            ]
    return []


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# --- secretariat --------------------------------------------------------------------------


def test_held_meeting_without_approved_minutes(frozen_day, secretariat_user, operative_forum):
    held = MeetingFactory(
        forum=operative_forum,
        title="Held",
        status=Meeting.Status.HELD,
        starts_at=at(frozen_day - days(94)),
    )
    MinutesFactory(meeting=held)  # a draft
    done = MeetingFactory(
        forum=operative_forum,
        title="Done",
        status=Meeting.Status.HELD,
        starts_at=at(frozen_day - days(50)),
    )
    MinutesFactory(meeting=done, approved=True)
    MeetingFactory(forum=operative_forum, title="Coming", starts_at=at(frozen_day + days(30)))
    assert entries(secretariat_user, "secretariat", "minutes_missing") == [
        "Arbetsgruppen: Held – held 94 days ago"
    ]


def test_minutes_in_approval_say_who_has_not_approved(
    frozen_day, secretariat_user, chair_user, tactical_forum
):
    tactical_forum.minutes_approval = Forum.MinutesApproval.CHAIR_AND_MEMBER
    tactical_forum.save()
    meeting = MeetingFactory(
        forum=tactical_forum,
        title="M",
        status=Meeting.Status.HELD,
        starts_at=at(frozen_day - days(20)),
    )
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.IN_APPROVAL)
    minutes.submitted_at = at(frozen_day - days(3))
    minutes.save()
    MinutesApprovalFactory(minutes=minutes, role=MinutesApproval.Role.MEMBER)
    group = [g for g in inbox_for(secretariat_user, session={}) if g.role == "secretariat"][0]
    [entry] = [e for s in group.sections if s.kind == "minutes_waiting" for e in s.entries]
    assert entry.when == "sent for approval 3 days ago"
    assert "Olle Ordförande" in entry.detail  # the chair, by name
    assert "member" not in entry.detail.lower()  # the member has approved
    assert entry.url == reverse("meetings:minutes_detail", args=[minutes.pk])
    MinutesFactory(meeting=MeetingFactory(forum=tactical_forum, status=Meeting.Status.HELD))
    assert len(entries(secretariat_user, "secretariat", "minutes_waiting")) == 1  # drafts not


def test_meeting_to_convene_when_its_notice_is_due(frozen_day, secretariat_user, operative_forum):
    MeetingFactory(forum=operative_forum, title="Soon", starts_at=at(frozen_day + days(11)))
    MeetingFactory(forum=operative_forum, title="Later", starts_at=at(frozen_day + days(17)))
    MeetingFactory(forum=operative_forum, title="Far", starts_at=at(frozen_day + days(40)))
    MeetingFactory(
        forum=operative_forum,
        title="Sent",
        status=Meeting.Status.CONVENED,
        starts_at=at(frozen_day + days(5)),
    )
    assert entries(secretariat_user, "secretariat", "meetings_to_convene") == [
        "Arbetsgruppen: Soon – 3 days overdue",
        "Arbetsgruppen: Later – due in 3 days",
    ]


def test_cases_waiting_for_preparation_or_a_meeting(frozen_day, secretariat_user, operative_forum):
    CaseFactory(
        origin_forum=operative_forum,
        title="Open",
        reference="SAM-1",
        status_changed_at=at(frozen_day - days(10)),
    )
    CaseFactory(
        origin_forum=operative_forum,
        title="Prepared",
        reference="SAM-2",
        status=Case.Status.IN_PREPARATION,
        status_changed_at=at(frozen_day - days(4)),
    )
    CaseFactory(
        origin_forum=operative_forum, title="Closed", reference="SAM-3", status=Case.Status.CLOSED
    )
    assert entries(secretariat_user, "secretariat", "cases_to_prepare") == [
        "SAM-1 Open – waiting for 10 days"
    ]
    assert entries(secretariat_user, "secretariat", "cases_to_schedule") == [
        "SAM-2 Prepared – waiting for 4 days"
    ]


def test_overdue_case(frozen_day, secretariat_user, structure, operative_forum, tactical_forum):
    structure.escalated_case_deadline_days = 60
    structure.save()
    late = CaseFactory(
        origin_forum=operative_forum, current_forum=tactical_forum, reference="SAM-9", title="Late"
    )
    CaseEventFactory(
        case=late,
        kind=CaseEvent.Kind.ESCALATED,
        to_forum=tactical_forum,
        at=at(frozen_day - days(231)),
    )
    fresh = CaseFactory(
        origin_forum=operative_forum, current_forum=tactical_forum, reference="SAM-8", title="Fresh"
    )
    CaseEventFactory(
        case=fresh,
        kind=CaseEvent.Kind.ESCALATED,
        to_forum=tactical_forum,
        at=at(frozen_day - days(30)),
    )
    assert entries(secretariat_user, "secretariat", "cases_overdue") == [
        "SAM-9 Late – 171 days overdue"
    ]


def test_overdue_action_items(frozen_day, secretariat_user, operative_forum):
    meeting = MeetingFactory(
        forum=operative_forum, status=Meeting.Status.HELD, starts_at=at(frozen_day - days(40))
    )
    ActionItemFactory(meeting=meeting, title="Late", due_date=frozen_day - days(12))
    ActionItemFactory(meeting=meeting, title="Later", due_date=frozen_day + days(2))
    ActionItemFactory(
        meeting=meeting, title="Done", due_date=frozen_day - days(5), status=ActionItem.Status.DONE
    )
    assert entries(secretariat_user, "secretariat", "action_items_overdue") == [
        "Late – 12 days overdue"
    ]


def test_mandates_ending_within_sixty_days(frozen_day, secretariat_user, operative_forum):
    ending = MandateFactory(
        forum=operative_forum,
        valid_to=frozen_day + days(45),
        person=UserFactory(first_name="Ella", last_name="Slut"),
    )
    MandateFactory(forum=operative_forum, valid_to=frozen_day + days(61))
    MandateFactory(forum=operative_forum, valid_to=None)
    MandateFactory(
        forum=operative_forum, valid_to=frozen_day + days(10), status=Mandate.Status.ENDED
    )
    assert entries(secretariat_user, "secretariat", "mandates_ending") == [
        f"Ella Slut, {ending.get_role_display().lower()} in Arbetsgruppen – ends in 45 days"
    ]


def test_empty_seats_and_findings_come_from_the_compliance_check(
    frozen_day, secretariat_user, operative_forum
):
    assert entries(secretariat_user, "secretariat", "empty_seats") == []
    SeatFactory(forum=operative_forum, count=2)
    [text] = entries(secretariat_user, "secretariat", "empty_seats")
    assert text == "Arbetsgruppen"
    group = [g for g in inbox_for(secretariat_user, session={}) if g.role == "secretariat"][0]
    [entry] = [e for s in group.sections if s.kind == "empty_seats" for e in s.entries]
    assert entry.url.startswith(reverse("mandates:compliance", args=["testpartnerskapet"]))
    assert "All 2 seats" in entry.detail


def test_only_secretariat_staff_get_the_secretariat_inbox(
    frozen_day, representative_user, operative_forum
):
    MeetingFactory(
        forum=operative_forum, status=Meeting.Status.HELD, starts_at=at(frozen_day - days(30))
    )
    assert entries(representative_user, "secretariat", "minutes_missing") == []


# --- chair ---------------------------------------------------------------------------------


def test_chair_sees_minutes_the_chair_has_still_to_approve(frozen_day, chair_user, tactical_forum):
    meeting = MeetingFactory(
        forum=tactical_forum,
        title="T",
        status=Meeting.Status.HELD,
        starts_at=at(frozen_day - days(9)),
    )
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.IN_APPROVAL)
    minutes.submitted_at = at(frozen_day - days(2))
    minutes.save()
    assert entries(chair_user, "chair", "minutes_to_approve") == [
        "Samordningsgruppen: T – sent for approval 2 days ago"
    ]
    MinutesApprovalFactory(minutes=minutes, person=chair_user, role=MinutesApproval.Role.CHAIR)
    assert entries(chair_user, "chair", "minutes_to_approve") == []


def test_chair_who_wrote_the_draft_is_not_asked_to_approve_it_alone(
    frozen_day, chair_user, tactical_forum
):
    tactical_forum.minutes_approval = Forum.MinutesApproval.CHAIR
    tactical_forum.save()
    meeting = MeetingFactory(
        forum=tactical_forum, status=Meeting.Status.HELD, starts_at=at(frozen_day - days(9))
    )
    MinutesFactory(meeting=meeting, status=Minutes.Status.IN_APPROVAL, author=chair_user)
    assert entries(chair_user, "chair", "minutes_to_approve") == []


def test_chair_sees_cases_to_prepare(frozen_day, chair_user, tactical_forum, operative_forum):
    CaseFactory(
        origin_forum=tactical_forum,
        reference="SAM-5",
        title="Here",
        status_changed_at=at(frozen_day - days(6)),
    )
    CaseFactory(origin_forum=operative_forum, reference="SAM-6", title="Elsewhere")
    assert entries(chair_user, "chair", "cases_to_prepare") == ["SAM-5 Here – waiting for 6 days"]


def test_chair_sees_meetings_to_convene(frozen_day, chair_user, tactical_forum, operative_forum):
    MeetingFactory(forum=tactical_forum, title="Soon", starts_at=at(frozen_day + days(14)))
    MeetingFactory(forum=operative_forum, title="Not mine", starts_at=at(frozen_day + days(14)))
    assert entries(chair_user, "chair", "meetings_to_convene") == [
        "Samordningsgruppen: Soon – due today"
    ]


def test_chair_is_told_to_call_meetings_when_the_minimum_is_out_of_reach(
    time_machine, chair_user, tactical_forum
):
    tactical_forum.min_meetings_per_year = 4
    tactical_forum.save()
    time_machine.move_to(at(datetime.date(2026, 6, 1)), tick=False)
    assert entries(chair_user, "chair", "meetings_to_call") == []
    time_machine.move_to(at(datetime.date(2026, 12, 10)), tick=False)
    assert entries(chair_user, "chair", "meetings_to_call") == [
        "Samordningsgruppen – due in 21 days"
    ]


# --- representative ------------------------------------------------------------------------


def test_representative_sees_what_happened_since_the_last_visit(
    frozen_day, representative_user, operative_forum
):
    mine = CaseFactory(
        origin_forum=operative_forum, raised_by=representative_user, reference="SAM-7", title="Mine"
    )
    followed = CaseFactory(origin_forum=operative_forum, reference="SAM-4", title="Followed")
    FollowFactory(user=representative_user, case=followed)
    other = CaseFactory(origin_forum=operative_forum, reference="SAM-3", title="Other")
    CaseEventFactory(
        case=mine,
        kind=CaseEvent.Kind.STATUS_CHANGED,
        actor=UserFactory(),
        to_status=Case.Status.IN_PREPARATION,
        at=at(frozen_day - days(2)),
    )
    CaseEventFactory(
        case=followed,
        kind=CaseEvent.Kind.STATUS_CHANGED,
        actor=UserFactory(),
        at=at(frozen_day - days(9)),
    )
    CaseEventFactory(
        case=other,
        kind=CaseEvent.Kind.STATUS_CHANGED,
        actor=UserFactory(),
        at=at(frozen_day - days(1)),
    )
    CaseEventFactory(
        case=mine,
        kind=CaseEvent.Kind.ATTACHMENT_ADDED,
        actor=representative_user,
        at=at(frozen_day - days(1)),
    )  # their own doing
    session = {PREVIOUS_VISIT: at(frozen_day - days(5)).isoformat()}
    assert entries(representative_user, "representative", "case_events", session) == [
        "SAM-7 Mine – changed 2 days ago"
    ]
    session = {PREVIOUS_VISIT: at(frozen_day - days(10)).isoformat()}
    assert len(entries(representative_user, "representative", "case_events", session)) == 2


def test_representative_sees_coming_meetings_with_their_agendas(
    frozen_day, representative_user, operative_forum, tactical_forum
):
    meeting = MeetingFactory(
        forum=operative_forum, title="Next", starts_at=at(frozen_day + days(8))
    )
    item = AgendaItemFactory(meeting=meeting, with_case=True)
    MeetingFactory(
        forum=operative_forum,
        title="Past",
        status=Meeting.Status.HELD,
        starts_at=at(frozen_day - days(8)),
    )
    MeetingFactory(forum=tactical_forum, title="Not mine", starts_at=at(frozen_day + days(8)))
    group = [g for g in inbox_for(representative_user, session={}) if g.role == "representative"]
    [entry] = [e for s in group[0].sections if s.kind == "coming_meetings" for e in s.entries]
    assert entry.title == "Arbetsgruppen: Next"
    assert entry.when == "in 8 days"
    assert (item.case.reference, item.case.get_absolute_url()) in entry.links
    assert ("Agenda", f"{meeting.get_absolute_url()}#agenda") in entry.links


def test_representative_sees_their_action_items(frozen_day, representative_user, operative_forum):
    meeting = MeetingFactory(
        forum=operative_forum, status=Meeting.Status.HELD, starts_at=at(frozen_day - days(8))
    )
    ActionItemFactory(
        meeting=meeting, assignee=representative_user, title="Mine", due_date=frozen_day + days(3)
    )
    ActionItemFactory(meeting=meeting, title="Someone else's")
    ActionItemFactory(
        meeting=meeting, assignee=representative_user, title="Done", status=ActionItem.Status.DONE
    )
    assert entries(representative_user, "representative", "my_action_items") == [
        "Mine – due in 3 days"
    ]
