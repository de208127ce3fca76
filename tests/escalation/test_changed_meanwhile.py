"""“The case changed meanwhile” wins over “forbidden” (issue 12, item 6).

Two leaders of the operative forum see the same case. The chair escalates it to the
tactical forum, which the vice chair does not lead; the vice chair's step, posted from the
page they saw, is told that the case changed meanwhile (with the case page as the way on),
not a bare 403. Both one after the other and at the same moment (PostgreSQL, real threads,
the second seen waiting on the lock as in test_race.py).
"""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from escalation import services
from escalation.errors import CaseChangedMeanwhile
from escalation.models import Case, CaseEvent
from kernel.errors import InvalidTransition
from mandates.models import Mandate
from tests.escalation.factories import raise_case
from tests.factories import UserFactory
from tests.lockwait import first_holds_second_waits

Status = Case.Status


@pytest.fixture
def vice_chair(operative_forum, give_mandate):
    user = UserFactory(username="vice")
    give_mandate(user, operative_forum, Mandate.Role.VICE_CHAIR)
    return user


def _post_step(client, case, step, version, **data):
    with translation.override("en"):
        return client.post(
            reverse("escalation:case_step", args=[case.reference, step]),
            {"version": version, **data},
            HTTP_ACCEPT_LANGUAGE="en",
        )


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
@pytest.mark.parametrize("step, data", [("forbered", {}), ("eskalera", {"reason": "Igen"})])
def test_a_stale_page_is_told_the_case_moved_not_forbidden(
    client, representative_user, operative_forum, tactical_forum, operative_chair, vice_chair,
    step, data,
):  # fmt: skip
    case = raise_case(representative_user, operative_forum)
    seen = case.version  # the vice chair's page shows this version
    services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    client.force_login(vice_chair)
    response = _post_step(client, case, step, seen, **data)
    assert response.status_code == 302, response.status_code
    assert response["Location"] == case.get_absolute_url()
    [message] = _messages(response)
    assert "changed meanwhile" in message and tactical_forum.name in message
    case.refresh_from_db()
    assert (case.status, case.current_forum) == (Status.OPEN, tactical_forum)
    assert case.events.filter(kind=CaseEvent.Kind.ESCALATED).count() == 1


@pytest.mark.django_db
def test_the_current_page_of_someone_not_leading_is_still_forbidden(
    client, representative_user, operative_forum, operative_chair, vice_chair
):
    """The stale check does not open the door: with the current version, a 403."""
    case = raise_case(representative_user, operative_forum)
    services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    client.force_login(vice_chair)
    assert _post_step(client, case, "forbered", case.version).status_code == 403


@pytest.mark.django_db
def test_the_service_says_changed_meanwhile_before_forbidden(
    representative_user, operative_forum, operative_chair, vice_chair
):
    case = raise_case(representative_user, operative_forum)
    seen = case.version
    services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    now = Case.objects.get(pk=case.pk)
    with pytest.raises(CaseChangedMeanwhile):
        services.case_start_preparation(actor=vice_chair, case=now, expected_version=seen)
    with pytest.raises(PermissionDenied):
        services.case_start_preparation(actor=vice_chair, case=now, expected_version=now.version)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_at_the_same_moment_the_second_is_told_it_changed(
    representative_user, operative_forum, tactical_forum, operative_chair, vice_chair
):
    case = raise_case(representative_user, operative_forum)
    seen = case.version
    chair_client, vice_client = Client(), Client()
    chair_client.force_login(operative_chair)
    vice_client.force_login(vice_chair)
    first, second = first_holds_second_waits(
        lambda: _post_step(chair_client, case, "eskalera", seen, reason="Berör fler"),
        lambda: _post_step(vice_client, case, "forbered", seen),
    )
    assert first.status_code == 302 and second.status_code == 302, (first, second)
    assert second["Location"] == case.get_absolute_url()
    assert any("changed meanwhile" in message for message in _messages(second))
    case.refresh_from_db()
    assert (case.status, case.current_forum) == (Status.OPEN, tactical_forum)


# --- the top tier ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_escalating_from_the_top_says_the_strategic_level_is_the_top(
    client, representative_user, strategic_forum, strategic_chair
):
    case = raise_case(strategic_chair, strategic_forum)
    client.force_login(strategic_chair)
    with translation.override("en"):
        response = client.get(
            reverse("escalation:case_step", args=[case.reference, "eskalera"]),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 302
    [message] = _messages(response)
    assert "strategic level, the top tier" in message
    assert case.get_status_display() not in message  # the status is not what stops it
    with translation.override("en"), pytest.raises(InvalidTransition, match="top tier"):
        services.case_escalate(actor=strategic_chair, case=case, reason="Högre")
