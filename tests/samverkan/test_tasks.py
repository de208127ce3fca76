"""Celery end to end: a real worker process, the real Redis broker, the real test database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from samverkan.celery import app as celery_app
from samverkan.models import Notification
from samverkan.services import notification_create, system_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path):
    """A Celery worker on a queue of its own, writing e-mails as files into tmp_path/mail."""
    queue = f"test-{uuid.uuid4().hex}"
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samverkan.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"filemail:///{mail_dir}",  # environ drops one leading slash,
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "samverkan", "worker", "--pool=solo",
         "--without-heartbeat", "--without-gossip", "--without-mingle", "-Q", queue,
         "-l", "info"],
        cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    eager, default_queue = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield mail_dir
    finally:
        celery_app.conf.task_always_eager = eager
        celery_app.conf.task_default_queue = default_queue
        process.terminate()
        process.wait(timeout=30)
        log.close()
        print(Path(log.name).read_text())  # shown by pytest when the test fails


def _wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_worker_emails_a_notification_after_commit(worker):
    recipient = UserFactory(email="lena.ledamot@example.se")

    notification = notification_create(
        actor=system_user(), recipient=recipient, title="Ärendet har eskalerats", body="SAM-1"
    )

    def emailed():
        notification.refresh_from_db()
        return notification.emailed_at is not None

    assert _wait_for(emailed), "the worker did not e-mail the notification within 60 s"
    mails = [path.read_text() for path in worker.iterdir()]
    assert len(mails) == 1
    assert "lena.ledamot@example.se" in mails[0]
    assert "Ärendet har eskalerats" in mails[0] or "=C3=84rendet" in mails[0]
    history = notification.history.first()
    assert history.history_user == system_user()


def test_email_send_is_idempotent(mailoutbox):
    recipient = UserFactory(email="olle@example.se")
    notification = notification_create(actor=system_user(), recipient=recipient, title="Möte")
    from samverkan.tasks import notification_email_send

    notification_email_send.apply(args=[notification.pk])  # a second delivery of the same task
    assert len(mailoutbox) == 1


def test_same_event_notifies_once():
    recipient = UserFactory(email="")
    first = notification_create(
        actor=system_user(), recipient=recipient, title="x", dedup_key="case:1:escalated"
    )
    second = notification_create(
        actor=system_user(), recipient=recipient, title="x", dedup_key="case:1:escalated"
    )
    assert first == second
    assert Notification.objects.filter(recipient=recipient).count() == 1


def test_no_email_when_the_transaction_rolls_back(mailoutbox):
    from django.db import transaction

    recipient = UserFactory(email="rollback@example.se")
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_create(actor=system_user(), recipient=recipient, title="Rullas tillbaka")
        raise RuntimeError
    assert mailoutbox == []
    assert not Notification.objects.filter(recipient=recipient).exists()
