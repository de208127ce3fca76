"""Writes of the cross-cutting app: notifications, and the system user services act as."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification, User


def system_user():
    """The named user that acts when no person does (Celery beat, demo data, imports)."""
    user, created = get_user_model().objects.get_or_create(
        username=settings.SYSTEM_USERNAME,
        defaults={"first_name": "Samverkan", "last_name": "System", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def save_with_history(instance, *, actor, reason, **save_kwargs):
    """Save a history-tracked instance, recording who changed it and why."""
    instance._history_user = actor
    instance._change_reason = reason
    instance.save(**save_kwargs)
    return instance


@transaction.atomic
def notification_create(*, actor, recipient, title, body="", link="", dedup_key=""):
    """Notify a person in the app, and by e-mail after commit if they want it at once.

    A non-empty `dedup_key` names the event: notifying the same person of the same event
    again returns the existing notification and sends nothing.
    """
    if dedup_key:
        existing = Notification.objects.filter(recipient=recipient, dedup_key=dedup_key).first()
        if existing is not None:
            return existing
    notification = Notification(
        recipient=recipient, title=title, body=body, link=link, dedup_key=dedup_key
    )
    save_with_history(notification, actor=actor, reason="notification created")
    if recipient.email and recipient.notification_frequency == User.NotificationFrequency.IMMEDIATE:
        from .tasks import notification_email_send

        notification_email_send.delay_on_commit(notification.pk)
    return notification


@transaction.atomic
def notification_email_send_now(*, actor, notification_id):
    """E-mail one notification; a notification already e-mailed is not sent again."""
    notification = (
        Notification.objects.select_for_update().select_related("recipient").get(pk=notification_id)
    )
    if notification.emailed_at is not None:
        return notification
    send_mail(
        subject=notification.title,
        message=notification.body,
        from_email=None,
        recipient_list=[notification.recipient.email],
    )
    notification.emailed_at = timezone.now()
    return save_with_history(
        notification, actor=actor, reason="notification e-mailed", update_fields=["emailed_at"]
    )
