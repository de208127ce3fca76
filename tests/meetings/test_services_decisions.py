"""The rules of decisions (R14) as services enforce them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from escalation.models import Case, CaseEvent, Follow
from forums.models import Forum
from kernel.errors import DomainError
from kernel.models import Notification
from meetings import services
from meetings.models import Decision
from tests.factories import DecisionFactory, UserFactory
from tests.meetings.factories import case_in_preparation
from tests.meetings.service_helpers import _held

pytestmark = pytest.mark.django_db

Outcome = Decision.Outcome


# --- Decisions (R14) -------------------------------------------------------------------------


def test_decided_without_consensus_is_refused(vg, meeting):
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    with pytest.raises(DomainError, match="Utan enighet"):
        services.decision_record(
            actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="Ja", consensus=False
        )
    assert not Decision.objects.exists()


def test_database_refuses_decided_without_consensus(vg, meeting):
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        DecisionFactory(agenda_item__meeting=meeting, outcome="decided", consensus=False)
    assert refused.value.__cause__.diag.constraint_name == "decision_not_decided_without_consensus"


def test_referred_back_moves_the_case_and_tells_followers(
    vg, meeting, django_capture_on_commit_callbacks
):
    case = case_in_preparation(vg.group)
    follower = UserFactory()
    Follow.objects.create(user=follower, case=case)
    item = _held(vg, meeting, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_record(
            actor=vg.secretary, item=item, outcome=Outcome.REFERRED_BACK, text="Ingen enighet"
        )
    assert decision.consensus is False
    case.refresh_from_db()
    assert case.status == Case.Status.REFERRED_BACK
    event = case.events.order_by("-at", "-pk").first()
    assert event.kind == CaseEvent.Kind.REFERRED_BACK and event.by_meeting_decision
    assert Notification.objects.filter(recipient=follower).exists()


def test_consensus_decision_decides_the_case(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    decision = services.decision_record(
        actor=vg.secretary,
        item=item,
        outcome=Outcome.DECIDED,
        text="Vi tillstyrker",
        consensus=True,
    )
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED and case.outcome == "Vi tillstyrker"
    assert decision.consensus is True and decision.is_joint_position is False


def test_escalated_decision_moves_the_case_up(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    services.decision_record(actor=vg.secretary, item=item, outcome=Outcome.ESCALATED, text="Upp")
    case.refresh_from_db()
    assert case.current_forum == vg.sro and case.status == Case.Status.OPEN


def test_removed_decision(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    services.decision_record(actor=vg.secretary, item=item, outcome=Outcome.REMOVED, text="Av")
    case.refresh_from_db()
    assert case.status == Case.Status.REMOVED


def test_two_parties_do_not_make_a_partnership(vg, meeting):
    """Västra Götaland's preparatory group has two parties but is not a partnership (seed
    002): its decisions are ordinary decisions, not joint positions that bind no party."""
    assert vg.structure.parties.count() == 2
    assert not vg.structure.is_partnership
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    decision = services.decision_record(
        actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="Beslut", consensus=True
    )
    assert not decision.is_joint_position


def test_partnership_decisions_are_joint_positions(vg, meeting):
    vg.structure.is_partnership = True
    vg.structure.save()
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    decision = services.decision_record(
        actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="Gemensamt", consensus=True
    )
    assert decision.is_joint_position


def test_majority_forum_records_votes(vg, meeting):
    vg.group.decision_rule = Forum.DecisionRule.MAJORITY
    vg.group.save()
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    with pytest.raises(ValidationError):
        services.decision_record(actor=vg.secretary, item=item, outcome=Outcome.DECIDED, text="x")
    with pytest.raises(ValidationError):
        services.decision_record(
            actor=vg.secretary, item=item, outcome="decided", text="x", votes_for=2, votes_against=3
        )
    decision = services.decision_record(
        actor=vg.secretary,
        item=item,
        outcome="decided",
        text="x",
        votes_for=4,
        votes_against=1,
        votes_abstaining=1,
    )
    assert (decision.votes_for, decision.votes_against, decision.consensus) == (4, 1, None)


def test_members_cannot_record_decisions(vg, meeting):
    item = _held(vg, meeting, case=case_in_preparation(vg.group))
    with pytest.raises(PermissionDenied):
        services.decision_record(actor=vg.vgr_member, item=item, outcome="removed", text="x")
