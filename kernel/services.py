"""Writes of notifications: in the app, and by e-mail at once."""

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .history import save_with_history
from .models import Notification, User


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
