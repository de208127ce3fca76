"""Every write to cases: raising, moving them through their lifecycle, escalating, following.

A transition service is `@transaction.atomic` and:
1. checks the actor's permission first (PermissionDenied), unless a decision taken at a
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

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.models import Forum
from kernel.errors import DomainError, InvalidTransition
from kernel.history import save_with_history

from .errors import CaseChangedMeanwhile
from .models import Case, CaseAttachment, CaseEvent, CaseReferenceCounter, Follow
from .permissions import (
    can_add_attachment,
    can_escalate_case,
    can_handle_case,
    can_prepare_case,
    can_raise_case_in,
    can_view_case,
)
from .uploads import attachment_check

Status = Case.Status
Kind = CaseEvent.Kind


# --- Helpers ---------------------------------------------------------------------------------


def _authorise(allowed, authorised_by_decision):
    """A decision taken at a meeting (the meetings app passes it) authorises on its own."""
    if authorised_by_decision:
        return
    if not allowed:
        raise PermissionDenied


def _required_text(value, field, message):
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: [message]})
    return text


def _changed_meanwhile(locked):
    return CaseChangedMeanwhile(
        _(
            "The case changed meanwhile: it is now “%(status)s” at %(forum)s. "
            "Look at it again before you go on."
        )
        % {"status": locked.get_status_display(), "forum": locked.current_forum}
    )


def _lock(case, expected_version):
    """Lock the case row and make sure it is still the version the caller saw."""
    expected = case.version if expected_version is None else int(expected_version)
    # No joins in the locking query: PostgreSQL re-checks a row that another transaction
    # changed against the joined rows it read before, and would lose a case whose forum
    # changed meanwhile. The forums are read after the lock instead.
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.version != expected:
        raise _changed_meanwhile(locked)
    return locked


def _require_transition(locked, status):
    if not locked.can_become(status):
        raise InvalidTransition(
            _("A case that is “%(status)s” cannot become “%(target)s”.")
            % {"status": locked.get_status_display(), "target": Status(status).label}
        )


def _sync(case, locked):
    """Bring the caller's instance up to date with what was saved."""
    if case is locked:
        return
    for field in Case._meta.concrete_fields:
        setattr(case, field.attname, getattr(locked, field.attname))
    case._state.fields_cache = dict(locked._state.fields_cache)


def _notify_after_commit(event):
    from .tasks import case_event_notify

    case_event_notify.delay_on_commit(event.pk)


