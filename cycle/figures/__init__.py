"""Figures computed from the record, for a forum's annual report and a structure's
follow-up views. Every figure links to a page listing what it counts.

The annual report (cycle.services.reports, the report page, its seal, PDF and Word file)
renders `forum_year(forum, year)` generically: for each section, its heading, the
secretariat's text for that section key, its facts and its tables. The follow-up views draw
`structure_year(structure, year)` as charts, each with the same figures as a table beside it.
The values are plain (str, int, float, None) so that a report's sections serialise to the
JSON of its seal with `dataclasses.asdict`.
"""

from dataclasses import dataclass, field

# The sections of an annual report, in order; the secretariat writes one text per key.
SECTION_KEYS = (
    "meetings",  # meetings held against the minimum, per forum
    "attendance",  # per organisation and party
    "decisions",  # decisions and joint positions, referrals back and removals
    "cases",  # raised, escalated, decided and fed back, per tier, with lead times
    "activities",  # the action plan's activities and where they ended
    "priorities",  # the year's priority areas
    "mandates",  # mandates and chair rotation during the year
    "members",  # current members with the contact details they publish
    "hosting",  # meetings hosted per organisation over the last years (costs shared fairly)
)


@dataclass
class Cell:
    """One value of a table, or one fact: its text as shown, the number behind it (None for
    text), and the address of a page listing what it counts ("" where there is none)."""

    text: str
    value: int | float | None = None
    url: str = ""


@dataclass
class Row:
    label: Cell
    cells: list  # of Cell, one per header after the first


@dataclass
class FigureTable:
    caption: str
    headers: list  # of str; the first names the row labels
    rows: list = field(default_factory=list)  # of Row


@dataclass
class ReportSection:
    key: str  # one of SECTION_KEYS
    heading: str
    facts: list = field(default_factory=list)  # of (label: str, Cell) pairs as 2-lists
    tables: list = field(default_factory=list)  # of FigureTable


def forum_year(forum, year):
    """The annual report's sections for `forum` and calendar `year`, in SECTION_KEYS order,
    computed in a bounded number of queries whatever the size of the record."""
    # TEMPORARY (report branch): only the meetings section, until the figures topic's
    # implementation replaces this at merge.
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils.translation import gettext as _

    from meetings.models import Meeting

    held = Meeting.objects.filter(
        forum=forum, status=Meeting.Status.HELD, starts_at__year=year
    ).count()
    url = reverse("meetings:forum_meetings", kwargs={"slug": forum.slug})
    url += "?" + urlencode({"year": year, "status": Meeting.Status.HELD})
    minimum = forum.min_meetings_per_year
    return [
        ReportSection(
            key="meetings",
            heading=_("Meetings"),
            facts=[
                [_("Meetings held"), Cell(text=str(held), value=held, url=url)],
                [_("Minimum a year"), Cell(text=str(minimum), value=minimum)],
            ],
            tables=[
                FigureTable(
                    caption=_("Meetings held against the minimum"),
                    headers=[_("Forum"), _("Held"), _("Minimum")],
                    rows=[
                        Row(
                            label=Cell(text=forum.name, url=forum.get_absolute_url()),
                            cells=[
                                Cell(text=str(held), value=held, url=url),
                                Cell(text=str(minimum), value=minimum),
                            ],
                        )
                    ],
                )
            ],
        )
    ]


def structure_year(structure, year):
    """The follow-up of a structure's year, for charts: see cycle.figures.follow_up."""
    raise NotImplementedError  # the figures topic implements it
