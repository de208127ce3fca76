"""What every transition service shares: permission, input, the lock, one event, notify."""

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..errors import CaseChangedMeanwhile
from ..models import Case, CaseEvent

Status = Case.Status
Kind = CaseEvent.Kind


def authorise(allowed, authorised_by_decision, case=None, expected_version=None):
    """A decision taken at a meeting (the meetings app passes it) stands in for the actor's
    permission; `lock_case` then checks that the decision really is one for this step.

    A page that showed an older version of the case is told that the case changed
    meanwhile before it is told anything about permissions: the second of two people may no
    longer lead the forum the first moved the case to, and "forbidden" would hide why.
    """
    if case is not None:
        refuse_if_changed(case, expected_version)
    if authorised_by_decision:
        return
    if not allowed:
        raise PermissionDenied


def _decision_fits(decision, locked, outcome):
    """True if `decision` is a saved meeting decision of this very case, taken at a meeting
    of the forum where the case is now, with the outcome of this step.

    The decision model is named by its label: the meetings app sits above this one.
    """
    model = apps.get_model("meetings", "Decision")
    if outcome is None or not isinstance(decision, model) or decision.pk is None:
        return False
    row = (
        model._default_manager.filter(pk=decision.pk)
        .values("outcome", "agenda_item__case_id", "agenda_item__meeting__forum_id")
        .first()
    )
    return (
        row is not None
        and row["outcome"] == outcome
        and row["agenda_item__case_id"] == locked.pk
        and row["agenda_item__meeting__forum_id"] == locked.current_forum_id
    )


def require_decision_fits(locked, decision, outcome):
    """Refuse a step said to be authorised by a decision that does not authorise it."""
    if decision and not _decision_fits(decision, locked, outcome):
        raise DomainError(
            _(
                "This decision cannot move the case: a meeting decision moves only its own "
                "case, at the forum where the case is now, and only as it was decided. "
                "Reload the case and record the step from there."
            )
        )


def required_text(value, field, message):
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: [message]})
    return text


def changed_meanwhile(locked):
    return CaseChangedMeanwhile(
        _(
            "The case changed meanwhile: it is now “%(status)s” at %(forum)s. "
            "Nothing was saved. Look at the case as it is now and take the next step from "
            "there."
        )
        % {"status": locked.get_status_display(), "forum": locked.current_forum}
    )


def refuse_if_changed(case, expected_version):
    """CaseChangedMeanwhile if the caller saw another version than `case` (as read now)."""
    if expected_version is not None and int(expected_version) != case.version:
        raise changed_meanwhile(case)


def lock_case(case, expected_version, *, decision=None, outcome=None):
    """Lock the case row and make sure it is still the version the caller saw.

    A step authorised by a meeting `decision` is checked against the locked row: the
    decision's case and forum, and its outcome against the step's `outcome` (None for a
    step no decision takes).
    """
    expected = case.version if expected_version is None else int(expected_version)
    # No joins in the locking query: PostgreSQL re-checks a row that another transaction
    # changed against the joined rows it read before, and would lose a case whose forum
    # changed meanwhile. The forums are read after the lock instead.
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.version != expected:
        raise changed_meanwhile(locked)
    require_decision_fits(locked, decision, outcome)
    return locked


def require_transition(locked, status):
    """The model's table of allowed transitions decides (InvalidTransition otherwise)."""
    locked.check_transition(
        status,
        _("A case that is “%(status)s” cannot become “%(target)s”.")
        % {"status": locked.get_status_display(), "target": Status(status).label},
    )


def sync_instance(case, locked):
    """Bring the caller's instance up to date with what was saved."""
    if case is locked:
        return
    for field in Case._meta.concrete_fields:
        setattr(case, field.attname, getattr(locked, field.attname))
    case._state.fields_cache = dict(locked._state.fields_cache)


def notify_after_commit(event):
    from ..tasks import case_event_notify

    case_event_notify.delay_on_commit(event.pk)


def apply_transition(
    case,
    locked,
    *,
    actor,
    kind,
    to_status,
    reason="",
    to_forum=None,
    by_decision=False,
    notify=True,
    **fields,
):
    """Change the locked case's status (and forum), record one event, notify after commit."""
    now = timezone.now()
    from_status, from_forum = locked.status, locked.current_forum
    locked.status = to_status
    if to_forum is not None:
        locked.current_forum = to_forum
    for name, value in fields.items():
        setattr(locked, name, value)
    if locked.current_forum_id != from_forum.pk or not Case.TRANSITIONS[Status(to_status)]:
        locked.kept_until = None  # kept at a wound-down forum only while it is there, open
    locked.status_changed_at = now
    locked.version += 1
    event = CaseEvent(
        case=locked,
        kind=kind,
        actor=actor,
        from_forum=from_forum,
        to_forum=locked.current_forum,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        by_meeting_decision=bool(by_decision),
        at=now,
    )
    save_with_history(event, actor=actor, reason=kind)
    save_with_history(locked, actor=actor, reason=f"event:{event.pk}")
    if notify:
        notify_after_commit(event)
    sync_instance(case, locked)
    return locked


def refuse_wound_down_target(target):
    """A case moves only into a forum that is active today."""
    if not target.is_active_on(timezone.localdate()):
        raise DomainError(
            _(
                "%(target)s is wound down and takes no escalated cases. Ask the secretariat "
                "to name an active forum to escalate to."
            )
            % {"target": target}
        )
