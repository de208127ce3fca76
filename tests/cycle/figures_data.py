"""A forum-year's record for the figures' tests: meetings with attendance and decisions,
cases raised below and escalated, decided and fed back, with blank optional fields."""

import datetime
import itertools
import zoneinfo

from escalation.models import Case, CaseEvent
from meetings.models import Attendance, Decision, Meeting
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CaseEventFactory,
    CaseFactory,
    DecisionFactory,
    MandateFactory,
    MeetingFactory,
    OrganisationFactory,
    UserFactory,
)

YEAR = 2026
TZ = zoneinfo.ZoneInfo("Europe/Stockholm")
OUTCOMES = itertools.cycle(list(Decision.Outcome))
STATUSES = itertools.cycle(
    [Attendance.Status.PRESENT, Attendance.Status.DEPUTY, Attendance.Status.ABSENT]
)
_counter = itertools.count()


def at(month, day, hour=9):
    return datetime.datetime(YEAR, month, day, hour, tzinfo=TZ)


def add_meetings(forum, below, n, *, hosts=()):
    """n held meetings of `forum` in YEAR, each with three attendances (one without a
    mandate or organisation), two decisions and a case raised at `below`, escalated to
    `forum`, decided there and fed back. Every other meeting has no host, place or title."""
    for _ in range(n):
        i = next(_counter)
        starts = at(2 + i % 10, 1 + i % 27)
        blank = i % 2 == 0
        meeting = MeetingFactory(
            forum=forum,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            status=Meeting.Status.CANCELLED if i % 5 == 4 else Meeting.Status.HELD,
            title="" if blank else f"Sammanträde {i}",
            location="" if blank else "Rum 1",
            host_organisation=None if blank or not hosts else hosts[i % len(hosts)],
        )
        organisation = OrganisationFactory()
        mandate = MandateFactory(forum=forum, organisation=organisation)
        AttendanceFactory(
            meeting=meeting, person=mandate.person, mandate=mandate, status=next(STATUSES)
        )
        AttendanceFactory(meeting=meeting, person=UserFactory(), status=next(STATUSES))
        AttendanceFactory(
            meeting=meeting,
            person=UserFactory(organisation=organisation),
            status=Attendance.Status.PRESENT,
        )
        for _item in range(2):
            outcome = next(OUTCOMES)
            DecisionFactory(
                agenda_item=AgendaItemFactory(meeting=meeting, kind="decision"),
                outcome=outcome,
                consensus=None,
                is_joint_position=outcome == Decision.Outcome.DECIDED and i % 2 == 1,
                text="",
            )
        raised = starts - datetime.timedelta(days=20 + i % 7)
        case = CaseFactory(
            origin_forum=below,
            current_forum=forum,
            status=Case.Status.FEEDBACK_GIVEN,
            created_at=raised,
            description="",
        )
        CaseEventFactory(case=case, kind=CaseEvent.Kind.RAISED, to_forum=below, at=raised)
        escalated = raised + datetime.timedelta(days=10)
        CaseEventFactory(
            case=case,
            kind=CaseEvent.Kind.ESCALATED,
            from_forum=below,
            to_forum=forum,
            at=escalated,
        )
        CaseEventFactory(
            case=case,
            kind=CaseEvent.Kind.DECIDED,
            from_forum=forum,
            to_forum=forum,
            at=escalated + datetime.timedelta(days=5 + i % 3),
        )
        CaseEventFactory(
            case=case,
            kind=CaseEvent.Kind.FEEDBACK_GIVEN,
            from_forum=forum,
            to_forum=below,
            at=escalated + datetime.timedelta(days=9),
        )
