"""Helpers of the meetings tests (the shared factories are in tests/factories.py)."""

from escalation.models import Case
from tests.factories import AgendaItemFactory, CaseFactory


def case_in_preparation(forum, **kwargs):
    return CaseFactory(
        origin_forum=forum, current_forum=forum, status=Case.Status.IN_PREPARATION, **kwargs
    )


def agenda_items(meeting, n, **kwargs):
    return [AgendaItemFactory(meeting=meeting, **kwargs) for _ in range(n)]
