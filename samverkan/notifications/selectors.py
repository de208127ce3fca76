"""What the notification pages read: only the person's own notices."""

from django.http import Http404

from kernel.models import Notification
from kernel.services import notification_deliveries


def notification_list_own(*, user):
    """The person's notices, the latest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def notification_get_own(*, user, pk):
    """One of the person's notices; another person's is not found (404), as one that does not
    exist."""
    try:
        return Notification.objects.get(recipient=user, pk=pk)
    except (Notification.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def notification_unread_count(*, user):
    """How many of the person's notices are unread (one query, on the unread index)."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_preferences_own(*, user):
    """{kind: channel} for every kind of notice, the defaults included."""
    return notification_deliveries(user)
