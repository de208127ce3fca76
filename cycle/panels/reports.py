"""The forum's annual reports: on the forum page, every report the user may read and, for
the secretariat, the link to draft one; on a public forum's page, its adopted reports."""

from forums.panels import MEMBER, PUBLIC, SECTIONS, Panel, register_panel

from ..permissions import can_draft
from ..report_selectors import adopted_reports_of_forum, reports_of_forum


@register_panel(MEMBER, slot=SECTIONS, order=60)
def annual_reports_panel(request, forum):
    """One query (and the secretariat check the page has cached)."""
    reports = reports_of_forum(user=request.user, forum=forum)
    may_draft = can_draft(request.user, forum)
    if not reports and not may_draft:
        return None
    return Panel(
        "cycle/panels/annual_reports.html", {"annual_reports": reports, "may_draft": may_draft}
    )


@register_panel(PUBLIC, slot=SECTIONS, order=60)
def public_annual_reports_panel(request, forum):
    if not forum.is_public:
        return None
    return Panel(
        "cycle/panels/public_annual_reports.html",
        {"annual_reports": adopted_reports_of_forum(forum)},
    )
