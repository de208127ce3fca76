"""The start page with its inbox makes the same number of queries at 5 and at 50 items of
each kind; the lists stop at ten and say so, with a link to the full list where one exists."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from escalation.models import Case, CaseEvent
from mandates.models import Mandate
from meetings.models import Meeting, Minutes
from tests.cycle.report_helpers import quick_adopted
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CaseEventFactory,
    CaseFactory,
    MandateFactory,
    MeetingFactory,
    MinutesFactory,
    SeatFactory,
    UserFactory,
)
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

# 40: two more for the annual reports to draft and to send (cycle.inbox, one each)
QUERIES = 40


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_inbox_query_count_is_the_same_at_5_and_50_of_each_kind(
    client, frozen_day, secretariat_user, give_mandate, operative_forum, tactical_forum
):
    user = secretariat_user
    give_mandate(user, tactical_forum, Mandate.Role.CHAIR)
    give_mandate(user, operative_forum, Mandate.Role.MEMBER)
    other = UserFactory()
    day = datetime.timedelta(days=1)

    years = iter(range(1950, 2000))

    def grow(count):
        for _ in range(count):
            quick_adopted(operative_forum, user, next(years))
            held = MeetingFactory(
                forum=operative_forum,
                status=Meeting.Status.HELD,
                starts_at=at(frozen_day - 90 * day),
            )
            MinutesFactory(meeting=held)
            ActionItemFactory(meeting=held, due_date=frozen_day - 5 * day)
            ActionItemFactory(meeting=held, assignee=user, due_date=frozen_day + 5 * day)
            approving = MeetingFactory(
                forum=tactical_forum,
                status=Meeting.Status.HELD,
                starts_at=at(frozen_day - 20 * day),
            )
            MinutesFactory(meeting=approving, status=Minutes.Status.IN_APPROVAL)
            coming = MeetingFactory(forum=operative_forum, starts_at=at(frozen_day + 10 * day))
            AgendaItemFactory(meeting=coming, with_case=True)
            MeetingFactory(forum=tactical_forum, starts_at=at(frozen_day + 12 * day))
            CaseFactory(origin_forum=tactical_forum)
            CaseFactory(origin_forum=operative_forum, status=Case.Status.IN_PREPARATION)
            late = CaseFactory(origin_forum=operative_forum, current_forum=tactical_forum)
            CaseEventFactory(
                case=late,
                kind=CaseEvent.Kind.ESCALATED,
                to_forum=tactical_forum,
                at=at(frozen_day - 200 * day),
            )
            mine = CaseFactory(origin_forum=operative_forum, raised_by=user)
            CaseEventFactory(
                case=mine,
                actor=other,
                kind=CaseEvent.Kind.STATUS_CHANGED,
                at=at(frozen_day - 2 * day),
            )
            MandateFactory(forum=operative_forum, valid_to=frozen_day + 30 * day)
            SeatFactory(forum=operative_forum, count=3)

    url = reverse("dashboard")
    client.force_login(user)
    client.get(url)  # warm what a first request caches
    grow(5)
    few, response = count_queries(client.get, url)
    small = response.text
    grow(45)
    many, response = count_queries(client.get, url)
    large = response.text
    assert (few, many) == (QUERIES, QUERIES)
    kinds = [
        "minutes_missing",
        "minutes_waiting",
        "meetings_to_convene",
        "cases_to_prepare",
        "cases_to_schedule",
        "cases_overdue",
        "action_items_overdue",
        "mandates_ending",
        "minutes_to_approve",
        "case_events",
        "coming_meetings",
        "my_action_items",
        "annual_reports_to_send",
    ]
    for kind in kinds:
        marker = f'data-kind="{kind}"'
        # ten at most per list (a kind may be both in the secretariat's and the chair's part)
        assert 5 <= small.count(marker) <= 20, kind
        assert large.count(marker) in {10, 20}, kind
    assert large.count("inbox-more") >= len(kinds)
    assert reverse("escalation:secretariat_cases", args=["testpartnerskapet"]) in large
    assert reverse("meetings:my_meetings") in large
    # the operative forum met last year (90 days ago) and has no report for it
    assert reverse("cycle:annual_report_create", args=[operative_forum.slug]) in large
