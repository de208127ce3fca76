"""A real worker's child SIGKILLed in the middle of a meeting notice: the parent requeues the
task (acks_late, reject_on_worker_lost), a new child runs it again, and every member gets
the notice exactly once (the deliveries recorded with each send, kernel.Delivery)."""

import re

import pytest

from kernel.models import Delivery
from meetings import services
from tests.celery_worker import celery_worker_process, emails, kill_paused_child, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_notice_interrupted_by_sigkill_reaches_everyone_once(vg, meeting, tmp_path):
    expected = sorted(
        p.email for p in (vg.chair, vg.vice, vg.vgr_member, vg.municipal_member, vg.deputy)
    )
    key = f"meeting-notice:{meeting.pk}:convened:0"
    # The child stops in the third e-mail's send: two people have it, the third's delivery
    # is inserted but not committed.
    pause = ("django.core.mail.message:EmailMessage.send", 3)
    with celery_worker_process(tmp_path, prefork=True, pause_in=pause) as mail_dir:
        services.meeting_convene(actor=vg.secretary, meeting=meeting)
        kill_paused_child(tmp_path)
        assert len(emails(mail_dir)) == 2
        assert wait_for(
            lambda: Delivery.objects.filter(key=key).count() == 5 and len(emails(mail_dir)) == 5,
            seconds=30,
        ), "the requeued notice was not sent to the rest"
    assert sorted(message["To"] for message in emails(mail_dir)) == expected
    log = (tmp_path / "worker.log").read_text()
    assert "WorkerLostError" in log and "SIGKILL" in log
    assert re.search(r"meeting_notice_send\[[^]]+\] succeeded in [\d.]+s: 3\b", log), (
        "the redelivered run should have e-mailed only the three not yet reached"
    )
