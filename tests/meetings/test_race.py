"""Approvers at the same moment and an edit racing the final approval, on PostgreSQL with
real threads (each with its own connection). The minutes row lock serialises them: the
second transaction is seen waiting on it (tests/lockwait.py), then sees the first's work."""

import pytest
from django.db import connection
from django.utils import translation

from kernel.errors import DomainError
from meetings import services
from meetings.models import Minutes, MinutesApproval
from tests.lockwait import first_holds_second_waits
from tests.meetings.factories import started

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _approve(actor, minutes):
    return lambda: services.minutes_approve(actor=actor, minutes=Minutes.objects.get(pk=minutes.pk))


def _in_english(service, **arguments):
    with translation.override("en"):
        return service(**arguments)


def _in_approval(vg, meeting):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    return services.minutes_submit(actor=vg.secretary, minutes=minutes)


def test_two_approvers_at_once_lose_nothing(vg, meeting):
    """The second approver waits for the first; then sees its approval and completes them."""
    minutes = _in_approval(vg, meeting)
    first, second = first_holds_second_waits(
        _approve(vg.chair, minutes), _approve(vg.vgr_member, minutes)
    )
    assert isinstance(first, Minutes), first
    assert isinstance(second, Minutes), second
    minutes.refresh_from_db()
    assert set(
        MinutesApproval.objects.filter(minutes=minutes).values_list("person", flat=True)
    ) == {
        vg.chair.pk,
        vg.vgr_member.pk,
    }
    assert minutes.status == Minutes.Status.APPROVED


def test_two_other_party_members_at_once_give_one_approval(vg, meeting):
    minutes = _in_approval(vg, meeting)
    first, second = first_holds_second_waits(
        _approve(vg.vice, minutes), _approve(vg.vgr_member, minutes)
    )
    assert isinstance(first, Minutes), first
    assert isinstance(second, DomainError), second
    assert list(
        MinutesApproval.objects.filter(minutes=minutes).values_list("person", flat=True)
    ) == [vg.vice.pk]


def test_edit_racing_the_final_approval_never_changes_locked_minutes(vg, meeting):
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    original = Minutes.objects.get(pk=minutes.pk).body
    seen_by_secretary = Minutes.objects.get(pk=minutes.pk)
    first, second = first_holds_second_waits(
        _approve(vg.vgr_member, minutes),
        lambda: _in_english(
            services.minutes_update, actor=vg.secretary, minutes=seen_by_secretary, body="ändrat"
        ),
    )
    assert isinstance(first, Minutes), first
    assert isinstance(second, DomainError), second
    assert str(second).startswith("Approved minutes are locked")  # it saw the approval
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.body == original
    approved_version = minutes.history.filter(status=Minutes.Status.APPROVED).earliest(
        "history_date"
    )
    assert not minutes.history.filter(history_date__gt=approved_version.history_date).exists()
