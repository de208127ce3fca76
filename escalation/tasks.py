"""Celery tasks of the escalation app. They take ids, call a service and are idempotent."""

from celery import shared_task
from django.db import IntegrityError, OperationalError

from samverkan.services import system_user

from .notifications import (
    case_event_notify_now,
    digest_recipient_ids,
    notification_digest_send_now,
)


@shared_task(
    bind=True,
    autoretry_for=(OSError, OperationalError, IntegrityError),
    retry_backoff=True,
    max_retries=5,
)
def case_event_notify(self, event_id):
    """Notify the followers (and leaders) of a case event; once per event and person."""
    return len(case_event_notify_now(event_id=event_id))


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
