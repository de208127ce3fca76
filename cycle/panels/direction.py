"""A tactical forum's direction documents, on its page for those who see its meetings."""

from forums.models import Forum
from forums.panels import MEMBER, SECTIONS, Panel, register_panel

from ..permissions import can_draft, can_see_cycle
from ..selectors.direction import direction_documents_of_forum


@register_panel(MEMBER, slot=SECTIONS, order=60)
def direction_documents_panel(request, forum):
    """Only a tactical forum decides direction documents; one query for the list."""
    if forum.tier != Forum.Tier.TACTICAL or not can_see_cycle(request.user, forum):
        return None
    return Panel(
        "cycle/panels/direction.html",
        {
            "direction_documents": list(
                direction_documents_of_forum(user=request.user, forum=forum)
            ),
            "can_draft": can_draft(request.user, forum),
        },
    )
