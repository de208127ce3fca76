"""Every write of the yearly cycle, one module per topic."""

from .agenda import document_put_on_agenda
from .direction import (
    DIRECTION_DOCUMENT_FIELDS,
    DIRECTION_VERSION_FIELDS,
    direction_current_version,
    direction_document_create,
    direction_document_update,
    direction_forum_check,
    direction_review_remind,
    direction_version_draft,
    direction_version_put_on_agenda,
    direction_version_update,
)
from .plans import (
    action_plan_create,
    action_plan_put_on_agenda,
    action_plan_update,
    activity_add,
    activity_follow_up,
    activity_remove,
    activity_update,
)
from .priorities import (
    priority_area_add,
    priority_area_links_set,
    priority_area_move,
    priority_area_remove,
    priority_area_update,
    priority_set_create,
    priority_set_put_on_agenda,
    priority_set_update,
)
from .reports import annual_report_create, annual_report_mark_sent, annual_report_text_set

__all__ = [
    "DIRECTION_DOCUMENT_FIELDS",
    "DIRECTION_VERSION_FIELDS",
    "action_plan_create",
    "action_plan_put_on_agenda",
    "action_plan_update",
    "activity_add",
    "activity_follow_up",
    "activity_remove",
    "activity_update",
    "annual_report_create",
    "annual_report_mark_sent",
    "annual_report_text_set",
    "direction_current_version",
    "direction_document_create",
    "direction_document_update",
    "direction_forum_check",
    "direction_review_remind",
    "direction_version_draft",
    "direction_version_put_on_agenda",
    "direction_version_update",
    "document_put_on_agenda",
    "priority_area_add",
    "priority_area_links_set",
    "priority_area_move",
    "priority_area_remove",
    "priority_area_update",
    "priority_set_create",
    "priority_set_put_on_agenda",
    "priority_set_update",
]
