"""The forum page's section on priority areas (strategic forums) and action plans, for
those who sit in the forum and its secretariat: two queries."""

from forums.models import Forum
from forums.panels import MEMBER, SECTIONS, Panel, register_panel, viewer

from ..selectors_plans import action_plans_of, priority_sets_of


@register_panel(MEMBER, slot=SECTIONS, order=40)
def plans_panel(request, forum):
    standing = viewer(request, forum)
    if not standing.sees_members:
        return None
    strategic = forum.tier == Forum.Tier.STRATEGIC
    return Panel(
        "cycle/panels/plans.html",
        {
            "priority_sets": priority_sets_of(forum) if strategic else None,
            "action_plans": action_plans_of(forum),
            "plans_drafter": standing.is_secretariat,
        },
    )
