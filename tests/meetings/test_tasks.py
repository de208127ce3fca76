"""Reminders by Celery beat: after 7 days, never twice; one run through a real worker."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from kernel.history import save_with_history, system_user
from kernel.models import Notification
from meetings import services, tasks
from meetings.models import Minutes
from tests.celery_worker import wait_for
from tests.factories import ActionItemFactory
from tests.meetings.factories import started

pytestmark = pytest.mark.django_db


def _submitted(vg, meeting, days_ago):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    minutes = Minutes.objects.get(pk=minutes.pk)
    minutes.submitted_at = timezone.now() - datetime.timedelta(days=days_ago)
    save_with_history(minutes, actor=vg.secretary, reason="test")
    return minutes


def _reminders():
    return Notification.objects.filter(dedup_key__contains=":reminder:")


def test_no_reminder_before_seven_days(vg, meeting):
    _submitted(vg, meeting, days_ago=6)
    tasks.minutes_approval_reminders.apply()
    assert not _reminders().exists()


def test_reminder_after_seven_days_only_once_and_only_to_missing(vg, meeting):
    minutes = _submitted(vg, meeting, days_ago=8)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    tasks.minutes_approval_reminders.apply()
    tasks.minutes_approval_reminders.apply()
    recipients = sorted(_reminders().values_list("recipient__username", flat=True))
    assert recipients == ["vgrmember", "vgrvice"]
    assert _reminders().first().history.first().history_user == system_user()


def test_action_item_reminder_once(vg, meeting):
    ActionItemFactory(meeting=meeting, assignee=vg.vgr_member, due_date=timezone.localdate())
    ActionItemFactory(
        meeting=meeting,
        assignee=vg.vgr_member,
        due_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    tasks.action_item_reminders.apply()
    tasks.action_item_reminders.apply()
    assert _reminders().count() == 1


def test_beat_schedule_names_the_tasks():
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "meetings.tasks.minutes_approval_reminders" in names
    assert "meetings.tasks.action_item_reminders" in names


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_reminder_task_runs_in_a_real_worker(vg, meeting, celery_worker):
    minutes = _submitted(vg, meeting, days_ago=8)
    tasks.minutes_approval_reminders.delay()
    assert wait_for(lambda: _reminders().count() >= 3), "the worker sent no reminders"
    assert _reminders().count() == 3
    assert all(
        key.startswith(f"minutes:{minutes.pk}:")
        for key in _reminders().values_list("dedup_key", flat=True)
    )
