"""The daily digest: one e-mail a day with the notices not yet e-mailed nor read, of the
kinds the person chose to hear of in the digest (kernel.models.NotificationPreference)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import ngettext

from .history import save_with_history
from .models import Notification, NotificationPreference
from .services import notification_email_text, preferences_footer, stable_message_id

DAILY = NotificationPreference.Channel.DAILY


def _in_digest():
    """Notices (in an outer query) whose recipient wants their kind in the daily digest."""
    preferences = NotificationPreference.objects.filter(
        person=OuterRef("recipient"), kind=OuterRef("kind")
    )
    wanted = Exists(preferences.filter(delivery=DAILY))
    if NotificationPreference.DEFAULT == DAILY:
        wanted |= ~Exists(preferences)
    return wanted


def _pending(user_id):
    return Notification.objects.filter(
        _in_digest(), recipient_id=user_id, emailed_at__isnull=True, read_at__isnull=True
    )


def digest_recipient_ids():
    """People with an address and a notice for the digest not yet e-mailed nor read."""
    User = get_user_model()
    pending = Notification.objects.filter(
        _in_digest(), recipient=OuterRef("pk"), emailed_at__isnull=True, read_at__isnull=True
    )
    return list(
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Exists(pending))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def notification_digest_send_now(*, actor, user_id):
    """E-mail one person their notifications not yet e-mailed, in one message.

    Idempotent: the notifications are locked and marked as e-mailed in the transaction
    that sends the e-mail, so a second run (a retried task, or one redelivered after a
    worker died: it waits on the locks until the first commits) finds nothing to send.
    """
    person = get_user_model().objects.get(pk=user_id)
    if not person.email:
        return 0
    notifications = list(_pending(user_id).select_for_update().order_by("created_at", "id"))
    if not notifications:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        count = len(notifications)
        subject = ngettext(
            "Samverkan: %(count)d new notification",
            "Samverkan: %(count)d new notifications",
            count,
        ) % {"count": count}
        parts = []
        for notification in notifications:
            text = notification.title
            details = notification_email_text(notification)
            if details:
                text += "\n" + details
            parts.append(text)
        body = ("\n\n" + "-" * 40 + "\n\n").join(parts) + "\n\n-- \n" + preferences_footer()
    ids = ",".join(str(notification.pk) for notification in notifications)
    EmailMessage(
        subject=subject,
        body=body,
        to=[person.email],
        headers={"Message-ID": stable_message_id(f"digest:{user_id}:{ids}")},
    ).send()
    now = timezone.now()
    for notification in notifications:
        notification.emailed_at = now
        save_with_history(
            notification, actor=actor, reason="e-mailed in the daily digest",
            update_fields=["emailed_at"],
        )  # fmt: skip
    return count
