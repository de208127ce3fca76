"""Notifications and their e-mails once each, even when a run dies between two steps."""

import pytest

from kernel.history import system_user
from kernel.models import Notification
from kernel.services import notification_create, notification_preference_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _notify(recipient):
    return notification_create(
        actor=system_user(),
        recipient=recipient,
        kind=Notification.Kind.CASE,
        title="Ärendet har eskalerats",
        dedup_key="k:1",
    )


def test_an_email_never_queued_is_queued_when_the_event_is_notified_again(
    mailoutbox, django_capture_on_commit_callbacks
):
    """The run committed the notification and died before the e-mail task was queued: the
    redelivered run finds the notification and queues its e-mail, once."""
    recipient = UserFactory(email="lena@example.se")
    with django_capture_on_commit_callbacks(execute=False):
        _notify(recipient)  # the on-commit callback is lost with the process
    assert mailoutbox == []
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            _notify(recipient)
    assert len(mailoutbox) == 1
    assert Notification.objects.get(recipient=recipient).emailed_at is not None


def test_a_digest_reader_is_not_emailed_at_once_on_a_second_run(
    mailoutbox, django_capture_on_commit_callbacks
):
    recipient = UserFactory(email="dag@example.se")
    notification_preference_set(
        actor=recipient, person=recipient, kind=Notification.Kind.CASE, delivery="daily"
    )
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            _notify(recipient)
    assert mailoutbox == []
