"""The strategic forum's yearly priority areas: only a strategic forum has them, drafted by
the secretariat, adopted through a decision item, then fixed for the year."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cycle import services
from cycle.models import PrioritySet
from forums.models import Forum
from kernel.errors import DomainError
from meetings.models import AgendaItem, Decision
from tests.cycle.plan_helpers import adopted_priorities, coming_meeting, decide, draft_priorities
from tests.factories import CaseFactory, DecisionFactory, ForumFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_strategic_forum_has_priority_areas(secretariat_user, strategic_forum):
    priority_set = draft_priorities(secretariat_user, strategic_forum)
    assert priority_set.status == PrioritySet.Status.DRAFT
    assert [a.title for a in priority_set.areas.all()] == ["Digital vård", "Jämlik hälsa"]


@pytest.mark.parametrize("tier", ["tactical", "operative"])
def test_a_forum_below_the_strategic_tier_has_none(
    secretariat_user, tactical_forum, operative_forum, tier
):
    forum = tactical_forum if tier == "tactical" else operative_forum
    with pytest.raises(DomainError):
        services.priority_set_create(actor=secretariat_user, forum=forum, year=2027)
    assert not PrioritySet.objects.filter(forum=forum).exists()


def test_once_a_year(secretariat_user, strategic_forum):
    draft_priorities(secretariat_user, strategic_forum)
    with pytest.raises(ValidationError) as error:
        services.priority_set_create(actor=secretariat_user, forum=strategic_forum, year=2027)
    assert "year" in error.value.message_dict


def test_only_the_secretariat_drafts(chair_user, strategic_forum, give_mandate):
    give_mandate(chair_user, strategic_forum, "chair")
    with pytest.raises(PermissionDenied):
        services.priority_set_create(actor=chair_user, forum=strategic_forum, year=2027)


def test_areas_are_edited_reordered_and_removed_while_draft(secretariat_user, strategic_forum):
    priority_set = draft_priorities(secretariat_user, strategic_forum, titles=("A", "B", "C"))
    a, b, c = priority_set.areas.all()
    services.priority_area_update(actor=secretariat_user, area=a, title="Ä", description="x")
    services.priority_area_move(actor=secretariat_user, area=c, direction="up")
    assert [x.title for x in priority_set.areas.all()] == ["Ä", "C", "B"]
    with pytest.raises(DomainError):
        services.priority_area_move(actor=secretariat_user, area=a, direction="up")
    with pytest.raises(ValidationError):
        services.priority_area_add(actor=secretariat_user, priority_set=priority_set, title="b")
    services.priority_area_remove(actor=secretariat_user, area=b)
    assert [x.title for x in priority_set.areas.all()] == ["Ä", "C"]


def test_the_agenda_item_lists_the_areas(secretariat_user, strategic_forum):
    priority_set = draft_priorities(secretariat_user, strategic_forum)
    services.priority_set_put_on_agenda(
        actor=secretariat_user, priority_set=priority_set, meeting=coming_meeting(strategic_forum)
    )
    priority_set.refresh_from_db()
    item = priority_set.agenda_item
    assert item.kind == AgendaItem.Kind.DECISION
    assert item.title == "Prioriterade områden 2027"
    assert "1. Digital vård" in item.description and "2. Jämlik hälsa" in item.description


def test_an_empty_set_is_not_put_on_an_agenda(secretariat_user, strategic_forum):
    priority_set = services.priority_set_create(
        actor=secretariat_user, forum=strategic_forum, year=2027
    )
    with pytest.raises(DomainError):
        services.priority_set_put_on_agenda(
            actor=secretariat_user,
            priority_set=priority_set,
            meeting=coming_meeting(strategic_forum),
        )


def test_a_meeting_of_another_forum_is_refused(secretariat_user, strategic_forum, tactical_forum):
    priority_set = draft_priorities(secretariat_user, strategic_forum)
    with pytest.raises(ValidationError):
        services.priority_set_put_on_agenda(
            actor=secretariat_user,
            priority_set=priority_set,
            meeting=coming_meeting(tactical_forum),
        )


def test_adopted_by_the_decision_then_fixed(secretariat_user, strategic_forum):
    priority_set = adopted_priorities(secretariat_user, strategic_forum)
    assert priority_set.is_adopted and priority_set.adopted_at is not None
    area = priority_set.areas.first()
    for call in (
        lambda: services.priority_area_update(actor=secretariat_user, area=area, title="Ny"),
        lambda: services.priority_area_remove(actor=secretariat_user, area=area),
        lambda: services.priority_area_move(actor=secretariat_user, area=area, direction="down"),
        lambda: services.priority_area_add(
            actor=secretariat_user, priority_set=priority_set, title="Ny"
        ),
        lambda: services.priority_set_update(
            actor=secretariat_user, priority_set=priority_set, introduction="Ny"
        ),
    ):
        with pytest.raises(DomainError):
            call()
    assert area.title == type(area).objects.get(pk=area.pk).title


def test_referred_back_stays_a_draft(secretariat_user, strategic_forum):
    priority_set = draft_priorities(secretariat_user, strategic_forum)
    services.priority_set_put_on_agenda(
        actor=secretariat_user, priority_set=priority_set, meeting=coming_meeting(strategic_forum)
    )
    decide(secretariat_user, priority_set, Decision.Outcome.REFERRED_BACK)
    assert priority_set.status == PrioritySet.Status.DRAFT
    services.priority_area_add(actor=secretariat_user, priority_set=priority_set, title="Tredje")


def test_cases_and_decisions_of_the_structure_are_linked(
    secretariat_user, strategic_forum, tactical_forum
):
    priority_set = adopted_priorities(secretariat_user, strategic_forum)
    area = priority_set.areas.first()
    case = CaseFactory(origin_forum=tactical_forum)
    decision = DecisionFactory(
        agenda_item__meeting=MeetingFactory(forum=tactical_forum), recorded_by=secretariat_user
    )
    services.priority_area_links_set(
        actor=secretariat_user, area=area, cases=[case], decisions=[decision]
    )
    assert list(area.cases.all()) == [case] and list(area.decisions.all()) == [decision]
    services.priority_area_links_set(actor=secretariat_user, area=area, cases=[], decisions=[])
    assert not area.cases.exists() and not area.decisions.exists()


def test_cases_and_decisions_of_another_structure_are_refused(secretariat_user, strategic_forum):
    area = adopted_priorities(secretariat_user, strategic_forum).areas.first()
    elsewhere = ForumFactory(tier=Forum.Tier.STRATEGIC)
    with pytest.raises(ValidationError) as error:
        services.priority_area_links_set(
            actor=secretariat_user, area=area, cases=[CaseFactory(origin_forum=elsewhere)]
        )
    assert "cases" in error.value.message_dict
    decision = DecisionFactory(
        agenda_item__meeting=MeetingFactory(forum=elsewhere), recorded_by=secretariat_user
    )
    with pytest.raises(ValidationError) as error:
        services.priority_area_links_set(actor=secretariat_user, area=area, decisions=[decision])
    assert "decisions" in error.value.message_dict
    assert not area.cases.exists() and not area.decisions.exists()


def test_a_draft_area_takes_no_links(secretariat_user, strategic_forum, tactical_forum):
    area = draft_priorities(secretariat_user, strategic_forum).areas.first()
    with pytest.raises(DomainError):
        services.priority_area_links_set(
            actor=secretariat_user, area=area, cases=[CaseFactory(origin_forum=tactical_forum)]
        )
