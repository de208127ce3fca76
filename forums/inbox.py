"""What the start page's work inbox is made of: plain entries, each a link with a date.

The inbox modules of the apps (meetings.inbox, escalation.inbox, mandates.inbox) return
`Entry` rows; `samverkan.inbox` composes them per role and words their age or deadline.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .models import Forum
from .permissions import structures_managed_by

# How many entries of one kind the start page shows; more are said, with a link to a list.
CAP = 10

AGO = "ago"  # `on` is when it happened: "held 94 days ago"
DUE = "due"  # `on` is a deadline: "due in 3 days", "171 days overdue"
NOW = "now"  # a state without a date (a compliance finding)


@dataclass
class Entry:
    kind: str
    title: str
    url: str
    on: datetime.date
    mode: str = DUE
    verb: str = ""  # for AGO, what happened: "held", "sent", "waiting", "changed"
    detail: str = ""
    links: list = field(default_factory=list)  # [(label, url)] shown after the entry


@dataclass
class Section:
    """Entries of one kind, at most CAP of them; `more` when some were left off."""

    kind: str
    entries: list
    more: bool = False
    all_urls: list = field(default_factory=list)  # list pages that show every entry


def capped(kind, rows, make, *, all_url=""):
    """A Section from up to CAP + 1 rows (the extra one only says that there are more)."""
    rows = list(rows)
    return Section(
        kind=kind,
        entries=[make(row) for row in rows[:CAP]],
        more=len(rows) > CAP,
        all_urls=[all_url] if all_url else [],
    )


def today():
    return timezone.localdate()


def as_date(moment):
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).date()
    return moment


def forum_ids_run_by(user):
    """The active forums of the (not archived) structures whose secretariat the user is in."""
    structures = structures_managed_by(user).filter(archived_at__isnull=True)
    return list(
        Forum.objects.filter(structure__in=structures)
        .exclude(active_to__lt=today())
        .values_list("pk", flat=True)
    )
