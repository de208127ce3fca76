from celery import shared_task

from .services import notification_email_send_now, system_user


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notification_email_send(self, notification_id):
    """E-mail a notification. Idempotent: a second run for the same id sends nothing."""
    notification_email_send_now(actor=system_user(), notification_id=notification_id)
