"""A real worker's child SIGKILLed while it notifies a case's followers: the task runs
again, and each follower gets one notification and one e-mail."""

import pytest

from escalation import services
from escalation.models import CaseEvent, Follow
from escalation.notifications import case_event_recipients
from kernel.models import Notification
from tests.celery_worker import celery_worker_process, emails, kill_paused_child, wait_for
from tests.factories import UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_followers_are_notified_once_though_the_worker_was_killed(
    case, operative_chair, follower_user, tmp_path
):
    followers = [follower_user] + [UserFactory() for _ in range(2)]
    for person in followers[1:]:
        Follow.objects.create(user=person, case=case)
    # The child stops before the second follower's notification: the first is committed
    # and its e-mail queued.
    pause = ("escalation.notifications:notification_create", 2)
    with celery_worker_process(tmp_path, prefork=True, pause_in=pause) as mail_dir:
        services.case_start_preparation(actor=operative_chair, case=case)
        event = case.events.get(kind=CaseEvent.Kind.STATUS_CHANGED)
        notified = Notification.objects.filter(dedup_key=f"case-event:{event.pk}")
        expected = case_event_recipients(event)  # the followers (the raiser follows too)
        assert set(followers) <= set(expected) and len(expected) > 2
        kill_paused_child(tmp_path)
        assert wait_for(
            lambda: (
                notified.filter(emailed_at__isnull=False).count() == len(expected)
                and len(emails(mail_dir)) == len(expected)
            ),
            seconds=30,
        ), "the requeued task did not notify the rest"
    assert sorted(notified.values_list("recipient_id", flat=True)) == sorted(p.pk for p in expected)
    assert sorted(m["To"] for m in emails(mail_dir)) == sorted(p.email for p in expected)
    assert "WorkerLostError" in (tmp_path / "worker.log").read_text()
