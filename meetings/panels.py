"""What meetings shows on a forum's pages (see forums.panels): the link to the forum's
meetings for those who sit in it, and the approved minutes on a public forum's page."""

from forums.panels import LINKS, MEMBER, PUBLIC, SECTIONS, Panel, register_panel, viewer

from .selectors import approved_minutes_of_forum


@register_panel(MEMBER, slot=LINKS, order=10)
def meetings_link_panel(request, forum):
    if not viewer(request, forum).sees_members:
        return None
    return Panel("meetings/panels/meetings_link.html")


@register_panel(PUBLIC, slot=SECTIONS, order=50)
def approved_minutes_panel(request, forum):
    """Approved minutes (as PDFs) of a public forum: one query."""
    if not forum.is_public:
        return None
    return Panel(
        "meetings/panels/public_minutes.html",
        {"minutes_list": approved_minutes_of_forum(forum)},
    )
