"""Calendar feeds: secret addresses rotated and revoked."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from kernel.history import save_with_history

from ..models import CalendarToken
from ..permissions import can_see_meetings


@transaction.atomic
def calendar_token_rotate(*, actor, forum=None):
    """Give the actor a new secret feed address (all their forums, or one forum); the old
    address stops working at once."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if forum is not None and not can_see_meetings(actor, forum):
        raise PermissionDenied
    now = timezone.now()
    for old in CalendarToken.objects.select_for_update().filter(
        person=actor, forum=forum, revoked_at__isnull=True
    ):
        old.revoked_at = now
        save_with_history(old, actor=actor, reason="rotated")
    token = CalendarToken(person=actor, forum=forum, token=secrets.token_urlsafe(32))
    return save_with_history(token, actor=actor, reason="created")


@transaction.atomic
def calendar_token_revoke(*, actor, token):
    locked = CalendarToken.objects.select_for_update().get(pk=token.pk)
    if locked.person_id != actor.pk:
        raise PermissionDenied
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        save_with_history(locked, actor=actor, reason="revoked")
    return locked
