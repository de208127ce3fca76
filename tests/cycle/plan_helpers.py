"""Helpers of the priority-area and action-plan tests: drafts made through the services, and
adoption through the real path (a decision recorded on the agenda item)."""

import datetime

from django.utils import timezone

from cycle import services
from meetings import services as meeting_services
from meetings.models import Decision
from tests.factories import MeetingFactory


def coming_meeting(forum, days=14):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    return MeetingFactory(forum=forum, starts_at=start, ends_at=start + datetime.timedelta(hours=2))


def decide(actor, document, outcome=Decision.Outcome.DECIDED):
    """Convene the meeting the document is on and record `outcome` on its item."""
    document.refresh_from_db()
    item = document.agenda_item
    meeting = item.meeting
    if meeting.status == meeting.Status.PLANNED:
        meeting_services.meeting_convene(actor=actor, meeting=meeting)
    data = {"text": "Fastställs." if outcome == Decision.Outcome.DECIDED else "Ny beredning."}
    if meeting.forum.decision_rule == meeting.forum.DecisionRule.CONSENSUS:
        data["consensus"] = outcome == Decision.Outcome.DECIDED
    elif outcome == Decision.Outcome.DECIDED:
        data.update(votes_for=3, votes_against=0, votes_abstaining=0)
    decision = meeting_services.decision_record(actor=actor, item=item, outcome=outcome, **data)
    document.refresh_from_db()
    return decision


def draft_priorities(actor, forum, year=2027, titles=("Digital vård", "Jämlik hälsa")):
    priority_set = services.priority_set_create(actor=actor, forum=forum, year=year)
    for title in titles:
        services.priority_area_add(actor=actor, priority_set=priority_set, title=title)
    return priority_set


def adopted_priorities(actor, forum, year=2027, **kwargs):
    priority_set = draft_priorities(actor, forum, year, **kwargs)
    services.priority_set_put_on_agenda(
        actor=actor, priority_set=priority_set, meeting=coming_meeting(forum)
    )
    decide(actor, priority_set)
    return priority_set


def draft_plan(actor, forum, year=2027, activities=("Kartlägga behoven",), **links):
    plan = services.action_plan_create(actor=actor, forum=forum, year=year)
    for title in activities:
        services.activity_add(actor=actor, plan=plan, title=title, **links)
    return plan


def adopted_plan(actor, forum, year=2027, **kwargs):
    plan = draft_plan(actor, forum, year, **kwargs)
    services.action_plan_put_on_agenda(actor=actor, plan=plan, meeting=coming_meeting(forum))
    decide(actor, plan)
    return plan
