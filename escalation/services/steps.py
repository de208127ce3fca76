"""The steps at a forum: preparing, scheduling, deciding, referring back, removing, closing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kernel.errors import InvalidTransition

from ..permissions import can_handle_case, can_prepare_case
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
def case_start_preparation(
    *,
    actor,
    case,
    prepared_by=None,
    note="",
    expected_version=None,
    authorised_by_decision=None,
):
    """Open, referred back or taken off an agenda -> in preparation, by whom (R13)."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    prepared_by = prepared_by or actor
    locked = lock_case(case, expected_version, decision=authorised_by_decision)
    require_transition(locked, Status.IN_PREPARATION)
    if not can_prepare_case(prepared_by, locked.current_forum):
        raise ValidationError(
            {
                "prepared_by": [
                    _(
                        "%(person)s cannot prepare cases in %(forum)s: the chair, vice chair, "
                        "secretary or the secretariat prepare them."
                    )
                    % {"person": prepared_by, "forum": locked.current_forum}
                ]
            }
        )
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.STATUS_CHANGED,
        to_status=Status.IN_PREPARATION,
        reason=(note or "").strip(),
        by_decision=authorised_by_decision,
        prepared_by=prepared_by,
    )


@transaction.atomic
def case_schedule(*, actor, case, note="", expected_version=None, authorised_by_decision=None):
    """In preparation -> scheduled: the case is put on the agenda of a meeting."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    locked = lock_case(case, expected_version, decision=authorised_by_decision)
    require_transition(locked, Status.SCHEDULED)
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.SCHEDULED,
        to_status=Status.SCHEDULED,
        reason=(note or "").strip(),
        by_decision=authorised_by_decision,
    )


@transaction.atomic
def case_decide(*, actor, case, outcome, expected_version=None, authorised_by_decision=None):
    """Scheduled -> decided, with the decision (a joint position in a partnership, R14)."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    outcome = required_text(outcome, "outcome", _("Write what was decided."))
    locked = lock_case(case, expected_version, decision=authorised_by_decision, outcome="decided")
    require_transition(locked, Status.DECIDED)
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.DECIDED,
        to_status=Status.DECIDED,
        reason=outcome,
        by_decision=authorised_by_decision,
        outcome=outcome,
    )


@transaction.atomic
def case_refer_back(*, actor, case, reason, expected_version=None, authorised_by_decision=None):
    """Scheduled -> referred back: no consensus, so it is prepared again (R14)."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    reason = required_text(reason, "reason", _("Say why the case is referred back."))
    locked = lock_case(
        case, expected_version, decision=authorised_by_decision, outcome="referred_back"
    )
    require_transition(locked, Status.REFERRED_BACK)
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.REFERRED_BACK,
        to_status=Status.REFERRED_BACK,
        reason=reason,
        by_decision=authorised_by_decision,
    )


@transaction.atomic
def case_remove(*, actor, case, reason, expected_version=None, authorised_by_decision=None):
    """Struck off with no decision (R14): the case ends here."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    reason = required_text(reason, "reason", _("Say why the case is removed."))
    locked = lock_case(case, expected_version, decision=authorised_by_decision, outcome="removed")
    require_transition(locked, Status.REMOVED)
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.REMOVED,
        to_status=Status.REMOVED,
        reason=reason,
        by_decision=authorised_by_decision,
    )


@transaction.atomic
def case_close(*, actor, case, note="", expected_version=None, authorised_by_decision=None):
    """Decided where it was raised -> closed. An escalated case closes through feedback."""
    authorise(can_handle_case(actor, case), authorised_by_decision, case, expected_version)
    locked = lock_case(case, expected_version, decision=authorised_by_decision)
    require_transition(locked, Status.CLOSED)
    if locked.status != Status.DECIDED:
        raise InvalidTransition(_("A case with feedback is closed by acknowledging the feedback."))
    if locked.is_escalated:
        raise InvalidTransition(
            _(
                "An escalated case is closed when the forum where it was raised acknowledges "
                "the feedback: give feedback first."
            )
        )
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.CLOSED,
        to_status=Status.CLOSED,
        reason=(note or "").strip(),
        by_decision=authorised_by_decision,
    )
