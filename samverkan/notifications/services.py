"""Writes of the person's own notices: read, all read, and how each kind is delivered."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from kernel.history import save_with_history
from kernel.models import Notification
from kernel.services import notification_preference_set


def _mark(notification, actor, moment, reason):
    notification.read_at = moment
    save_with_history(notification, actor=actor, reason=reason, update_fields=["read_at"])


@transaction.atomic
def notification_mark_read(*, actor, notification):
    """Mark one notice read (opening it does too). Only its recipient may; a notice read
    already keeps the time it was first read."""
    if notification.recipient_id != actor.pk:
        raise PermissionDenied
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.read_at is None:
        _mark(locked, actor, timezone.now(), "notification read")
    return locked


@transaction.atomic
def notification_mark_all_read(*, actor):
    """Mark every unread notice of the actor read; returns how many. Nobody else's change."""
    moment = timezone.now()
    unread = list(
        Notification.objects.select_for_update()
        .filter(recipient=actor, read_at__isnull=True)
        .order_by("pk")
    )
    for notification in unread:
        _mark(notification, actor, moment, "all notifications read")
    return len(unread)


@transaction.atomic
def notification_preferences_save(*, actor, person, deliveries):
    """Save how `person` hears of each kind ({kind: channel}); only the person themself."""
    if actor.pk != person.pk:
        raise PermissionDenied
    return [
        notification_preference_set(actor=actor, person=person, kind=kind, delivery=delivery)
        for kind, delivery in deliveries.items()
    ]
