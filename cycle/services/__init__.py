"""Every write of the yearly cycle, one module per topic."""

from .agenda import document_put_on_agenda
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

__all__ = [
    "action_plan_create",
    "action_plan_put_on_agenda",
    "action_plan_update",
    "activity_add",
    "activity_follow_up",
    "activity_remove",
    "activity_update",
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
