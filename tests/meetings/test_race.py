"""Approvers at the same moment and an edit racing the final approval, on PostgreSQL with
real threads (each with its own connection). The minutes row lock serialises them."""

import threading
import time

import pytest
from django.db import connection

from kernel.errors import DomainError
from meetings import services
from meetings.models import Minutes, MinutesApproval

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


@pytest.fixture
def slow_lock(monkeypatch):
    original = services._lock_minutes

    def slow(minutes):
        locked = original(minutes)
        time.sleep(0.05)
        return locked

    monkeypatch.setattr(services, "_lock_minutes", slow)


def _race(*actions):
    barrier = threading.Barrier(len(actions))
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except DomainError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _in_approval(vg, meeting):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    return services.minutes_submit(actor=vg.secretary, minutes=minutes)


def test_two_approvers_at_once_lose_nothing(vg, meeting, slow_lock):
    minutes = _in_approval(vg, meeting)
    errors = _race(
        lambda: services.minutes_approve(
            actor=vg.chair, minutes=Minutes.objects.get(pk=minutes.pk)
        ),
        lambda: services.minutes_approve(
            actor=vg.vgr_member, minutes=Minutes.objects.get(pk=minutes.pk)
        ),
    )
    assert errors == []
    minutes.refresh_from_db()
    assert MinutesApproval.objects.filter(minutes=minutes).count() == 2
    assert minutes.status == Minutes.Status.APPROVED


def test_two_other_party_members_at_once_give_one_approval(vg, meeting, slow_lock):
    minutes = _in_approval(vg, meeting)
    errors = _race(
        lambda: services.minutes_approve(actor=vg.vice, minutes=Minutes.objects.get(pk=minutes.pk)),
        lambda: services.minutes_approve(
            actor=vg.vgr_member, minutes=Minutes.objects.get(pk=minutes.pk)
        ),
    )
    assert len(errors) == 1
    assert MinutesApproval.objects.filter(minutes=minutes).count() == 1


def test_edit_racing_the_final_approval_never_changes_locked_minutes(vg, meeting, slow_lock):
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    original = Minutes.objects.get(pk=minutes.pk).body
    for _ in range(3):
        _race(
            lambda: services.minutes_approve(
                actor=vg.vgr_member, minutes=Minutes.objects.get(pk=minutes.pk)
            ),
            lambda: services.minutes_update(
                actor=vg.secretary, minutes=Minutes.objects.get(pk=minutes.pk), body="ändrat"
            ),
        )
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.body == original
    approved_version = minutes.history.filter(status=Minutes.Status.APPROVED).earliest(
        "history_date"
    )
    assert not minutes.history.filter(history_date__gt=approved_version.history_date).exists()
