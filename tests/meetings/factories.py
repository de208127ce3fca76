"""Helpers of the meetings tests (the shared factories are in tests/factories.py)."""

from escalation.models import Case
from tests.factories import AgendaItemFactory, CaseFactory


def case_in_preparation(forum, **kwargs):
    return CaseFactory(
        origin_forum=forum, current_forum=forum, status=Case.Status.IN_PREPARATION, **kwargs
    )


def agenda_items(meeting, n, **kwargs):
    return [AgendaItemFactory(meeting=meeting, **kwargs) for _ in range(n)]


def sealed_minutes(meeting, **kwargs):
    """Approved minutes of `meeting` with their seal (snapshot and stored PDF), as the final
    approval leaves them."""
    from kernel.history import system_user
    from meetings.sealing import seal_minutes
    from tests.factories import MinutesFactory

    minutes = MinutesFactory(meeting=meeting, approved=True, **kwargs)
    seal_minutes(minutes, actor=system_user())
    return minutes
