"""Celery tasks of the yearly cycle (CELERY_BEAT_SCHEDULE).

Tasks take ids, load, call a service and are idempotent: a direction document's review
reminder is sent once per version (`review_reminded_at`, and the notifications' keys), so a
second run, a retry or a second delivery sends nothing twice.
"""

from celery import shared_task
from django.utils import timezone

from kernel.history import system_user

from .models import DirectionDocumentVersion
from .services import direction_review_remind


@shared_task
def direction_review_reminders():
    """Daily: remind the tactical forum's leaders and the structure's secretariat when the
    review date of a direction document's current version has passed (once per version)."""
    actor = system_user()
    today = timezone.localdate()
    ids = DirectionDocumentVersion.objects.filter(
        status=DirectionDocumentVersion.Status.ADOPTED,
        review_on__lt=today,
        review_reminded_at__isnull=True,
    ).values_list("pk", flat=True)
    for version_id in ids.iterator():
        direction_review_remind(actor=actor, version_id=version_id, today=today)
