"""A meeting decision moves only its own case, at the forum where the case is now.

The case was on the agenda of the group's meeting and was escalated before the meeting
decided: a decision posted on that old agenda item must not move the case at the forum
above (crafted POST), and nothing is saved.
"""

import pytest
from django.urls import reverse

from escalation import services as escalation
from escalation.models import Case
from kernel.errors import DomainError
from meetings import services
from meetings.models import Decision
from tests.meetings.factories import case_in_preparation
from tests.meetings.service_helpers import _held

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_on(vg, meeting):
    """A case on the group's agenda that was escalated to SRO before the decision."""
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    case.refresh_from_db()
    escalation.case_escalate(actor=vg.chair, case=case, reason="Brådskande")
    case.refresh_from_db()
    assert case.current_forum == vg.sro and case.status == Case.Status.OPEN
    return case, item


@pytest.mark.parametrize(
    ("outcome", "text"), [("removed", "Avförs"), ("escalated", "Ännu högre upp")]
)
def test_a_crafted_post_on_the_old_item_does_not_move_the_case(client, vg, moved_on, outcome, text):
    case, item = moved_on
    client.force_login(vg.secretary)
    response = client.post(
        reverse("meetings:decision_record", args=[item.pk]), {"outcome": outcome, "text": text}
    )
    assert response.status_code == 200
    assert "Mötesbeslutet kan inte flytta ärendet" in response.content.decode()
    case.refresh_from_db()
    assert case.current_forum == vg.sro and case.status == Case.Status.OPEN
    assert not Decision.objects.filter(agenda_item=item).exists()
    assert not case.events.filter(by_meeting_decision=True).exists()


def test_the_service_refuses_too(vg, moved_on):
    case, item = moved_on
    with pytest.raises(DomainError, match="Mötesbeslutet kan inte flytta ärendet"):
        services.decision_record(actor=vg.secretary, item=item, outcome="removed", text="Avförs")
    assert not Decision.objects.filter(agenda_item=item).exists()


def test_a_decision_at_the_cases_own_forum_moves_it(vg, meeting):
    case = case_in_preparation(vg.group)
    item = _held(vg, meeting, case=case)
    decision = services.decision_record(
        actor=vg.secretary, item=item, outcome="removed", text="Avförs"
    )
    case.refresh_from_db()
    assert case.status == Case.Status.REMOVED
    assert case.events.get(kind="removed").by_meeting_decision
    assert decision.agenda_item.case == case
