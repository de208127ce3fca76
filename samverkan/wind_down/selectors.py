"""What the wind-down page reads: the forum's open cases and its meetings after the end."""

from escalation.models import Case
from escalation.permissions import FINAL_STATUSES
from kernel.visibility import get_visible_or_404
from meetings.models import Meeting

LATER_STATUSES = (Meeting.Status.PLANNED, Meeting.Status.CONVENED)


def open_cases(forum):
    """The cases at the forum that are not finished (removed or closed), oldest first."""
    return (
        Case.objects.filter(current_forum=forum)
        .exclude(status__in=FINAL_STATUSES)
        .select_related("current_forum__escalates_to")
        .order_by("created_at", "id")
    )


def later_meetings(forum):
    """The forum's planned or convened meetings that start after its wind-down day."""
    if forum.active_to is None:
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(
            forum=forum, status__in=LATER_STATUSES, starts_at__date__gt=forum.active_to
        )
        .select_related("forum")
        .order_by("starts_at", "id")
    )


def open_case_get(*, user, forum, reference):
    """An open case at the forum, seen by the user (404 otherwise)."""
    return get_visible_or_404(open_cases(forum), user, reference=reference)


def later_meeting_get(*, user, forum, pk):
    """A meeting of the forum after its wind-down day, seen by the user (404 otherwise)."""
    return get_visible_or_404(later_meetings(forum), user, pk=pk)
