"""The wind-down page's panels (forums.panels.WIND_DOWN): open cases, later meetings."""

from django.utils import timezone

from forums.panels import WIND_DOWN, Panel, register_panel, viewer
from kernel.lists import table_page

from .forms import MeetingCancelForm
from .selectors import later_meetings, open_cases
from .tables import WindDownCaseTable, WindDownMeetingTable


def _winding_down(request, forum):
    return forum.active_to is not None and viewer(request, forum).is_secretariat


@register_panel(WIND_DOWN, order=10)
def open_cases_panel(request, forum):
    if not _winding_down(request, forum):
        return None
    table = WindDownCaseTable(open_cases(forum), today=timezone.localdate())
    return Panel(
        "samverkan/wind_down/cases_panel.html", {"cases_table": table_page(request, table)}
    )


@register_panel(WIND_DOWN, order=20)
def later_meetings_panel(request, forum):
    if not _winding_down(request, forum):
        return None
    table = table_page(request, WindDownMeetingTable(later_meetings(forum)))
    return Panel(
        "samverkan/wind_down/meetings_panel.html",
        {
            "meetings_table": table,
            "has_later_meetings": bool(table.page.object_list),
            "cancel_all_form": MeetingCancelForm(forum=forum),
        },
    )
