"""What the meeting services share: the permission check, locking the meeting, its transitions,
the lock approved minutes put on what they record, notices and released cases."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from escalation import services as escalation
from escalation.models import Case
from kernel.errors import DomainError

from ..models import Decision, Meeting, Minutes
from ..permissions import can_run_meetings


def require_run(actor, forum):
    if not can_run_meetings(actor, forum):
        raise PermissionDenied


def lock_meeting(meeting):
    return Meeting.objects.select_for_update().select_related("forum__structure").get(pk=meeting.pk)


def _refusals():
    """Why a status change outside Meeting.TRANSITIONS is refused, and what to do instead."""
    S = Meeting.Status
    held = _("The meeting has been held: its record is kept; write the minutes.")
    cancelled = _(
        "The meeting is cancelled and stays cancelled: plan a new meeting if it is to take place."
    )
    return {
        (S.PLANNED, S.HELD): _(
            "The notice has not been sent: send the notice first, then mark the meeting held "
            "once it has started."
        ),
        (S.CONVENED, S.CONVENED): _(
            "The notice has already been sent: change the meeting to send a changed notice."
        ),
        (S.HELD, S.HELD): _("The meeting is already marked as held."),
        (S.HELD, S.CONVENED): held,
        (S.HELD, S.CANCELLED): _(
            "A held meeting cannot be cancelled: correct its record in the minutes."
        ),
        (S.CANCELLED, S.CANCELLED): _(
            "The meeting is already cancelled. Plan a new meeting if it is to take place."
        ),
        (S.CANCELLED, S.CONVENED): cancelled,
        (S.CANCELLED, S.HELD): cancelled,
    }


def meeting_transition_refusal(meeting, status):
    """Why the model's TRANSITIONS table refuses this change (what to do instead), or None."""
    if meeting.can_become(status):
        return None
    current, target = Meeting.Status(meeting.status), Meeting.Status(status)
    return _refusals().get((current, target)) or _(
        "A meeting that is “%(status)s” cannot become “%(target)s”."
    ) % {"status": current.label, "target": target.label}


def check_meeting_transition(locked, status):
    """Refuse (InvalidTransition) a change the model's TRANSITIONS table does not allow."""
    locked.check_transition(status, meeting_transition_refusal(locked, status))


def _local_day(value):
    try:
        return timezone.localdate(value)
    except (OverflowError, ValueError):  # at the edges of the calendar
        return value.date()


def validate_within_active_period(forum, starts_at, ends_at):
    """A meeting takes place while its forum is active (from active_from to active_to)."""
    if not starts_at or not ends_at:
        return
    if forum.active_from and _local_day(starts_at) < forum.active_from:
        raise ValidationError(
            {
                "starts_at": [
                    _("%(forum)s is active from %(date)s: choose a time on or after that day.")
                    % {"forum": forum, "date": f"{forum.active_from:%Y-%m-%d}"}
                ]
            }
        )
    if forum.active_to and _local_day(ends_at) > forum.active_to:
        raise ValidationError(
            {
                "ends_at": [
                    _(
                        "%(forum)s is wound down on %(date)s: the meeting must end on or "
                        "before that day."
                    )
                    % {"forum": forum, "date": f"{forum.active_to:%Y-%m-%d}"}
                ]
            }
        )


def refuse_if_minutes_approved(meeting):
    """Once the main minutes are approved (and sealed), what they record cannot change: the
    meeting, its agenda, attendance and decisions. Every meeting, agenda, attendance and
    decision service calls this after locking the meeting; the database triggers of
    migration meetings 0007 refuse the same writes from any other path."""
    main = Minutes.objects.select_for_update().filter(meeting=meeting, amends__isnull=True).first()
    if main is not None and main.is_locked:
        raise DomainError(
            _(
                "The minutes of this meeting are approved and sealed: the meeting, its agenda, "
                "attendance and decisions cannot change. Write an addendum to the minutes "
                "instead."
            )
        )


def send_notice(meeting, kind):
    from ..tasks import meeting_notice_send

    meeting_notice_send.delay_on_commit(meeting.pk, kind)


def validate_times(starts_at, ends_at):
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The meeting must end after it starts.")]})


def release_case(actor, item, note):
    """A scheduled case taken off an agenda goes back to preparation."""
    case = item.case
    if case is not None and case.status == Case.Status.SCHEDULED:
        if not Decision.objects.filter(agenda_item=item).exists():
            escalation.case_start_preparation(actor=actor, case=case, note=note)
