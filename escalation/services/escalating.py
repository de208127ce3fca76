"""Escalating a case one tier up (R2)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from forums.models import Forum
from kernel.errors import InvalidTransition

from ..permissions import can_escalate_case
from ._core import (
    Kind,
    Status,
    apply_transition,
    authorise,
    lock_case,
    refuse_wound_down_target,
    require_transition,
    required_text,
)


@transaction.atomic
def case_escalate(
    *,
    actor,
    case,
    reason,
    to_forum=None,
    expected_version=None,
    authorised_by_decision=None,
):
    """Move the case one tier up, to its current forum's escalation target (R2).

    Only the current forum's chair, vice chair or secretary (lead_forum) may do it, or a
    decision at one of its meetings (`authorised_by_decision`, from the meetings app). A
    reason is required. `to_forum`, when given, must be that target. The case keeps its
    origin and is open at the new forum, waiting for preparation there.
    """
    authorise(can_escalate_case(actor, case), authorised_by_decision, case, expected_version)
    reason = required_text(reason, "reason", _("Say why the case is escalated."))
    locked = lock_case(case, expected_version, decision=authorised_by_decision, outcome="escalated")
    forum = locked.current_forum
    target = forum.escalates_to
    if forum.tier == Forum.Tier.STRATEGIC:
        raise InvalidTransition(
            _(
                "%(forum)s is on the strategic level, the top tier: there is no forum above "
                "it to escalate to. The case is decided there, referred back or removed."
            )
            % {"forum": forum}
        )
    if target is None:
        raise InvalidTransition(
            _(
                "%(forum)s has no forum to escalate to yet. Ask the secretariat to name one "
                "in the forum's settings."
            )
            % {"forum": forum}
        )
    if to_forum is not None and to_forum.pk != target.pk:
        raise ValidationError(
            {
                "to_forum": [
                    _("A case in %(forum)s can only be escalated to %(target)s.")
                    % {"forum": forum, "target": target}
                ]
            }
        )
    require_transition(locked, Status.ESCALATED)
    refuse_wound_down_target(target)
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.ESCALATED,
        to_status=Status.OPEN,  # escalated: open again at the forum one tier up
        to_forum=target,
        reason=reason,
        by_decision=authorised_by_decision,
        prepared_by=None,
    )
