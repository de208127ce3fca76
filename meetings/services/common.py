"""What the meeting services share: the permission check, locking the meeting, its transitions,
the lock approved minutes put on what they record, notices and released cases."""

from django.core.exceptions import PermissionDenied, ValidationError
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


def check_meeting_transition(locked, status):
    locked.check_transition(
        status,
        _("A meeting that is “%(status)s” cannot become “%(target)s”.")
        % {"status": locked.get_status_display(), "target": Meeting.Status(status).label},
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
