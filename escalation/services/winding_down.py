"""The cases of a forum that is wound down (R1).

When the secretariat winds a forum down, each case still open there is moved to the forum it
escalates to, closed with a reason, or kept at the forum until a day (to be finished there).
Every choice is one case event, with who, when and why, like every other step of a case.

Only the structure's secretariat decides (it is the one that winds the forum down), and
only for a forum that has a wind-down day: these services are not a way around the
ordinary steps of a forum that goes on.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forums.permissions import can_manage_structure
from kernel.errors import DomainError, InvalidTransition
from kernel.history import save_with_history

from ..models import CaseEvent
from ._core import (
    Kind,
    Status,
    apply_transition,
    lock_case,
    notify_after_commit,
    refuse_wound_down_target,
    required_text,
    sync_instance,
)

# What "closing" an unfinished case means: struck off without a decision (R14: removed);
# a decided case, or one whose feedback has come back, is closed.
UNDECIDED = (Status.OPEN, Status.IN_PREPARATION, Status.SCHEDULED, Status.REFERRED_BACK)


def _require_secretariat(actor, case):
    if not (actor.is_authenticated and can_manage_structure(actor, case.current_forum.structure)):
        raise PermissionDenied


def _winding_down(locked):
    """The locked case's forum, which must have a wind-down day."""
    forum = locked.current_forum
    if forum.active_to is None:
        raise DomainError(
            _(
                "%(forum)s is not being wound down: its cases follow the ordinary steps. "
                "Give the forum a wind-down day first."
            )
            % {"forum": forum}
        )
    if locked.is_final:
        raise InvalidTransition(
            _("The case is already “%(status)s”: nothing more is done with it.")
            % {"status": locked.get_status_display()}
        )
    return forum


def can_move_on_wind_down(case):
    """The case can go on at the forum one tier up (the table of transitions allows it)."""
    return case.current_forum.escalates_to_id is not None and case.can_become(Status.ESCALATED)


def can_close_on_wind_down(case):
    """Struck off if undecided; closed if decided here or its feedback has come back."""
    if case.status in UNDECIDED or case.status == Status.FEEDBACK_GIVEN:
        return True
    return case.status == Status.DECIDED and not case.is_escalated


@transaction.atomic
def case_move_on_wind_down(*, actor, case, reason, expected_version=None):
    """Move a case of a wound-down forum to the forum it escalates to, open there."""
    _require_secretariat(actor, case)
    reason = required_text(reason, "reason", _("Say why the case is moved."))
    locked = lock_case(case, expected_version)
    forum = _winding_down(locked)
    target = forum.escalates_to
    if target is None:
        raise InvalidTransition(
            _("%(forum)s escalates to no forum: close the case or keep it until a day.")
            % {"forum": forum}
        )
    if not locked.can_become(Status.ESCALATED):
        raise InvalidTransition(
            _(
                "A case that is “%(status)s” cannot be moved to another forum: close it or "
                "keep it until a day."
            )
            % {"status": locked.get_status_display()}
        )
    refuse_wound_down_target(target)
    return apply_transition(
        case,
        locked,
        actor=actor,
        kind=Kind.ESCALATED,
        to_status=Status.OPEN,  # open again at the forum one tier up, as after an escalation
        to_forum=target,
        reason=reason,
        prepared_by=None,
    )


@transaction.atomic
def case_close_on_wind_down(*, actor, case, reason, expected_version=None):
    """Close a case of a wound-down forum, with the reason: an undecided case is removed
    (no decision), a decided one, or one whose feedback has come back, is closed."""
    _require_secretariat(actor, case)
    reason = required_text(reason, "reason", _("Say why the case is closed."))
    locked = lock_case(case, expected_version)
    _winding_down(locked)
    if locked.status in UNDECIDED:
        kind, status = Kind.REMOVED, Status.REMOVED
    elif can_close_on_wind_down(locked):
        kind, status = Kind.CLOSED, Status.CLOSED
    else:
        raise InvalidTransition(
            _(
                "The case was decided at this forum after it was escalated: give feedback to "
                "the forum where it was raised, or keep it until a day."
            )
        )
    return apply_transition(case, locked, actor=actor, kind=kind, to_status=status, reason=reason)


@transaction.atomic
def case_keep_until(*, actor, case, until, reason="", expected_version=None):
    """Keep a case at its wound-down forum until a day, to be finished there; after that day
    the wind-down page asks again what happens to it."""
    _require_secretariat(actor, case)
    if until is None:
        raise ValidationError({"until": [_("Give the day until which the case is kept.")]})
    if until < timezone.localdate():
        raise ValidationError({"until": [_("The day cannot be in the past.")]})
    locked = lock_case(case, expected_version)
    forum = _winding_down(locked)
    now = timezone.now()
    kept = _("Kept at %(forum)s until %(day)s.") % {
        "forum": forum,
        "day": date_format(until, "DATE_FORMAT"),
    }
    note = (reason or "").strip()
    locked.kept_until = until
    locked.version += 1
    event = CaseEvent(
        case=locked,
        kind=Kind.KEPT,
        actor=actor,
        from_forum=forum,
        to_forum=forum,
        from_status=locked.status,
        to_status=locked.status,
        reason=f"{kept} {note}".strip(),
        at=now,
    )
    save_with_history(event, actor=actor, reason=Kind.KEPT)
    save_with_history(locked, actor=actor, reason=f"event:{event.pk}")
    notify_after_commit(event)
    sync_instance(case, locked)
    return locked
