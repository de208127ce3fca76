"""Two people acting on the same case at the same moment, on PostgreSQL, with real threads.

Each thread has its own database connection (Django's connections are per thread) and
closes it at the end. The lock is held a little longer than usual, so the second thread
really waits on the row lock while the first one is inside its transaction.
"""

import threading
import time

import pytest
from django.db import connection

from escalation import services
from escalation.errors import CaseChangedMeanwhile
from escalation.models import Case, CaseEvent
from mandates.models import Mandate
from tests.escalation.factories import raise_case
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

ITERATIONS = 50
Kind = CaseEvent.Kind


@pytest.fixture
def slow_lock(monkeypatch):
    """Hold the case's row lock for 20 ms, so that the other thread queues behind it."""
    original = services._lock

    def slow(case, expected_version):
        locked = original(case, expected_version)
        time.sleep(0.02)
        return locked

    monkeypatch.setattr(services, "_lock", slow)


@pytest.fixture
def vice_chair(operative_forum, give_mandate):
    user = UserFactory(username="vice")
    give_mandate(user, operative_forum, Mandate.Role.VICE_CHAIR)
    return user


def _race(*actions):
    """Run the actions in threads released at the same moment; return what each gave."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=10)
            action()
            results[index] = "done"
        except CaseChangedMeanwhile:
            results[index] = "changed meanwhile"
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = repr(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(results)


def test_two_leaders_escalating_at_once_give_one_escalation(
    slow_lock, representative_user, operative_forum, tactical_forum, operative_chair, vice_chair
):
    for iteration in range(ITERATIONS):
        case = raise_case(representative_user, operative_forum, title=f"Ärende {iteration}")
        # Both pages showed the case at version 0.
        seen_by_chair = Case.objects.get(pk=case.pk)
        seen_by_vice = Case.objects.get(pk=case.pk)
        results = _race(
            lambda c=seen_by_chair: services.case_escalate(
                actor=operative_chair, case=c, reason="Ordföranden eskalerar"
            ),
            lambda c=seen_by_vice: services.case_escalate(
                actor=vice_chair, case=c, reason="Vice ordföranden eskalerar"
            ),
        )
        assert results == ["changed meanwhile", "done"], (iteration, results)
        case.refresh_from_db()
        assert case.current_forum == tactical_forum  # one tier up, not two
        assert case.version == 1
        assert case.events.filter(kind=Kind.ESCALATED).count() == 1
        assert Case.history.filter(id=case.pk).count() == 2  # raised + escalated


def test_two_deciding_at_once_give_one_decision(
    slow_lock, representative_user, operative_forum, operative_chair, vice_chair
):
    for iteration in range(ITERATIONS):
        case = raise_case(representative_user, operative_forum, title=f"Ärende {iteration}")
        case = services.case_start_preparation(actor=operative_chair, case=case)
        case = services.case_schedule(actor=operative_chair, case=case)
        first, second = Case.objects.get(pk=case.pk), Case.objects.get(pk=case.pk)
        results = _race(
            lambda c=first: services.case_decide(actor=operative_chair, case=c, outcome="Ja"),
            lambda c=second: services.case_escalate(actor=vice_chair, case=c, reason="Nej"),
        )
        assert results == ["changed meanwhile", "done"], (iteration, results)
        case.refresh_from_db()
        kinds = list(case.events.values_list("kind", flat=True))
        assert kinds[:3] == [Kind.RAISED, Kind.STATUS_CHANGED, Kind.SCHEDULED]
        assert len(kinds) == 4 and kinds[3] in (Kind.DECIDED, Kind.ESCALATED)
        assert case.version == 3


def test_concurrent_raising_gives_distinct_references_without_gaps(
    representative_user, operative_forum
):
    """Four people raise five cases each at once; the first raises race to make the counter."""

    def raise_five():
        for _ in range(5):
            raise_case(representative_user, operative_forum)

    results = _race(raise_five, raise_five, raise_five, raise_five)
    assert results == ["done"] * 4
    numbers = sorted(
        int(ref.rsplit("-", 1)[1]) for ref in Case.objects.values_list("reference", flat=True)
    )
    assert numbers == list(range(1, 21))