def _apply(
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
        _notify_after_commit(event)
    _sync(case, locked)
    return locked


# --- References ------------------------------------------------------------------------------


def _reference(prefix, year, number):
    return f"{prefix}-{year}-{number:04d}"


def _highest_existing_number(prefix, year):
    """The highest number already used for prefix and year (cases made outside the counter)."""
    start = f"{prefix}-{year}-"
    references = Case.objects.filter(reference__startswith=start).values_list(
        "reference", flat=True
    )
    numbers = [int(ref[len(start) :]) for ref in references if ref[len(start) :].isdigit()]
    return max(numbers, default=0)


def _next_reference(*, actor, prefix, year):
    """The next free reference, e.g. SAM-2026-0042, safe under concurrent raising.

    The (prefix, year) counter row is locked until the raise commits; the first raise of a
    year creates the row (a concurrent creator loses the unique constraint and locks the
    winner's row instead) starting after the highest number already in use.
    """
    counter = CaseReferenceCounter.objects.select_for_update().filter(prefix=prefix, year=year)
    row = counter.first()
    if row is None:
        number = _highest_existing_number(prefix, year) + 1
        try:
            with transaction.atomic():
                row = CaseReferenceCounter(prefix=prefix, year=year, last_number=number)
                save_with_history(row, actor=actor, reason="first case of the year")
            return _reference(prefix, year, number)
        except IntegrityError:
            row = counter.get()
    number = row.last_number + 1
    while Case.objects.filter(reference=_reference(prefix, year, number)).exists():
        number += 1  # taken outside the counter (e.g. imported); skip it
    row.last_number = number
    save_with_history(row, actor=actor, reason="case raised", update_fields=["last_number"])
    return _reference(prefix, year, number)


# --- Raising, attachments, following ---------------------------------------------------------


def _check_uploads(uploads):
    checked, messages = [], []
    for upload in uploads:
        try:
            checked.append((upload, *attachment_check(upload)))
        except ValidationError as error:
            messages.extend(f"{upload.name}: {message}" for message in error.messages)
    return checked, messages


def _attach(case, *, actor, upload, name, content_type):
    attachment = CaseAttachment(
        case=case, name=name, content_type=content_type, size=upload.size, uploaded_by=actor
    )
    attachment.file.save(name, upload, save=False)
    return save_with_history(attachment, actor=actor, reason="attached")


def _follow(actor, case):
    existing = Follow.objects.filter(user=actor, case=case).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return save_with_history(Follow(user=actor, case=case), actor=actor, reason="followed")
    except IntegrityError:  # followed at the same moment in another request
        return Follow.objects.get(user=actor, case=case)


@transaction.atomic
def case_raise(
    *,
    actor,
    forum,
    title,
    description="",
    organisation=None,
    priority=Case.Priority.NORMAL,
    wished_date=None,
    attachments=(),
):
    """Raise a case in a forum the actor sits in (raise_case). The raiser follows it."""
    if not can_raise_case_in(actor, forum):
        raise PermissionDenied
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Give the case a title.")]
    if priority not in Case.Priority.values:
        errors["priority"] = [_("Choose a priority.")]
    today = timezone.localdate()
    if wished_date is not None and wished_date < today:
        errors["wished_date"] = [_("The wished-for date cannot be in the past.")]
    checked, messages = _check_uploads(attachments)
    if messages:
        errors["attachments"] = messages
    if errors:
        raise ValidationError(errors)
    if not forum.is_active_on(today):
        raise DomainError(_("%(forum)s is wound down and takes no new cases.") % {"forum": forum})
    now = timezone.now()
    case = Case(
        reference=_next_reference(
            actor=actor, prefix=forum.structure.case_reference_prefix, year=today.year
        ),
        title=title,
        description=(description or "").strip(),
        origin_forum=forum,
        current_forum=forum,
        organisation=organisation if organisation is not None else actor.organisation,
        raised_by=actor,
        priority=priority,
        wished_date=wished_date,
        status=Status.OPEN,
        created_at=now,
        status_changed_at=now,
    )
    save_with_history(case, actor=actor, reason="raised")
    event = CaseEvent(
        case=case, kind=Kind.RAISED, actor=actor, to_forum=forum, to_status=Status.OPEN, at=now
    )
    save_with_history(event, actor=actor, reason=Kind.RAISED)
    _follow(actor, case)
    for upload, name, content_type in checked:
        _attach(case, actor=actor, upload=upload, name=name, content_type=content_type)
    _notify_after_commit(event)
    return case


@transaction.atomic
def case_attachment_add(*, actor, case, upload):
    """Attach a checked file to a case that is not finished; recorded as a case event."""
    if not can_add_attachment(actor, case):
        raise PermissionDenied
    try:
        name, content_type = attachment_check(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.is_final:
        raise DomainError(_("A closed or removed case takes no more attachments."))
    attachment = _attach(locked, actor=actor, upload=upload, name=name, content_type=content_type)
    event = CaseEvent(
        case=locked,
        kind=Kind.ATTACHMENT_ADDED,
        actor=actor,
        from_forum=locked.current_forum,
        to_forum=locked.current_forum,
        from_status=locked.status,
        to_status=locked.status,
        reason=name,
        at=timezone.now(),
    )
    save_with_history(event, actor=actor, reason=Kind.ATTACHMENT_ADDED)
    return attachment


@transaction.atomic
def case_follow(*, actor, case):
    """Follow a case the actor may see; following twice changes nothing."""
    if not can_view_case(actor, case):
        raise PermissionDenied
    return _follow(actor, case)


@transaction.atomic
def case_unfollow(*, actor, case):
    """Stop following a case (a no-op for someone not following it)."""
    follow = Follow.objects.select_for_update().filter(user=actor, case=case).first()
    if follow is None:
        return None
    follow._history_user = actor
    follow._change_reason = "unfollowed"
    follow.delete()
    return follow


# --- The lifecycle ---------------------------------------------------------------------------


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
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    prepared_by = prepared_by or actor
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.IN_PREPARATION)
    if not can_prepare_case(prepared_by, locked.current_forum):
        raise ValidationError(
            {
                "prepared_by": [
                    _(
                        "%(person)s cannot prepare cases in %(forum)s: the chair, vice chair, "
                        "secretary or the secretariat prepare them (R13)."
                    )
                    % {"person": prepared_by, "forum": locked.current_forum}
                ]
            }
        )
    return _apply(
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
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.SCHEDULED)
    return _apply(
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
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    outcome = _required_text(outcome, "outcome", _("Write what was decided."))
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.DECIDED)
    return _apply(
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
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    reason = _required_text(reason, "reason", _("Say why the case is referred back."))
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.REFERRED_BACK)
    return _apply(
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
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    reason = _required_text(reason, "reason", _("Say why the case is removed."))
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.REMOVED)
    return _apply(
        case,
        locked,
        actor=actor,
        kind=Kind.REMOVED,
        to_status=Status.REMOVED,
        reason=reason,
        by_decision=authorised_by_decision,
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
    _authorise(can_escalate_case(actor, case), authorised_by_decision)
    reason = _required_text(reason, "reason", _("Say why the case is escalated."))
    locked = _lock(case, expected_version)
    forum = locked.current_forum
    target = forum.escalates_to
    if forum.tier == Forum.Tier.STRATEGIC:
        raise InvalidTransition(
            _("%(forum)s is on the strategic tier: a case there cannot be escalated.")
            % {"forum": forum}
        )
    if target is None:
        raise InvalidTransition(
            _("%(forum)s has no forum to escalate to. The secretariat names one.")
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
    _require_transition(locked, Status.ESCALATED)
    if not target.is_active_on(timezone.localdate()):
        raise DomainError(
            _("%(target)s is wound down and takes no escalated cases.") % {"target": target}
        )
    return _apply(
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


@transaction.atomic
def case_give_feedback(
    *, actor, case, feedback, expected_version=None, authorised_by_decision=None
):
    """Decided at a higher forum -> feedback given: the outcome goes back down the path.

    Every forum on the path hears of it (its leaders and the followers are notified) and the
    case returns to the forum where it was raised, which acknowledges the feedback.
    """
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    feedback = _required_text(feedback, "feedback", _("Write the feedback."))
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.FEEDBACK_GIVEN)
    if not locked.is_escalated:
        raise InvalidTransition(
            _("Only an escalated case gets feedback: this one is decided where it was raised.")
        )
    return _apply(
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
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.CLOSED)
    if locked.status != Status.FEEDBACK_GIVEN:
        raise InvalidTransition(_("Only feedback that has been given can be acknowledged."))
    return _apply(
        case,
        locked,
        actor=actor,
        kind=Kind.FEEDBACK_ACKNOWLEDGED,
        to_status=Status.CLOSED,
        reason=(note or "").strip(),
        by_decision=authorised_by_decision,
    )


@transaction.atomic
def case_close(*, actor, case, note="", expected_version=None, authorised_by_decision=None):
    """Decided where it was raised -> closed. An escalated case closes through feedback."""
    _authorise(can_handle_case(actor, case), authorised_by_decision)
    locked = _lock(case, expected_version)
    _require_transition(locked, Status.CLOSED)
    if locked.status != Status.DECIDED:
        raise InvalidTransition(_("A case with feedback is closed by acknowledging the feedback."))
    if locked.is_escalated:
        raise InvalidTransition(
            _(
                "An escalated case is closed when the forum where it was raised acknowledges "
                "the feedback: give feedback first."
            )
        )
    return _apply(
        case,
        locked,
        actor=actor,
        kind=Kind.CLOSED,
        to_status=Status.CLOSED,
        reason=(note or "").strip(),
        by_decision=authorised_by_decision,
    )
