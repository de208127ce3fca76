"""Celery tasks of the mandates app. Each takes ids, calls a service, and is idempotent."""

from celery import shared_task
from django.contrib.auth import get_user_model

from kernel.history import system_user

from . import services


@shared_task
def reconcile_permissions():
    """Nightly: end mandates whose term has passed, then repair every grant that drifted."""
    actor = system_user()
    ended = services.mandates_end_expired(actor=actor)
    result = services.permissions_reconcile(actor=actor)
    return {"ended": ended, **result}


@shared_task
def mandate_reminders():
    """Daily: remind the secretariat 60 and 14 days before a mandate or chair term ends."""
    return services.mandate_reminders_send(actor=system_user())


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def invitation_email_send(self, invitation_id):
    """E-mail an invitation. A second run for the same id sends nothing."""
    services.invitation_email_send_now(actor=system_user(), invitation_id=invitation_id)


def _actor(actor_id):
    return get_user_model().objects.get(pk=actor_id)


@shared_task
def mandate_import_check(mandate_import_id, actor_id):
    """Check the rows of a large import file (progress on the import record)."""
    services.mandate_import_check_now(actor=_actor(actor_id), mandate_import_id=mandate_import_id)


@shared_task
def mandate_import_save(mandate_import_id, actor_id):
    """Save the valid rows of a confirmed large import in one transaction."""
    services.mandate_import_save_now(actor=_actor(actor_id), mandate_import_id=mandate_import_id)
