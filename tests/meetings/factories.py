"""Helpers of the meetings tests (the shared factories are in tests/factories.py)."""

import datetime

from django.utils import timezone

from escalation.models import Case
from tests.factories import AgendaItemFactory, CaseFactory


def case_in_preparation(forum, **kwargs):
    return CaseFactory(
        origin_forum=forum, current_forum=forum, status=Case.Status.IN_PREPARATION, **kwargs
    )


def agenda_items(meeting, n, **kwargs):
    return [AgendaItemFactory(meeting=meeting, **kwargs) for _ in range(n)]


def started(meeting, *, hours_ago=3):
    """Move a coming meeting to have begun `hours_ago` hours ago (and ended since): a
    meeting is marked held only once it has started."""
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=hours_ago)
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
    meeting.save(update_fields=["starts_at", "ends_at"])
    return meeting


def sealed_minutes(meeting, **kwargs):
    """Approved minutes of `meeting` with their seal (snapshot and stored PDF), as the final
    approval leaves them."""
    from kernel.history import system_user
    from meetings.sealing import seal_minutes
    from tests.factories import MinutesFactory

    minutes = MinutesFactory(meeting=meeting, approved=True, **kwargs)
    seal_minutes(minutes, actor=system_user())
    return minutes
