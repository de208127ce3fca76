"""A real worker's child SIGKILLed in the middle of e-mailing notifications (one at a time,
and the daily digest): the task runs again and everyone gets each e-mail exactly once."""

import re

import pytest

from kernel.history import system_user
from kernel.models import Notification
from kernel.services import notification_create, notification_preference_set
from kernel.tasks import notification_digest_send
from tests.celery_worker import celery_worker_process, emails, kill_paused_child, wait_for
from tests.factories import UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CASE = Notification.Kind.CASE
SEND = "django.core.mail.message:EmailMessage.send"


def _people(n, **kwargs):
    return [UserFactory(email=f"person{i}@example.se", **kwargs) for i in range(n)]


def _lost_and_redelivered(tmp_path, task):
    log = (tmp_path / "worker.log").read_text()
    assert "WorkerLostError" in log
    assert len(re.findall(rf"{task}\[([^]]+)\] received", log)) > len(
        set(re.findall(rf"{task}\[([^]]+)\] received", log))
    ), "the killed task was not delivered again"


def test_notification_emails_interrupted_by_sigkill_are_sent_once(tmp_path):
    people = _people(3)
    # The child stops in the second e-mail's send, inside the transaction that marks it.
    with celery_worker_process(tmp_path, prefork=True, pause_in=(SEND, 2)) as mail_dir:
        for person in people:
            notification_create(
                actor=system_user(), recipient=person, kind=CASE, title="Ärendet har rört sig"
            )
        kill_paused_child(tmp_path)
        assert wait_for(
            lambda: (
                not Notification.objects.filter(emailed_at__isnull=True).exists()
                and len(emails(mail_dir)) == 3
            ),
            seconds=30,
        ), "the requeued e-mail was not sent"
    assert sorted(m["To"] for m in emails(mail_dir)) == sorted(p.email for p in people)
    _lost_and_redelivered(tmp_path, "kernel.tasks.notification_email_send")


def test_a_digest_interrupted_by_sigkill_is_sent_once_to_each(tmp_path):
    people = _people(3)
    for person in people:
        notification_preference_set(actor=person, person=person, kind=CASE, delivery="daily")
        for title in ("Första", "Andra"):
            notification_create(actor=system_user(), recipient=person, kind=CASE, title=title)
    with celery_worker_process(tmp_path, prefork=True, pause_in=(SEND, 2)) as mail_dir:
        notification_digest_send.delay()
        kill_paused_child(tmp_path)
        assert wait_for(
            lambda: (
                not Notification.objects.filter(emailed_at__isnull=True).exists()
                and len(emails(mail_dir)) == 3
            ),
            seconds=30,
        ), "the requeued digest was not sent"
    messages = emails(mail_dir)
    assert sorted(m["To"] for m in messages) == sorted(p.email for p in people)
    assert all("Första" in m.get_payload(decode=True).decode() for m in messages)
    assert all("Andra" in m.get_payload(decode=True).decode() for m in messages)
    _lost_and_redelivered(tmp_path, "kernel.tasks.notification_digest_send_for")
