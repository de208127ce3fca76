from django.utils import timezone

from .models import ActionItem, Meeting


def meeting_list_upcoming(*, forum_ids, limit=10):
    """The next meetings of the given forums that are not cancelled."""
    return (
        Meeting.objects.filter(forum_id__in=forum_ids, starts_at__gte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("forum")
        .order_by("starts_at", "id")[:limit]
    )


def action_item_list_open_for(*, user, limit=10):
    return (
        ActionItem.objects.filter(assignee=user, status=ActionItem.Status.OPEN)
        .select_related("meeting__forum")
        .order_by("due_date", "id")[:limit]
    )
