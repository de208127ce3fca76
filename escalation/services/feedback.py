"""Feedback on an escalated case: given at the forum that decided, acknowledged at the origin."""

from django.db import transaction
from django.utils.translation import gettext as _

from kernel.errors import InvalidTransition

from ..permissions import can_handle_case
from ._core import (
    Kind,
    Status,
    apply_transition,
    authorise,
    lock_case,
    require_transition,
    required_text,
)


@transaction.atomic
def case_give_feedback(
    *, actor, case, feedback, expected_version=None, authorised_by_decision=None
):
    """Decided at a higher forum -> feedback given: the outcome goes back down the path.

    Every forum on the path hears of it (its leaders and the followers are notified) and the
    case returns to the forum where it was raised, which acknowledges the feedback.
    """
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    feedback = required_text(feedback, "feedback", _("Write the feedback."))
    locked = lock_case(case, expected_version, decision=authorised_by_decision)
    require_transition(locked, Status.FEEDBACK_GIVEN)
    if not locked.is_escalated:
        raise InvalidTransition(
            _("Only an escalated case gets feedback: this one is decided where it was raised.")
        )
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.FEEDBACK_GIVEN,
        to_status=Status.FEEDBACK_GIVEN,
        to_forum=locked.origin_forum,
        reason=feedback,
        by_decision=authorised_by_decision,
        feedback=feedback,
    )


@transaction.atomic
def case_acknowledge_feedback(
    *, actor, case, note="", expected_version=None, authorised_by_decision=None
):
    """Feedback given -> closed: the forum where the case was raised acknowledges it."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    locked = lock_case(case, expected_version, decision=authorised_by_decision)
    require_transition(locked, Status.CLOSED)
    if locked.status != Status.FEEDBACK_GIVEN:
        raise InvalidTransition(_("Only feedback that has been given can be acknowledged."))
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.FEEDBACK_ACKNOWLEDGED,
        to_status=Status.CLOSED,
        reason=(note or "").strip(),
        by_decision=authorised_by_decision,
    )
