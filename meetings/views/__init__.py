"""Meeting pages: a forum's meetings, one meeting (agenda, attendance, decisions), minutes and
their approval, the PDF of approved minutes, and calendar feeds.

Views are thin: objects come through scoped selectors (one the user may not see is a 404, one
they see but may not run a 403), input through forms, every change through a service by
`kernel.views.form_submit` / `action_submit`. One module per topic.
"""

from .agenda import (
    action_item_add,
    action_item_done,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    attendance_edit,
    decision_record,
)
from .calendar import calendar_feed, calendar_feeds
from .meetings import (
    forum_meetings,
    meeting_action,
    meeting_cancel,
    meeting_create,
    meeting_detail,
    meeting_edit,
    meeting_ics_download,
    my_meetings,
)
from .minutes import minutes_action, minutes_create, minutes_detail, minutes_edit, minutes_pdf
from .verify import minutes_verify

__all__ = [
    "action_item_add",
    "action_item_done",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_remove",
    "attendance_edit",
    "calendar_feed",
    "calendar_feeds",
    "decision_record",
    "forum_meetings",
    "meeting_action",
    "meeting_cancel",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_ics_download",
    "minutes_action",
    "minutes_create",
    "minutes_detail",
    "minutes_edit",
    "minutes_pdf",
    "minutes_verify",
    "my_meetings",
]
