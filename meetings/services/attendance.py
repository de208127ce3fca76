"""Attendance: present, absent, or a deputy attending for a named member."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from ..models import Attendance
from .common import lock_meeting, refuse_if_minutes_approved, require_run


@transaction.atomic
def attendance_record(*, actor, meeting, person, status, stands_in_for=None):
    """Present, absent, or a deputy attending for a named member."""
    locked = lock_meeting(meeting)
    require_run(actor, locked.forum)
    if not locked.is_open_for_record:
        raise DomainError(_("Attendance is recorded for a convened or held meeting."))
    refuse_if_minutes_approved(locked)
    if status not in Attendance.Status.values:
        raise ValidationError({"status": [_("Choose present, absent or deputy attending.")]})
    mandates = list(
        mandates_in_force(on=timezone.localdate(locked.starts_at)).filter(
            forum=locked.forum, person=person
        )
    )
    if not mandates:
        raise ValidationError(
            {
                "person": [
                    _("%(person)s has no mandate in %(forum)s.")
                    % {"person": person, "forum": locked.forum}
                ]
            }
        )
    mandate = mandates[0]
    if status == Attendance.Status.DEPUTY:
        deputy = next((m for m in mandates if m.role == Mandate.Role.DEPUTY), None)
        if deputy is None:
            raise ValidationError({"status": [_("Only a deputy attends for a member.")]})
        mandate = deputy
        if stands_in_for is None:
            raise ValidationError(
                {"stands_in_for": [_("Name the member the deputy stands in for.")]}
            )
        member = mandates_in_force(on=timezone.localdate(locked.starts_at)).filter(
            forum=locked.forum, person=stands_in_for, role__in=Mandate.SEAT_ROLES
        )
        if not member.exists():
            raise ValidationError(
                {
                    "stands_in_for": [
                        _("%(person)s is not a member of the forum.") % {"person": stands_in_for}
                    ]
                }
            )
        if deputy.deputy_for_id and deputy.deputy_for.person_id != stands_in_for.pk:
            raise ValidationError(
                {
                    "stands_in_for": [
                        _("%(person)s is deputy for %(member)s.")
                        % {"person": person, "member": deputy.deputy_for.person}
                    ]
                }
            )
    else:
        stands_in_for = None
    attendance = Attendance.objects.filter(meeting=locked, person=person).first() or Attendance(
        meeting=locked, person=person
    )
    attendance.mandate = mandate
    attendance.status = status
    attendance.stands_in_for = stands_in_for
    return save_with_history(attendance, actor=actor, reason="attendance")


@transaction.atomic
def attendance_record_all(*, actor, meeting, entries):
    """The attendance form in one go: each (person, status, stands_in_for) is recorded; one
    refused entry refuses them all, so the list is never saved half-way."""
    return [
        attendance_record(
            actor=actor, meeting=meeting, person=person, status=status, stands_in_for=stands_in
        )
        for person, status, stands_in in entries
    ]
