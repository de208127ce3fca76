"""A meeting notice reaches each person once, however often its task runs.

Each e-mail is recorded (kernel.Delivery, per meeting, kind, calendar SEQUENCE and person)
in the transaction that sends it: a retry after a failed e-mail, or a redelivery after a
worker died, e-mails only the people not yet reached. (A real worker killed mid-task:
tests/test_worker_killed.py.)
"""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from kernel.models import Delivery
from meetings import notices, services, tasks

pytestmark = pytest.mark.django_db


def _recipients(vg):
    return {p.email for p in (vg.chair, vg.vice, vg.vgr_member, vg.municipal_member, vg.deputy)}


def _convened(vg, meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.meeting_convene(actor=vg.secretary, meeting=meeting)
    meeting.refresh_from_db()
    return callbacks


def test_running_the_notice_again_emails_nobody_twice(
    vg, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    _convened(vg, meeting, django_capture_on_commit_callbacks)
    assert tasks.meeting_notice_send.apply(args=[meeting.pk, "convened", 0]).get() == 5
    assert tasks.meeting_notice_send.apply(args=[meeting.pk, "convened", 0]).get() == 0
    assert sorted(m.to[0] for m in mailoutbox) == sorted(_recipients(vg))
    assert Delivery.objects.filter(key=f"meeting-notice:{meeting.pk}:convened:0").count() == 5


def test_a_retry_after_a_failed_email_sends_only_to_the_rest(
    vg, meeting, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    _convened(vg, meeting, django_capture_on_commit_callbacks)
    real_send = mail.EmailMessage.send
    calls = []

    def send_failing_on_the_third(message, *args, **kwargs):
        calls.append(message.to[0])
        if len(calls) == 3:
            raise OSError("the mail server hung up")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMessage, "send", send_failing_on_the_third)
    with pytest.raises(OSError):
        notices.meeting_notice_send_now(meeting_id=meeting.pk, kind="convened", sequence=0)
    assert len(mailoutbox) == 2
    assert Delivery.objects.count() == 2  # the failed one is not recorded
    monkeypatch.setattr(mail.EmailMessage, "send", real_send)
    assert notices.meeting_notice_send_now(meeting_id=meeting.pk, kind="convened", sequence=0) == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(_recipients(vg))


def test_the_notice_keeps_the_sequence_it_was_queued_with(
    vg, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    """Convened at SEQUENCE 0, then changed (1) before the worker ran: two notices, and the
    convened one run again after the change still e-mails nobody twice."""
    with django_capture_on_commit_callbacks(execute=False) as convened:
        services.meeting_convene(actor=vg.secretary, meeting=meeting)
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False) as changed:
        services.meeting_update(actor=vg.secretary, meeting=meeting, location="Sal 2")
    for callback in convened + changed + convened:
        callback()
    subjects = [m.subject for m in mailoutbox]
    assert sum(s.startswith("Kallelse") for s in subjects) == 5
    assert sum(s.startswith("Ändrat") for s in subjects) == 5
    keys = set(Delivery.objects.values_list("key", flat=True))
    assert keys == {
        f"meeting-notice:{meeting.pk}:convened:0",
        f"meeting-notice:{meeting.pk}:changed:1",
    }


def test_each_email_has_a_stable_message_id(
    vg, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    _convened(vg, meeting, django_capture_on_commit_callbacks)
    notices.meeting_notice_send_now(meeting_id=meeting.pk, kind="convened", sequence=0)
    ids = {m.message()["Message-ID"] for m in mailoutbox}
    assert len(ids) == 5
    Delivery.objects.all().delete()
    notices.meeting_notice_send_now(meeting_id=meeting.pk, kind="convened", sequence=0)
    assert {m.message()["Message-ID"] for m in mailoutbox[5:]} == ids


def test_the_database_refuses_a_second_delivery(vg):
    Delivery.objects.create(
        key="meeting-notice:1:convened:0", recipient=vg.chair, sent_at="2026-01-01T00:00Z"
    )
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        Delivery.objects.create(
            key="meeting-notice:1:convened:0", recipient=vg.chair, sent_at="2026-01-02T00:00Z"
        )
    assert refused.value.__cause__.diag.constraint_name == "delivery_once_per_recipient"
