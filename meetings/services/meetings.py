"""Planning meetings: plan, change, convene, mark held, cancel (R12)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Meeting
from ..permissions import is_chair
from .common import (
    check_meeting_transition,
    lock_meeting,
    refuse_if_minutes_approved,
    release_case,
    require_run,
    send_notice,
    validate_times,
    validate_within_active_period,
)

# The fields a meeting's form fills in: all of them when it is planned, the ones after the
# kind when it is changed (the kind, and so who called it, stays).
PLAN_FIELDS = (
    "kind",
    "title",
    "starts_at",
    "ends_at",
    "location",
    "online_link",
    "host_organisation",
)
UPDATE_FIELDS = PLAN_FIELDS[1:]


def validate_host(host_organisation):
    if host_organisation is not None and host_organisation.archived_at is not None:
        raise ValidationError(
            {"host_organisation": [_("An archived organisation cannot host a meeting.")]}
        )


@transaction.atomic
def meeting_plan(
    *,
    actor,
    forum,
    starts_at,
    ends_at,
    kind=Meeting.Kind.ORDINARY,
    title="",
    location="",
    online_link="",
    host_organisation=None,
):
    """Plan a meeting. The secretariat and the forum's leaders plan ordinary meetings; an
    extra meeting is called by the chair (R12)."""
    require_run(actor, forum)
    validate_times(starts_at, ends_at)
    called_by = None
    if kind == Meeting.Kind.EXTRA:
        if not is_chair(actor, forum):
            raise ValidationError(
                {
                    "kind": [
                        _("Only the chair of %(forum)s calls extra meetings.") % {"forum": forum}
                    ]
                }
            )
        called_by = actor
    validate_within_active_period(forum, starts_at, ends_at)
    validate_host(host_organisation)
    meeting = Meeting(
        forum=forum,
        kind=kind,
        title=(title or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        location=(location or "").strip(),
        online_link=online_link or "",
        called_by=called_by,
        host_organisation=host_organisation,
    )
    return save_with_history(meeting, actor=actor, reason="planned")


@transaction.atomic
def meeting_update(*, actor, meeting, **fields):
    """Change time, place, link, title or host. A convened meeting's calendar event is updated
    (SEQUENCE grows) and the members get the changed notice."""
    require_run(actor, meeting.forum)
    locked = lock_meeting(meeting)
    refuse_if_minutes_approved(locked)
    if locked.is_final:
        raise DomainError(
            _(
                "A held or cancelled meeting cannot be changed: correct a held meeting's "
                "record in its minutes, or plan a new meeting."
            )
        )
    allowed = set(UPDATE_FIELDS)
    changed = False
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed = True
    validate_times(locked.starts_at, locked.ends_at)
    validate_within_active_period(locked.forum, locked.starts_at, locked.ends_at)
    if "host_organisation" in fields:
        validate_host(locked.host_organisation)
    if not changed:
        return locked
    locked.ical_sequence += 1
    save_with_history(locked, actor=actor, reason="changed")
    if locked.status == Meeting.Status.CONVENED:
        send_notice(locked, "changed")
    return locked


@transaction.atomic
def meeting_convene(*, actor, meeting):
    """Planned -> convened: every member and deputy gets the notice with the agenda and .ics."""
    require_run(actor, meeting.forum)
    locked = lock_meeting(meeting)
    refuse_if_minutes_approved(locked)
    check_meeting_transition(locked, Meeting.Status.CONVENED)
    locked.status = Meeting.Status.CONVENED
    save_with_history(locked, actor=actor, reason="convened")
    send_notice(locked, "convened")
    return locked


@transaction.atomic
def meeting_mark_held(*, actor, meeting):
    """Convened -> held, once the meeting has started: minutes follow a meeting that took
    place, never one still to come."""
    require_run(actor, meeting.forum)
    locked = lock_meeting(meeting)
    refuse_if_minutes_approved(locked)
    check_meeting_transition(locked, Meeting.Status.HELD)
    if not locked.has_started():
        raise DomainError(
            _(
                "The meeting starts %(start)s: mark it held once it has started "
                "(change the time first if it was moved earlier)."
            )
            % {"start": f"{timezone.localtime(locked.starts_at):%Y-%m-%d %H:%M}"}
        )
    locked.status = Meeting.Status.HELD
    return save_with_history(locked, actor=actor, reason="held")


@transaction.atomic
def meeting_cancel(*, actor, meeting, reason):
    """Cancel, keeping the record. The calendar event is cancelled (STATUS:CANCELLED, SEQUENCE
    grows); cases on the agenda go back to preparation."""
    require_run(actor, meeting.forum)
    locked = lock_meeting(meeting)
    refuse_if_minutes_approved(locked)
    check_meeting_transition(locked, Meeting.Status.CANCELLED)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the meeting is cancelled.")]})
    was_convened = locked.status == Meeting.Status.CONVENED
    locked.status = Meeting.Status.CANCELLED
    locked.cancelled_reason = reason
    locked.ical_sequence += 1
    save_with_history(locked, actor=actor, reason="cancelled")
    for item in locked.agenda_items.select_related("case"):
        release_case(actor, item, _("The meeting was cancelled: %(reason)s") % {"reason": reason})
    if was_convened:
        send_notice(locked, "cancelled")
    return locked
