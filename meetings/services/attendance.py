"""Attendance: present, absent, or a deputy attending for a named member (R5: seats).

The whole attendance of a meeting is checked as one set, the rows already saved together
with the ones being recorded, so that no seat is counted twice:
- a deputy stands in only for the member their mandate names (`Mandate.deputy_for`); a
  deputy mandate that names no member is its organisation's deputy and stands in for a seat
  holder of the same organisation; one with neither cannot stand in until the mandate says
  for whom;
- a member and the deputy standing in for that member are not both present;
- one deputy per member (also a database constraint, `attendance_one_deputy_per_member`).
The form's rows are saved in one call and one transaction: one refused row saves none.
"""

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

Status = Attendance.Status


def deputy_may_stand_in_for(deputy, member):
    """Whether a deputy mandate stands in for a seat holder's mandate (both in force)."""
    if deputy.deputy_for_id:
        return deputy.deputy_for_id == member.pk
    return deputy.organisation_id is not None and deputy.organisation_id == member.organisation_id


class _Entry:
    def __init__(self, person, status, stands_in_for, mandate):
        self.person, self.status, self.stands_in_for, self.mandate = (
            person,
            status,
            stands_in_for,
            mandate,
        )


def _entry(person, status, stands_in_for, held, seats, forum):
    """One row checked on its own: the person's mandate in force, the member stood in for."""
    if status not in Status.values:
        raise ValidationError({"status": [_("Choose present, absent or deputy attending.")]})
    mandates = held.get(person.pk, [])
    if not mandates:
        raise ValidationError(
            {
                "person": [
                    _("%(person)s has no mandate in %(forum)s on the day of the meeting.")
                    % {"person": person, "forum": forum}
                ]
            }
        )
    if status != Status.DEPUTY:
        seat = next((m for m in mandates if m.role in Mandate.SEAT_ROLES), None)
        return _Entry(person, status, None, seat or mandates[0])
    deputy = next((m for m in mandates if m.role == Mandate.Role.DEPUTY), None)
    if deputy is None:
        raise ValidationError(
            {
                "status": [
                    _("Only a deputy attends for a member: mark %(person)s present.")
                    % {"person": person}
                ]
            }
        )
    if stands_in_for is None:
        raise ValidationError({"stands_in_for": [_("Name the member the deputy stands in for.")]})
    members = seats.get(stands_in_for.pk)
    if not members:
        raise ValidationError(
            {
                "stands_in_for": [
                    _("%(person)s does not hold a seat in the forum on the day of the meeting.")
                    % {"person": stands_in_for}
                ]
            }
        )
    if not any(deputy_may_stand_in_for(deputy, member) for member in members):
        if deputy.deputy_for_id:
            message = _(
                "%(person)s is deputy for %(member)s only: choose %(member)s, or change the "
                "deputy's mandate."
            ) % {"person": person, "member": deputy.deputy_for.person}
        elif deputy.organisation_id:
            message = _(
                "%(person)s is a deputy of %(organisation)s and stands in only for a member "
                "of %(organisation)s."
            ) % {"person": person, "organisation": deputy.organisation}
        else:
            message = _(
                "The mandate of %(person)s names no member to stand in for: name the member "
                "on the deputy's mandate first."
            ) % {"person": person}
        raise ValidationError({"stands_in_for": [message]})
    return _Entry(person, status, stands_in_for, deputy)


def _seat_conflicts(final):
    """The set rules across rows: one deputy per member, and not the member as well."""
    errors = []
    standing_in = {}
    for row in final.values():
        if row.status != Status.DEPUTY or row.stands_in_for is None:
            continue
        member_id = row.stands_in_for.pk
        if member_id in standing_in:
            errors.append(
                _("%(first)s and %(second)s cannot both stand in for %(member)s: choose one.")
                % {
                    "first": standing_in[member_id].person,
                    "second": row.person,
                    "member": row.stands_in_for,
                }
            )
            continue
        standing_in[member_id] = row
        member_row = final.get(member_id)
        if member_row is not None and member_row.status == Status.PRESENT:
            errors.append(
                _(
                    "%(member)s is marked present and %(deputy)s stands in for them: one seat "
                    "is one person. Mark %(member)s absent, or the deputy present without "
                    "standing in."
                )
                % {"member": row.stands_in_for, "deputy": row.person}
            )
    return errors


def _free_seats_changing_hands(recorded, saved, actor):
    """Before a deputy takes a member's seat, the deputy who held it gives it up (the
    database allows one deputy per member at every moment, not only at the end)."""
    taken = {e.stands_in_for.pk: e.person.pk for e in recorded if e.stands_in_for is not None}
    for entry in recorded:
        row = saved.get(entry.person.pk)
        if row is None or row.stands_in_for_id is None:
            continue
        if taken.get(row.stands_in_for_id, entry.person.pk) != entry.person.pk:
            row.stands_in_for = None
            save_with_history(row, actor=actor, reason="attendance")


@transaction.atomic
def attendance_record_all(*, actor, meeting, entries):
    """The attendance form in one go: each (person, status, stands_in_for) is recorded.

    The rows are checked together with those already saved; any refusal refuses them all
    (a ValidationError listing every problem by name), so the list is never saved half-way.
    """
    locked = lock_meeting(meeting)
    require_run(actor, locked.forum)
    if not locked.is_open_for_record:
        raise DomainError(_("Attendance is recorded for a convened or held meeting."))
    refuse_if_minutes_approved(locked)
    day = timezone.localdate(locked.starts_at)
    held = {}
    for mandate in (
        mandates_in_force(on=day)
        .filter(forum=locked.forum)
        .select_related("person", "organisation", "deputy_for__person")
        .order_by("id")
    ):
        held.setdefault(mandate.person_id, []).append(mandate)
    seats = {
        person_id: [m for m in mandates if m.role in Mandate.SEAT_ROLES]
        for person_id, mandates in held.items()
    }
    saved = {
        a.person_id: a
        for a in Attendance.objects.select_for_update(of=("self",))
        .filter(meeting=locked)
        .select_related("person", "stands_in_for")
    }
    final = {pk: _Entry(a.person, a.status, a.stands_in_for, None) for pk, a in saved.items()}
    errors, recorded, listed = [], [], set()
    for person, status, stands_in_for in entries:
        if person.pk in listed:
            errors.append(_("%(person)s is listed twice.") % {"person": person})
            continue
        listed.add(person.pk)
        try:
            entry = _entry(person, status, stands_in_for, held, seats, locked.forum)
        except ValidationError as error:
            errors.extend(
                _("%(person)s: %(problem)s") % {"person": person, "problem": message}
                for message in error.messages
            )
            continue
        final[person.pk] = entry
        recorded.append(entry)
    if not errors:
        errors = _seat_conflicts(final)
    if errors:
        raise ValidationError(errors)
    _free_seats_changing_hands(recorded, saved, actor)
    result = []
    for entry in recorded:
        attendance = saved.get(entry.person.pk) or Attendance(meeting=locked, person=entry.person)
        attendance.mandate = entry.mandate
        attendance.status = entry.status
        attendance.stands_in_for = entry.stands_in_for
        result.append(save_with_history(attendance, actor=actor, reason="attendance"))
    return result


def attendance_record(*, actor, meeting, person, status, stands_in_for=None):
    """Present, absent, or a deputy attending for a named member: one row of the set."""
    return attendance_record_all(
        actor=actor, meeting=meeting, entries=[(person, status, stands_in_for)]
    )[0]
