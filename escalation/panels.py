"""What escalation shows on a forum's page (see forums.panels): raising a case in the forum,
and for its secretariat the escalated cases waiting for a meeting."""

from forums.panels import LINKS, MEMBER, Panel, register_panel, viewer


@register_panel(MEMBER, slot=LINKS, order=20)
def case_links_panel(request, forum):
    standing = viewer(request, forum)
    if not standing.sees_members:
        return None
    return Panel("escalation/panels/case_links.html", {"is_secretariat": standing.is_secretariat})
