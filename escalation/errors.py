"""Errors of the escalation app, shown to the user as messages."""

from kernel.errors import DomainError


class CaseChangedMeanwhile(DomainError):
    """Someone else changed the case after the page showing it was loaded."""
