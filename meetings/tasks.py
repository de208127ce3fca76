"""Celery tasks of meetings: notices, and the daily reminders (CELERY_BEAT_SCHEDULE).

Tasks take ids, load, call a service and are idempotent: reminders carry dedup keys, so a
second run (or a second delivery) sends nothing twice.
"""

import datetime

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.utils import timezone

from kernel.history import system_user

from . import notices, services
from .models import ActionItem, Meeting, Minutes


class NoticeTask(DjangoTask):
    """Queues a notice with the meeting's calendar SEQUENCE as it is in the transaction that
    asks for it (the service has just saved it), so the notice keeps its identity however
    late the worker runs and however often it runs again."""

    def delay_on_commit(self, meeting_id, kind, sequence=None):
        if sequence is None:
            sequence = Meeting.objects.values_list("ical_sequence", flat=True).get(pk=meeting_id)
        return super().delay_on_commit(meeting_id, kind, sequence)


@shared_task(
    base=NoticeTask, bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def meeting_notice_send(self, meeting_id, kind, sequence=None):
    """E-mail the notice (convened, changed or cancelled) with the .ics to members and deputies,
    once per person however often the task runs (see notices.meeting_notice_send_now)."""
    return notices.meeting_notice_send_now(meeting_id=meeting_id, kind=kind, sequence=sequence)


@shared_task
def minutes_approval_reminders():
    """Daily: remind approvers of minutes waiting more than 7 days (once per submission)."""
    actor = system_user()
    cutoff = timezone.now() - services.APPROVAL_REMINDER_AFTER
    ids = Minutes.objects.filter(
        status=Minutes.Status.IN_APPROVAL, submitted_at__lte=cutoff
    ).values_list("pk", flat=True)
    for minutes_id in ids.iterator():
        services.minutes_approval_remind(actor=actor, minutes_id=minutes_id)


@shared_task
def action_item_reminders():
    """Daily: remind assignees of open action items due within three days (once per date)."""
    actor = system_user()
    horizon = timezone.localdate() + datetime.timedelta(days=3)
    ids = ActionItem.objects.filter(
        status=ActionItem.Status.OPEN, due_date__lte=horizon
    ).values_list("pk", flat=True)
    for item_id in ids.iterator():
        services.action_item_remind(actor=actor, item_id=item_id)
