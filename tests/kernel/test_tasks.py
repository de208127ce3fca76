"""Celery end to end: a real worker process, the real Redis broker, the real test database."""

import pytest

from kernel.history import system_user
from kernel.models import Notification
from kernel.services import notification_create
from tests.celery_worker import wait_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
CASE = Notification.Kind.CASE


def test_worker_emails_a_notification_after_commit(celery_worker):
    recipient = UserFactory(email="lena.ledamot@example.se")

    notification = notification_create(
        actor=system_user(),
        recipient=recipient,
        kind=CASE,
        title="Ärendet har eskalerats",
        body="SAM-1",
    )

    def emailed():
        notification.refresh_from_db()
        return notification.emailed_at is not None

    assert wait_for(emailed), "the worker did not e-mail the notification in time"
    mails = [path.read_text() for path in celery_worker.iterdir()]
    assert len(mails) == 1
    assert "lena.ledamot@example.se" in mails[0]
    assert "Ärendet har eskalerats" in mails[0] or "=C3=84rendet" in mails[0]
    history = notification.history.first()
    assert history.history_user == system_user()


def test_email_send_is_idempotent(mailoutbox):
    recipient = UserFactory(email="olle@example.se")
    notification = notification_create(
        actor=system_user(), recipient=recipient, kind=CASE, title="Möte"
    )
    from kernel.tasks import notification_email_send

    notification_email_send.apply(args=[notification.pk])  # a second delivery of the same task
    assert len(mailoutbox) == 1


def test_same_event_notifies_once():
    recipient = UserFactory(email="")
    first = notification_create(
        actor=system_user(), recipient=recipient, kind=CASE, title="x", dedup_key="case:1:escalated"
    )
    second = notification_create(
        actor=system_user(), recipient=recipient, kind=CASE, title="x", dedup_key="case:1:escalated"
    )
    assert first == second
    assert Notification.objects.filter(recipient=recipient).count() == 1


def test_no_email_when_the_transaction_rolls_back(mailoutbox):
    from django.db import transaction

    recipient = UserFactory(email="rollback@example.se")
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_create(
            actor=system_user(), recipient=recipient, kind=CASE, title="Rullas tillbaka"
        )
        raise RuntimeError
    assert mailoutbox == []
    assert not Notification.objects.filter(recipient=recipient).exists()
