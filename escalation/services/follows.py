"""Following a case: followers hear of its changes."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from kernel.history import save_with_history

from ..models import Follow
from ..permissions import can_view_case


def follow_once(actor, case):
    existing = Follow.objects.filter(user=actor, case=case).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return save_with_history(Follow(user=actor, case=case), actor=actor, reason="followed")
    except IntegrityError:  # followed at the same moment in another request
        return Follow.objects.get(user=actor, case=case)


@transaction.atomic
def case_follow(*, actor, case):
    """Follow a case the actor may see; following twice changes nothing."""
    if not can_view_case(actor, case):
        raise PermissionDenied
    return follow_once(actor, case)


@transaction.atomic
def case_unfollow(*, actor, case):
    """Stop following a case (a no-op for someone not following it)."""
    follow = Follow.objects.select_for_update().filter(user=actor, case=case).first()
    if follow is None:
        return None
    follow._history_user = actor
    follow._change_reason = "unfollowed"
    follow.delete()
    return follow
