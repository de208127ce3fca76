"""Every write to meetings: planning, agenda, notices, attendance, decisions, minutes (R12-R15).

Each service is `@transaction.atomic`, checks the actor's permission first, locks the row it
changes (the meeting, or the minutes) with select_for_update, validates against the models'
TRANSITIONS, saves through `save_with_history` and starts e-mails and notifications only
after the commit. A decision taken at a meeting moves its case through the escalation
services with `authorised_by_decision`, so the case's followers hear of it.

Minutes are locked once approved: every write to minutes (and to what they record:
attendance and decisions) locks the minutes row first and refuses approved minutes.

One module per topic (as Zulip's `zerver/actions/`); `from meetings import services` sees
them all.
"""

from .action_items import action_item_complete, action_item_create, action_item_remind
from .agenda import agenda_item_add, agenda_item_move, agenda_item_remove
from .attendance import attendance_record, attendance_record_all
from .calendar import calendar_token_revoke, calendar_token_rotate
from .common import meeting_transition_refusal
from .decisions import CONSENSUS_OUTCOMES, decision_record
from .meetings import (
    meeting_cancel,
    meeting_convene,
    meeting_mark_held,
    meeting_plan,
    meeting_update,
)
from .minutes import (
    APPROVAL_REMINDER_AFTER,
    minutes_approval_remind,
    minutes_approve,
    minutes_draft,
    minutes_first_draft,
    minutes_return_to_draft,
    minutes_submit,
    minutes_update,
)

__all__ = [
    "APPROVAL_REMINDER_AFTER",
    "CONSENSUS_OUTCOMES",
    "action_item_complete",
    "action_item_create",
    "action_item_remind",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_remove",
    "attendance_record",
    "attendance_record_all",
    "calendar_token_revoke",
    "calendar_token_rotate",
    "decision_record",
    "meeting_cancel",
    "meeting_convene",
    "meeting_mark_held",
    "meeting_plan",
    "meeting_transition_refusal",
    "meeting_update",
    "minutes_approval_remind",
    "minutes_approve",
    "minutes_draft",
    "minutes_first_draft",
    "minutes_return_to_draft",
    "minutes_submit",
    "minutes_update",
]
