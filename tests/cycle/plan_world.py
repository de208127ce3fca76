"""The objects of the priority-area and action-plan rows of the permission matrices (this
app's and tests/security's walk): a draft priority set with one area at the strategic forum,
a draft action plan with one activity at the operative forum."""

from cycle import services


def plan_objects(secretariat_user, strategic_forum, operative_forum):
    priority_set = services.priority_set_create(
        actor=secretariat_user, forum=strategic_forum, year=2027
    )
    area = services.priority_area_add(
        actor=secretariat_user, priority_set=priority_set, title="Digital vård"
    )
    plan = services.action_plan_create(actor=secretariat_user, forum=operative_forum, year=2027)
    activity = services.activity_add(actor=secretariat_user, plan=plan, title="Kartlägga")
    return {"priority_set": priority_set, "priority_area": area, "plan": plan, "activity": activity}
