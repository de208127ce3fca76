"""Celery tasks of the escalation app. They take ids, call a service and are idempotent."""

from celery import shared_task
from django.db import IntegrityError, OperationalError

from .notifications import case_event_notify_now


@shared_task(
    bind=True,
    autoretry_for=(OSError, OperationalError, IntegrityError),
    retry_backoff=True,
    max_retries=5,
)
def case_event_notify(self, event_id):
    """Notify the followers (and leaders) of a case event; once per event and person."""
    return len(case_event_notify_now(event_id=event_id))
