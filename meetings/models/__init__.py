"""The meetings models, one module per topic; `from meetings.models import X` sees them all."""

from .follow_up import ActionItem, CalendarToken
from .meetings import AgendaItem, Attendance, Decision, Meeting
from .minutes import Minutes, MinutesApproval, MinutesSeal

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Attendance",
    "CalendarToken",
    "Decision",
    "Meeting",
    "Minutes",
    "MinutesApproval",
    "MinutesSeal",
]
