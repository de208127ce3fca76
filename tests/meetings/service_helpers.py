"""Helpers shared by the test_services modules."""

from meetings import services
from meetings.models import AgendaItem
from tests.meetings.factories import started


def _held(vg, meeting, *, case=None):
    item = None
    if case is not None:
        item = services.agenda_item_add(
            actor=vg.secretary, meeting=meeting, title="", kind=AgendaItem.Kind.DECISION, case=case
        )
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    meeting.refresh_from_db()
    return item
