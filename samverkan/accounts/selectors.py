from django.utils import timezone

from . import limits
from .models import UserSession


def user_session_list_active(*, user):
    """The person's sessions that have not passed either limit, the latest seen first."""
    moment = timezone.now()
    return UserSession.objects.filter(
        user=user,
        last_seen_at__gt=moment - timezone.timedelta(seconds=limits.idle_seconds()),
        created_at__gt=moment - timezone.timedelta(seconds=limits.absolute_seconds()),
    ).order_by("-last_seen_at", "-pk")
