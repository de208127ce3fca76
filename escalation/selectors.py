from django.db.models import Q

from .models import Case


def case_list_raised_or_followed_by(*, user, limit=10):
    """Cases the user raised or follows, most recently changed first."""
    return (
        Case.objects.filter(Q(raised_by=user) | Q(follows__user=user))
        .distinct()
        .select_related("current_forum")
        .order_by("-status_changed_at", "-id")[:limit]
    )
