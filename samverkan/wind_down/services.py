"""The wind-down's writes that need more than one app: each case's choice, and cancelling
the meetings after the wind-down day with notice to the members."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from escalation import services as escalation
from kernel.errors import DomainError
from meetings.models import Meeting
from meetings.services import meeting_cancel
from meetings.services.common import send_notice

from .selectors import later_meetings

MOVE, CLOSE, KEEP = "move", "close", "keep"


def case_settle_on_wind_down(*, actor, case, action, reason="", until=None, expected_version=None):
    """Move, close or keep one case of a wound-down forum (the escalation services decide
    who may and record the case event)."""
    if action == MOVE:
        return escalation.case_move_on_wind_down(
            actor=actor, case=case, reason=reason, expected_version=expected_version
        )
    if action == CLOSE:
        return escalation.case_close_on_wind_down(
            actor=actor, case=case, reason=reason, expected_version=expected_version
        )
    if action == KEEP:
        return escalation.case_keep_until(
            actor=actor, case=case, until=until, reason=reason, expected_version=expected_version
        )
    raise ValidationError({"action": [_("Choose what happens to the case.")]})


@transaction.atomic
def meeting_cancel_on_wind_down(*, actor, meeting, reason):
    """Cancel a meeting that starts after its forum's wind-down day.

    `meeting_cancel` checks the permission, records the reason and tells the members of a
    convened meeting; the members also saw a planned one in their calendar and on their
    start page, so they are told of its cancelling as well.
    """
    locked = Meeting.objects.select_for_update().select_related("forum").get(pk=meeting.pk)
    forum = locked.forum
    if forum.active_to is None or timezone.localtime(locked.starts_at).date() <= forum.active_to:
        raise DomainError(
            _(
                "The meeting is not after the forum's wind-down day: if it is to be cancelled, "
                "do it on the meeting's own page."
            )
        )
    was_planned = locked.status == Meeting.Status.PLANNED
    cancelled = meeting_cancel(actor=actor, meeting=locked, reason=reason)
    if was_planned:
        send_notice(cancelled, "cancelled")
    return cancelled


@transaction.atomic
def later_meetings_cancel_on_wind_down(*, actor, forum, reason):
    """Cancel every meeting of the forum after its wind-down day; returns them."""
    meetings = list(later_meetings(forum))
    if not meetings:
        raise DomainError(_("There are no planned meetings after the wind-down day."))
    return [
        meeting_cancel_on_wind_down(actor=actor, meeting=meeting, reason=reason)
        for meeting in meetings
    ]
