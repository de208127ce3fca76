from celery import shared_task
from django.db import OperationalError

from .digest import digest_recipient_ids, notification_digest_send_now
from .history import system_user
from .services import notification_email_send_now


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notification_email_send(self, notification_id):
    """E-mail a notification. Idempotent: a second run for the same id sends nothing."""
    notification_email_send_now(actor=system_user(), notification_id=notification_id)


@shared_task
def notification_digest_send():
    """Celery beat, daily: queue one digest e-mail per person who chose the digest."""
    ids = digest_recipient_ids()
    for user_id in ids:
        notification_digest_send_for.delay_on_commit(user_id)
    return len(ids)


@shared_task(
    bind=True, autoretry_for=(OSError, OperationalError), retry_backoff=True, max_retries=5
)
def notification_digest_send_for(self, user_id):
    """E-mail one person's digest. Idempotent: what was e-mailed is marked and not sent again."""
    return notification_digest_send_now(actor=system_user(), user_id=user_id)
