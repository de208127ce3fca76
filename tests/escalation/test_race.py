"""Two people acting on the same case at the same moment, on PostgreSQL, with real threads.

Each thread has its own database connection. The first action's transaction stays open
until the second is seen waiting on the lock in pg_stat_activity (tests/lockwait.py); then
the first commits and the second goes on, and must see what the first did.
"""

import pytest
from django.db import connection

from escalation import services
from escalation.errors import CaseChangedMeanwhile
from escalation.models import Case, CaseEvent, CaseReferenceCounter
from mandates.models import Mandate
from tests.escalation.factories import raise_case
from tests.factories import UserFactory
from tests.lockwait import first_holds_second_waits

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

Kind = CaseEvent.Kind


@pytest.fixture
def vice_chair(operative_forum, give_mandate):
    user = UserFactory(username="vice")
    give_mandate(user, operative_forum, Mandate.Role.VICE_CHAIR)
    return user


@pytest.mark.parametrize("chair_first", [True, False])
def test_two_leaders_escalating_at_once_give_one_escalation(
    representative_user, operative_forum, tactical_forum, operative_chair, vice_chair, chair_first
):
    case = raise_case(representative_user, operative_forum)
    # Both pages showed the case at version 0.
    seen_by_chair = Case.objects.get(pk=case.pk)
    seen_by_vice = Case.objects.get(pk=case.pk)
    by_chair = lambda: services.case_escalate(  # noqa: E731
        actor=operative_chair, case=seen_by_chair, reason="Ordföranden eskalerar"
    )
    by_vice = lambda: services.case_escalate(  # noqa: E731
        actor=vice_chair, case=seen_by_vice, reason="Vice ordföranden eskalerar"
    )
    first, second = first_holds_second_waits(
        *((by_chair, by_vice) if chair_first else (by_vice, by_chair))
    )
    assert isinstance(first, Case), first
    assert isinstance(second, CaseChangedMeanwhile), second
    case.refresh_from_db()
    assert case.current_forum == tactical_forum  # one tier up, not two
    assert case.version == 1
    assert case.events.filter(kind=Kind.ESCALATED).count() == 1
    assert Case.history.filter(id=case.pk).count() == 2  # raised + escalated


@pytest.mark.parametrize("decide_first", [True, False])
def test_two_deciding_at_once_give_one_decision(
    representative_user, operative_forum, operative_chair, vice_chair, decide_first
):
    case = raise_case(representative_user, operative_forum)
    case = services.case_start_preparation(actor=operative_chair, case=case)
    case = services.case_schedule(actor=operative_chair, case=case)
    seen_by_chair, seen_by_vice = Case.objects.get(pk=case.pk), Case.objects.get(pk=case.pk)
    decide = lambda: services.case_decide(  # noqa: E731
        actor=operative_chair, case=seen_by_chair, outcome="Ja"
    )
    escalate = lambda: services.case_escalate(  # noqa: E731
        actor=vice_chair, case=seen_by_vice, reason="Nej"
    )
    first, second = first_holds_second_waits(
        *((decide, escalate) if decide_first else (escalate, decide))
    )
    assert isinstance(first, Case), first
    assert isinstance(second, CaseChangedMeanwhile), second
    case.refresh_from_db()
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == [
        Kind.RAISED,
        Kind.STATUS_CHANGED,
        Kind.SCHEDULED,
        Kind.DECIDED if decide_first else Kind.ESCALATED,
    ]
    assert case.version == 3


def _references():
    return sorted(Case.objects.values_list("reference", flat=True))


def test_the_first_two_raises_of_a_year_race_to_make_the_counter(
    representative_user, operative_forum
):
    """The second creator of the counter row waits on the first's insert, loses the unique
    constraint, and takes the next number from the winner's row."""
    assert not CaseReferenceCounter.objects.exists()
    first, second = first_holds_second_waits(
        lambda: raise_case(representative_user, operative_forum, title="Först"),
        lambda: raise_case(representative_user, operative_forum, title="Sedan"),
    )
    assert isinstance(first, Case), first
    assert isinstance(second, Case), second
    assert first.reference.endswith("-0001")
    assert second.reference.endswith("-0002")
    assert CaseReferenceCounter.objects.get().last_number == 2


def test_concurrent_raising_gives_distinct_references_without_gaps(
    representative_user, operative_forum
):
    """Once the counter exists, a second raise waits on its row lock and takes the next one."""
    raise_case(representative_user, operative_forum)
    first, second = first_holds_second_waits(
        lambda: raise_case(representative_user, operative_forum),
        lambda: raise_case(representative_user, operative_forum),
    )
    assert isinstance(first, Case), first
    assert isinstance(second, Case), second
    assert [first.reference[-4:], second.reference[-4:]] == ["0002", "0003"]
    assert [ref[-4:] for ref in _references()] == ["0001", "0002", "0003"]
