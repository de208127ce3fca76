"""Every write to cases: raising, moving them through their lifecycle, escalating, following.

A transition service is `@transaction.atomic` and:
1. tells a caller who saw an older version that the case changed meanwhile, then checks
   the actor's permission (PermissionDenied), unless a decision taken at a
   meeting authorises the step (`authorised_by_decision`, passed by the meetings app);
2. validates its input (ValidationError naming the field);
3. locks the case (select_for_update) and compares its version with the version the caller
   saw (CaseChangedMeanwhile: "the case changed meanwhile"), so that two people acting on
   the same case at the same moment give exactly one transition;
4. checks the model's table of allowed transitions (InvalidTransition);
5. saves through `save_with_history` (one history row, with the acting user), writes one
   CaseEvent (who, when, from which forum to which, from and to which status, why);
6. notifies the followers after the commit (`escalation.tasks.case_event_notify`).

Callers pass the case as they saw it. The version they saw is taken from that instance
unless `expected_version` says otherwise (a page posts the version it showed). The service
returns the updated case and brings the caller's instance up to date as well.
"""

from ._core import refuse_if_changed as case_refuse_if_changed
from .attachments import case_attachment_add
from .escalating import case_escalate
from .feedback import case_acknowledge_feedback, case_give_feedback
from .follows import case_follow, case_unfollow
from .raising import case_raise
from .steps import (
    case_close,
    case_decide,
    case_refer_back,
    case_remove,
    case_schedule,
    case_start_preparation,
)
from .winding_down import case_close_on_wind_down, case_keep_until, case_move_on_wind_down

__all__ = [
    "case_acknowledge_feedback",
    "case_attachment_add",
    "case_close",
    "case_close_on_wind_down",
    "case_decide",
    "case_escalate",
    "case_follow",
    "case_give_feedback",
    "case_keep_until",
    "case_move_on_wind_down",
    "case_raise",
    "case_refer_back",
    "case_refuse_if_changed",
    "case_remove",
    "case_schedule",
    "case_start_preparation",
    "case_unfollow",
]
