"""The case services: escalation rules and feedback down the path."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from escalation import services
from escalation.models import Case, CaseEvent
from forums.models import Forum
from kernel.errors import DomainError, InvalidTransition
from mandates.models import Mandate
from tests.escalation.factories import raise_case
from tests.factories import DecisionFactory, ForumFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Case.Status
Kind = CaseEvent.Kind


# --- Escalation ------------------------------------------------------------------------------


def test_escalation_moves_one_tier_up_and_keeps_the_origin(case, operative_chair, tactical_forum):
    case = services.case_start_preparation(actor=operative_chair, case=case)
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    assert case.current_forum == tactical_forum
    assert case.origin_forum.tier == Forum.Tier.OPERATIVE
    assert case.status == Status.OPEN  # waits for preparation at the new forum
    assert case.prepared_by is None
    event = case.events.get(kind=Kind.ESCALATED)
    assert (event.from_forum.tier, event.to_forum, event.reason) == (
        Forum.Tier.OPERATIVE,
        tactical_forum,
        "Berör fler",
    )
    assert (event.from_status, event.to_status) == (Status.IN_PREPARATION, Status.OPEN)


def test_escalation_goes_operative_tactical_strategic_and_stops(
    case, operative_chair, chair_user, strategic_chair, strategic_forum
):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    case = services.case_escalate(actor=chair_user, case=case, reason="Strategisk fråga")
    assert case.current_forum == strategic_forum
    with pytest.raises(InvalidTransition):
        services.case_escalate(actor=strategic_chair, case=case, reason="Högre?")
    assert case.events.filter(kind=Kind.ESCALATED).count() == 2


def test_a_case_raised_at_the_strategic_tier_cannot_escalate(strategic_forum, strategic_chair):
    case = raise_case(strategic_chair, strategic_forum)
    with pytest.raises(InvalidTransition):
        services.case_escalate(actor=strategic_chair, case=case, reason="Uppåt")


def test_escalation_only_to_the_forums_target(case, operative_chair, strategic_forum, structure):
    other_tactical = ForumFactory(
        structure=structure, tier=Forum.Tier.TACTICAL, escalates_to=strategic_forum
    )
    for wrong in (strategic_forum, other_tactical):
        with pytest.raises(ValidationError) as error:
            services.case_escalate(
                actor=operative_chair, case=case, reason="Fel mål", to_forum=wrong
            )
        assert "to_forum" in error.value.message_dict
    case.refresh_from_db()
    assert case.current_forum == case.origin_forum


def test_a_forum_without_target_cannot_escalate(structure, give_mandate):
    lonely = ForumFactory(structure=structure, tier=Forum.Tier.OPERATIVE, escalates_to=None)
    leader = UserFactory()
    give_mandate(leader, lonely, Mandate.Role.CHAIR)
    case = raise_case(leader, lonely)
    with pytest.raises(InvalidTransition):
        services.case_escalate(actor=leader, case=case, reason="Uppåt")


@pytest.mark.parametrize(
    ("role", "may"),
    [
        (Mandate.Role.CHAIR, True),
        (Mandate.Role.VICE_CHAIR, True),
        (Mandate.Role.SECRETARY, True),
        (Mandate.Role.MEMBER, False),
        (Mandate.Role.DEPUTY, False),
        (Mandate.Role.CO_OPTED, False),
        (Mandate.Role.CONTACT_PERSON, False),
    ],
)
def test_only_the_current_forums_leaders_escalate(case, operative_forum, give_mandate, role, may):
    person = UserFactory()
    give_mandate(person, operative_forum, role)
    if may:
        assert services.case_escalate(actor=person, case=case, reason="Uppåt").status == "open"
    else:
        with pytest.raises(PermissionDenied):
            services.case_escalate(actor=person, case=case, reason="Uppåt")


def test_leading_the_origin_does_not_allow_escalating_further(case, operative_chair, chair_user):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    with pytest.raises(PermissionDenied):
        services.case_escalate(actor=operative_chair, case=case, reason="Ännu högre")


def _decision(case, forum, outcome):
    return DecisionFactory(
        agenda_item__meeting__forum=forum, agenda_item__case=case, outcome=outcome
    )


def test_a_meeting_decision_authorises_escalation(case, representative_user, operative_forum):
    decision = _decision(case, operative_forum, "escalated")
    case = services.case_escalate(
        actor=representative_user,
        case=case,
        reason="Beslut på mötet",
        authorised_by_decision=decision,
    )
    assert case.events.get(kind=Kind.ESCALATED).by_meeting_decision is True


def test_a_truthy_value_is_no_decision(case, representative_user):
    with pytest.raises(DomainError, match="Mötesbeslutet kan inte flytta ärendet"):
        services.case_escalate(
            actor=representative_user, case=case, reason="Påhitt", authorised_by_decision=True
        )
    case.refresh_from_db()
    assert case.status == "open" and not case.events.filter(kind=Kind.ESCALATED).exists()


def test_a_decision_of_another_case_authorises_nothing(case, representative_user, operative_forum):
    other = raise_case(representative_user, operative_forum, title="Ett annat ärende")
    decision = _decision(other, operative_forum, "escalated")
    with pytest.raises(DomainError, match="Mötesbeslutet kan inte flytta ärendet"):
        services.case_escalate(
            actor=representative_user,
            case=case,
            reason="Fel ärende",
            authorised_by_decision=decision,
        )
    case.refresh_from_db()
    assert case.current_forum == operative_forum


def test_a_decision_of_another_forum_authorises_nothing(
    case, representative_user, operative_forum, tactical_forum
):
    decision = _decision(case, tactical_forum, "removed")
    with pytest.raises(DomainError, match="Mötesbeslutet kan inte flytta ärendet"):
        services.case_remove(
            actor=representative_user,
            case=case,
            reason="Fel forum",
            authorised_by_decision=decision,
        )
    case.refresh_from_db()
    assert case.status == "open"


def test_a_decision_authorises_only_its_own_outcome(case, representative_user, operative_forum):
    removed = _decision(case, operative_forum, "removed")
    with pytest.raises(DomainError, match="Mötesbeslutet kan inte flytta ärendet"):
        services.case_escalate(
            actor=representative_user,
            case=case,
            reason="Fel utfall",
            authorised_by_decision=removed,
        )
    with pytest.raises(DomainError, match="Mötesbeslutet kan inte flytta ärendet"):
        services.case_start_preparation(
            actor=representative_user, case=case, authorised_by_decision=removed
        )
    case = services.case_remove(
        actor=representative_user, case=case, reason="Avförs", authorised_by_decision=removed
    )
    assert case.status == "removed"


def test_a_wound_down_target_takes_no_cases(case, operative_chair, tactical_forum):
    tactical_forum.active_from = datetime.date(2020, 1, 1)
    tactical_forum.active_to = timezone.localdate() - datetime.timedelta(days=1)
    tactical_forum.save()
    with pytest.raises(DomainError):
        services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")


# --- Feedback down the path ------------------------------------------------------------------


def _decided_at_the_top(case, operative_chair, chair_user, strategic_chair):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    case = services.case_escalate(actor=chair_user, case=case, reason="Ännu högre")
    case = services.case_start_preparation(actor=strategic_chair, case=case)
    case = services.case_schedule(actor=strategic_chair, case=case)
    return services.case_decide(actor=strategic_chair, case=case, outcome="Styrgruppen enas.")


def test_feedback_returns_to_the_origin_and_is_acknowledged_there(
    case, operative_chair, chair_user, strategic_chair, operative_forum
):
    case = _decided_at_the_top(case, operative_chair, chair_user, strategic_chair)
    with pytest.raises(InvalidTransition):
        services.case_close(actor=strategic_chair, case=case)  # escalated: feedback first
    case = services.case_give_feedback(actor=strategic_chair, case=case, feedback="Vi enades.")
    assert (case.status, case.current_forum, case.feedback) == (
        Status.FEEDBACK_GIVEN,
        operative_forum,
        "Vi enades.",
    )
    event = case.events.get(kind=Kind.FEEDBACK_GIVEN)
    assert (event.from_forum.tier, event.to_forum) == (Forum.Tier.STRATEGIC, operative_forum)
    with pytest.raises(PermissionDenied):
        services.case_acknowledge_feedback(actor=strategic_chair, case=case)
    case = services.case_acknowledge_feedback(actor=operative_chair, case=case, note="Tack")
    assert case.status == Status.CLOSED
    assert case.events.last().kind == Kind.FEEDBACK_ACKNOWLEDGED
