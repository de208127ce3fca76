"""The rules of minutes and their approval (R15) as services enforce them."""

import pytest
from django.core.exceptions import PermissionDenied

from forums.models import Forum
from kernel.errors import DomainError
from kernel.models import Notification
from meetings import services
from meetings.models import Minutes, MinutesApproval
from tests.factories import MinutesFactory
from tests.meetings.factories import case_in_preparation
from tests.meetings.service_helpers import _held

pytestmark = pytest.mark.django_db


def _in_approval(vg, meeting):
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    return services.minutes_submit(actor=vg.secretary, minutes=minutes)


# --- Minutes (R15) ---------------------------------------------------------------------------


def test_first_draft_is_generated_from_agenda_attendance_decisions(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    services.attendance_record(
        actor=vg.secretary, meeting=meeting, person=vg.chair, status="present"
    )
    services.decision_record(
        actor=vg.secretary, item=item, outcome="referred_back", text="Oenighet"
    )
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    assert case.reference in minutes.body and "Oenighet" in minutes.body
    assert str(vg.chair) in minutes.body
    with pytest.raises(DomainError):
        services.minutes_draft(actor=vg.secretary, meeting=meeting)


def test_minutes_only_for_held_meetings(vg, meeting):
    with pytest.raises(DomainError):
        services.minutes_draft(actor=vg.secretary, meeting=meeting)


def test_other_party_rule_chair_and_vgr_member_approve(vg, meeting, mailoutbox):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert {"kchair", "vgrvice", "vgrmember"} <= recipients
    assert "kmember" not in recipients  # the chair's party cannot fill the other-party role
    with pytest.raises(DomainError, match="andra parten"):
        services.minutes_approve(actor=vg.municipal_member, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.IN_APPROVAL
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED and minutes.is_locked
    roles = dict(minutes.approvals.values_list("person__username", "role"))
    assert roles == {"kchair": "chair", "vgrmember": "other_party_member"}


def test_approver_without_mandate_is_refused(vg, meeting):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    with pytest.raises((DomainError, PermissionDenied)):
        services.minutes_approve(actor=vg.secretary, minutes=minutes)
    assert not MinutesApproval.objects.exists()


def test_deputy_does_not_approve_as_member(vg, meeting):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.deputy, minutes=minutes)


def test_chair_and_member_rule(vg, meeting):
    vg.group.minutes_approval = Forum.MinutesApproval.CHAIR_AND_MEMBER
    vg.group.save()
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.municipal_member, minutes=minutes)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.vgr_member, minutes=minutes)  # member role filled
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.is_locked


def test_author_cannot_approve_alone(vg, meeting):
    vg.group.minutes_approval = Forum.MinutesApproval.CHAIR
    vg.group.save()
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.chair, meeting=meeting)
    services.minutes_submit(actor=vg.chair, minutes=minutes)
    with pytest.raises(DomainError, match="skrivit utkastet"):
        services.minutes_approve(actor=vg.chair, minutes=minutes)


def test_chair_alone_rule(vg, meeting):
    vg.group.minutes_approval = Forum.MinutesApproval.CHAIR
    vg.group.save()
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.vice, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    minutes.refresh_from_db()
    assert minutes.is_locked


def _approved(vg, meeting):
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    return minutes, item


def test_approved_minutes_are_locked_everywhere(vg, meeting):
    minutes, item = _approved(vg, meeting)
    body = minutes.body
    with pytest.raises(DomainError, match="låsta"):
        services.minutes_update(actor=vg.secretary, minutes=minutes, body="ändrat")
    with pytest.raises(DomainError):
        services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    with pytest.raises(DomainError):
        services.minutes_submit(actor=vg.secretary, minutes=minutes)
    with pytest.raises(DomainError):
        services.decision_record(actor=vg.secretary, item=item, outcome="removed", text="x")
    with pytest.raises(DomainError):
        services.attendance_record(
            actor=vg.secretary, meeting=meeting, person=vg.chair, status="absent"
        )
    minutes.refresh_from_db()
    assert minutes.body == body


def test_correction_is_an_addendum_with_its_own_approval(vg, meeting):
    minutes, _item = _approved(vg, meeting)
    addendum = services.minutes_draft(
        actor=vg.secretary, meeting=meeting, amends=minutes, body="Rättelse"
    )
    assert addendum.amends == minutes and addendum.status == Minutes.Status.DRAFT
    services.minutes_submit(actor=vg.secretary, minutes=addendum)
    services.minutes_approve(actor=vg.chair, minutes=addendum)
    services.minutes_approve(actor=vg.vice, minutes=addendum)
    addendum.refresh_from_db()
    assert addendum.is_locked
    with pytest.raises(DomainError):  # an addendum corrects approved minutes only
        services.minutes_draft(
            actor=vg.secretary,
            meeting=meeting,
            amends=MinutesFactory(meeting=meeting, amends=minutes, author=vg.secretary),
        )


def test_return_to_draft_drops_approvals(vg, meeting):
    _held(vg, meeting)
    minutes = _in_approval(vg, meeting)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    assert not minutes.approvals.exists()
    services.minutes_update(actor=vg.secretary, minutes=minutes, body="Ny text")


def test_drafts_are_not_approved(vg, meeting):
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    with pytest.raises(DomainError):
        services.minutes_approve(actor=vg.chair, minutes=minutes)
