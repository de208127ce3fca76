"""Minutes: the generated draft, approval by the forum's rule (R15), the lock, addenda and
the approval reminders."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history
from kernel.models import Notification
from kernel.services import notification_create

from .. import approval, sealing
from ..models import Meeting, Minutes, MinutesApproval
from ..permissions import can_see_meetings
from ..selectors import attendance_summary
from .common import lock_meeting, require_run


def _lock_minutes(minutes):
    return Minutes.objects.select_for_update().get(pk=minutes.pk)


def _refuse_locked(locked):
    if locked.is_locked:
        raise DomainError(
            _(
                "Approved minutes are locked: a correction is made in an addendum "
                "with its own approval."
            )
        )


def minutes_first_draft(meeting):
    """The generated first draft: attendance, then each agenda item with its decision."""
    lines = [str(meeting), f"{timezone.localtime(meeting.starts_at):%Y-%m-%d %H:%M}", ""]
    # Attendance as the quorum counts it: the seats, then who else attended (apart).
    attendance = attendance_summary(meeting)
    if attendance.seats:
        lines.append(_("Attendance"))
        for row in attendance.seats:
            line = f"- {row.person}: {row.get_status_display()}"
            if row.stands_in_for:
                line += " " + _("(for %(member)s)") % {"member": row.stands_in_for}
            lines.append(line)
        lines.append("")
    if attendance.others or attendance.co_opted:
        lines.append(_("Also attending (not counted toward the quorum)"))
        for row in attendance.others:
            role = f" ({row.mandate.get_role_display().lower()})" if row.mandate else ""
            lines.append(f"- {row.person}{role}: {row.get_status_display()}")
        for person, items in attendance.co_opted:
            titles = ", ".join(item.title for item in items)
            lines.append(f"- {person}: " + _("co-opted for") + f" {titles}")
        lines.append("")
    lines.append(_("Agenda"))
    items = meeting.agenda_items.select_related("case", "decision").order_by("order", "id")
    for item in items:
        heading = f"{item.order}. {item.title}"
        if item.case:
            heading += f" ({item.case.reference})"
        lines.append(heading)
        decision = getattr(item, "decision", None)
        if decision is not None:
            text = f"   {decision.get_outcome_display()}"
            if decision.text:
                text += f": {decision.text}"
            if decision.is_joint_position:
                text += " " + _("(joint position; binds no party)")
            lines.append(text)
    return "\n".join(lines) + "\n"


@transaction.atomic
def minutes_draft(*, actor, meeting, amends=None, body=None):
    """The secretary drafts the minutes of a held meeting (generated first draft), or an
    addendum correcting approved minutes."""
    locked_meeting = lock_meeting(meeting)
    require_run(actor, locked_meeting.forum)
    if locked_meeting.status != Meeting.Status.HELD:
        raise DomainError(_("Minutes are written for a held meeting: mark it held first."))
    if amends is None:
        if Minutes.objects.filter(meeting=locked_meeting, amends__isnull=True).exists():
            raise DomainError(_("The meeting already has minutes."))
        text = minutes_first_draft(locked_meeting) if body is None else body
    else:
        amends = _lock_minutes(amends)
        if amends.meeting_id != locked_meeting.pk or not amends.is_locked:
            raise DomainError(_("An addendum corrects approved minutes of the same meeting."))
        text = body or ""
    minutes = Minutes(meeting=locked_meeting, amends=amends, body=text, author=actor)
    return save_with_history(minutes, actor=actor, reason="addendum" if amends else "drafted")


@transaction.atomic
def minutes_update(*, actor, minutes, body):
    locked = _lock_minutes(minutes)
    require_run(actor, minutes.meeting.forum)
    _refuse_locked(locked)
    if locked.status != Minutes.Status.DRAFT:
        raise DomainError(
            _("Minutes out for approval are changed after taking them back to draft.")
        )
    locked.body = body
    return save_with_history(locked, actor=actor, reason="edited")


def _notify_approvers(minutes, actor, *, reminder=False):
    state = approval.approval_state(minutes)
    stamp = int(minutes.submitted_at.timestamp()) if minutes.submitted_at else 0
    for person in approval.possible_approvers(minutes, state):
        if reminder:
            title = _("Reminder: minutes to approve – %(meeting)s") % {"meeting": minutes.meeting}
            key = f"minutes:{minutes.pk}:reminder:{stamp}"
        else:
            title = _("Minutes to approve – %(meeting)s") % {"meeting": minutes.meeting}
            key = f"minutes:{minutes.pk}:approve:{stamp}"
        notification_create(
            actor=actor,
            recipient=person,
            kind=Notification.Kind.MINUTES,
            title=title,
            body=_("Please read and approve the minutes: %(link)s")
            % {"link": minutes.get_absolute_url()},
            link=minutes.get_absolute_url(),
            dedup_key=key,
        )


@transaction.atomic
def minutes_submit(*, actor, minutes):
    """Draft -> in approval; those who can approve get an e-mail and an in-app task."""
    locked = _lock_minutes(minutes)
    require_run(actor, minutes.meeting.forum)
    _refuse_locked(locked)
    locked.check_transition(
        Minutes.Status.IN_APPROVAL, _("Only draft minutes are sent for approval.")
    )
    if not locked.body.strip():
        raise ValidationError({"body": [_("Write the minutes first.")]})
    locked.status = Minutes.Status.IN_APPROVAL
    locked.submitted_at = timezone.now()
    save_with_history(locked, actor=actor, reason="sent for approval")
    _notify_approvers(locked, actor)
    return locked


@transaction.atomic
def minutes_return_to_draft(*, actor, minutes):
    """Take minutes in approval back to draft; approvals given so far no longer count."""
    locked = _lock_minutes(minutes)
    require_run(actor, minutes.meeting.forum)
    _refuse_locked(locked)
    locked.check_transition(Minutes.Status.DRAFT, _("Only minutes in approval go back to draft."))
    for given in MinutesApproval.objects.filter(minutes=locked):
        given._history_user = actor
        given._change_reason = "minutes returned to draft"
        given.delete()
    locked.status = Minutes.Status.DRAFT
    locked.submitted_at = None
    return save_with_history(locked, actor=actor, reason="returned to draft")


@transaction.atomic
def minutes_approve(*, actor, minutes):
    """Approve in the role the actor fits (R15). The minutes row is locked first, so two
    approvers at the same moment are applied one after the other and neither is lost; the
    last approval the rule needs approves and locks the minutes, and seals them: the snapshot
    of what they record and the PDF made once from it (`meetings.sealing`)."""
    locked = _lock_minutes(minutes)
    locked = Minutes.objects.select_related("meeting__forum__structure").get(pk=locked.pk)
    if not can_see_meetings(actor, locked.meeting.forum):
        raise PermissionDenied
    _refuse_locked(locked)
    locked.check_transition(Minutes.Status.APPROVED, _("These minutes are not out for approval."))
    state = approval.approval_state(locked)
    try:
        role = approval.approver_role(minutes=locked, person=actor, state=state)
    except approval.ApproverRefused as refused:
        raise DomainError(str(refused)) from refused
    given = MinutesApproval(minutes=locked, person=actor, role=role, approved_at=timezone.now())
    save_with_history(given, actor=actor, reason=f"approved as {role}")
    if len(state.missing) == 1:
        locked.status = Minutes.Status.APPROVED
        locked.approved_at = timezone.now()
        save_with_history(locked, actor=actor, reason="approved")
        sealing.seal_minutes(locked, actor=actor)
    minutes.status, minutes.approved_at = locked.status, locked.approved_at
    return locked


APPROVAL_REMINDER_AFTER = datetime.timedelta(days=7)


def minutes_approval_remind(*, actor, minutes_id):
    """Remind those who can still approve; once per submission (dedup key)."""
    with transaction.atomic():
        minutes = Minutes.objects.select_related("meeting__forum__structure").get(pk=minutes_id)
        if minutes.status != Minutes.Status.IN_APPROVAL:
            return minutes
        if minutes.submitted_at > timezone.now() - APPROVAL_REMINDER_AFTER:
            return minutes
        _notify_approvers(minutes, actor, reminder=True)
        return minutes
