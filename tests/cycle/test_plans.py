"""A forum's yearly action plan: drafted by the secretariat, links only what belongs to the
forum, adopted by the forum's decision, followed up during the year."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cycle import services
from cycle.models import ActionPlan, Activity
from kernel.errors import DomainError, InvalidTransition
from meetings.models import Decision
from tests.cycle.plan_helpers import (
    adopted_plan,
    adopted_priorities,
    coming_meeting,
    decide,
    draft_plan,
)
from tests.factories import (
    ActionItemFactory,
    AssignmentItemFactory,
    CaseFactory,
    ForumFactory,
    MeetingFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def test_once_per_forum_and_year(secretariat_user, tactical_forum):
    draft_plan(secretariat_user, tactical_forum)
    with pytest.raises(ValidationError):
        services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2027)
    services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2028)


def test_only_the_secretariat_drafts(chair_user, tactical_forum):
    with pytest.raises(PermissionDenied):
        services.action_plan_create(actor=chair_user, forum=tactical_forum, year=2027)


def test_an_activity_links_what_belongs_to_the_forum(
    secretariat_user, strategic_forum, tactical_forum, chair_user
):
    areas = adopted_priorities(secretariat_user, strategic_forum).areas.all()
    assignment = AssignmentItemFactory(forum=tactical_forum)
    case = CaseFactory(origin_forum=tactical_forum)
    action_item = ActionItemFactory(meeting=MeetingFactory(forum=tactical_forum))
    plan = services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2027)
    activity = services.activity_add(
        actor=secretariat_user,
        plan=plan,
        title="Gemensam uppföljning",
        owner=chair_user,
        owner_organisation=OrganisationFactory(),
        assignment_items=[assignment],
        priority_areas=[areas[0]],
        cases=[case],
        action_items=[action_item],
    )
    assert list(activity.priority_areas.all()) == [areas[0]]
    assert list(activity.cases.all()) == [case]
    assert list(activity.assignment_items.all()) == [assignment]
    assert list(activity.action_items.all()) == [action_item]
    assert not activity.added_after_adoption


@pytest.mark.parametrize("link", ["assignment_items", "priority_areas", "cases", "action_items"])
def test_links_outside_the_forum_are_refused(
    secretariat_user, strategic_forum, tactical_forum, link
):
    elsewhere = ForumFactory()
    other = {
        "assignment_items": lambda: AssignmentItemFactory(forum=strategic_forum),
        "priority_areas": lambda: adopted_priorities(
            secretariat_user, strategic_forum, year=2026
        ).areas.first(),  # another year
        "cases": lambda: CaseFactory(origin_forum=elsewhere),
        "action_items": lambda: ActionItemFactory(meeting=MeetingFactory(forum=strategic_forum)),
    }[link]()
    plan = services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2027)
    with pytest.raises(ValidationError) as error:
        services.activity_add(actor=secretariat_user, plan=plan, title="X", **{link: [other]})
    assert link in error.value.message_dict
    assert not plan.activities.exists()


def test_a_draft_priority_area_is_refused(secretariat_user, strategic_forum, tactical_forum):
    from tests.cycle.plan_helpers import draft_priorities

    area = draft_priorities(secretariat_user, strategic_forum).areas.first()
    plan = services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2027)
    with pytest.raises(ValidationError):
        services.activity_add(actor=secretariat_user, plan=plan, title="X", priority_areas=[area])


def test_an_owner_outside_the_forum_is_refused(secretariat_user, tactical_forum, outsider_user):
    plan = services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2027)
    with pytest.raises(ValidationError) as error:
        services.activity_add(actor=secretariat_user, plan=plan, title="X", owner=outsider_user)
    assert "owner" in error.value.message_dict


def test_ends_after_it_starts(secretariat_user, tactical_forum):
    import datetime

    plan = services.action_plan_create(actor=secretariat_user, forum=tactical_forum, year=2027)
    with pytest.raises(ValidationError) as error:
        services.activity_add(
            actor=secretariat_user,
            plan=plan,
            title="X",
            starts_on=datetime.date(2027, 5, 1),
            ends_on=datetime.date(2027, 4, 1),
        )
    assert "ends_on" in error.value.message_dict


def test_edit_and_remove_while_draft(secretariat_user, tactical_forum):
    plan = draft_plan(secretariat_user, tactical_forum, activities=("A", "B"))
    a, b = plan.activities.all()
    services.activity_update(actor=secretariat_user, activity=a, title="Ä")
    services.activity_remove(actor=secretariat_user, activity=b)
    assert [x.title for x in plan.activities.all()] == ["Ä"]


def test_adopted_by_the_decision(secretariat_user, tactical_forum):
    plan = adopted_plan(secretariat_user, tactical_forum)
    assert plan.status == ActionPlan.Status.ADOPTED and plan.adopted_at is not None
    assert plan.agenda_item.decision.outcome == Decision.Outcome.DECIDED
    activity = plan.activities.get()
    with pytest.raises(DomainError):
        services.activity_update(actor=secretariat_user, activity=activity, title="Ny")
    with pytest.raises(DomainError):
        services.activity_remove(actor=secretariat_user, activity=activity)
    with pytest.raises(DomainError):
        services.action_plan_put_on_agenda(
            actor=secretariat_user, plan=plan, meeting=coming_meeting(tactical_forum)
        )


def test_referred_back_stays_a_draft(secretariat_user, tactical_forum):
    plan = draft_plan(secretariat_user, tactical_forum)
    services.action_plan_put_on_agenda(
        actor=secretariat_user, plan=plan, meeting=coming_meeting(tactical_forum)
    )
    decide(secretariat_user, plan, Decision.Outcome.REFERRED_BACK)
    assert plan.status == ActionPlan.Status.DRAFT
    services.activity_add(actor=secretariat_user, plan=plan, title="Ny aktivitet")


def test_the_agenda_item_lists_the_activities(secretariat_user, tactical_forum):
    plan = draft_plan(secretariat_user, tactical_forum, activities=("Kartlägga", "Utbilda"))
    services.action_plan_put_on_agenda(
        actor=secretariat_user, plan=plan, meeting=coming_meeting(tactical_forum)
    )
    plan.refresh_from_db()
    assert plan.agenda_item.title == "Handlingsplan 2027"
    assert "2. Utbilda" in plan.agenda_item.description


def test_follow_up_records_each_change(secretariat_user, tactical_forum):
    plan = adopted_plan(secretariat_user, tactical_forum)
    activity = plan.activities.get()
    services.activity_follow_up(
        actor=secretariat_user, activity=activity, status="ongoing", status_note="Påbörjad."
    )
    services.activity_follow_up(
        actor=secretariat_user, activity=activity, status="ongoing", status_note="Halvvägs."
    )
    services.activity_follow_up(actor=secretariat_user, activity=activity, status="done")
    rows = activity.history.filter(history_change_reason="followed up").order_by("history_id")
    assert [(r.status, r.status_note) for r in rows] == [
        ("ongoing", "Påbörjad."),
        ("ongoing", "Halvvägs."),
        ("done", ""),
    ]
    with pytest.raises(InvalidTransition):
        services.activity_follow_up(actor=secretariat_user, activity=activity, status="ongoing")


def test_same_status_needs_a_note(secretariat_user, tactical_forum):
    activity = adopted_plan(secretariat_user, tactical_forum).activities.get()
    with pytest.raises(ValidationError):
        services.activity_follow_up(actor=secretariat_user, activity=activity, status="planned")


def test_no_follow_up_of_a_draft(secretariat_user, tactical_forum):
    activity = draft_plan(secretariat_user, tactical_forum).activities.get()
    with pytest.raises(DomainError):
        services.activity_follow_up(actor=secretariat_user, activity=activity, status="ongoing")


def test_the_owner_follows_up_others_may_not(
    secretariat_user, tactical_forum, chair_user, representative_user
):
    plan = adopted_plan(secretariat_user, tactical_forum)
    owned = services.activity_add(actor=secretariat_user, plan=plan, title="Ägd", owner=chair_user)
    services.activity_follow_up(actor=chair_user, activity=owned, status="ongoing")
    other = plan.activities.exclude(pk=owned.pk).get()
    with pytest.raises(PermissionDenied):
        services.activity_follow_up(actor=chair_user, activity=other, status="ongoing")
    with pytest.raises(PermissionDenied):
        services.activity_follow_up(actor=representative_user, activity=owned, status="done")


def test_an_activity_added_during_the_year_is_marked(secretariat_user, tactical_forum, chair_user):
    plan = adopted_plan(secretariat_user, tactical_forum)
    added = services.activity_add(actor=secretariat_user, plan=plan, title="Tillkommen")
    assert added.added_after_adoption
    assert added.history.earliest().history_change_reason == "added during the year"
    assert not plan.activities.exclude(pk=added.pk).get().added_after_adoption
    with pytest.raises(PermissionDenied):
        services.activity_add(actor=chair_user, plan=plan, title="Av ordföranden")
    assert Activity.objects.filter(plan=plan).count() == 2
