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


@dataclass
class Context:
    """What every section builder reads: the forum, the year, the structure's forums and
    those the forum's figures cover (itself and the forums below it, recursively)."""

    forum: object
    year: int
    forums: list  # (id, name, slug, tier, escalates_to_id, min_meetings_per_year) tuples
    scope: list  # the same, for the forum and the forums below it


def forum_year(forum, year):
    """The annual report's sections for `forum` and calendar `year`, in SECTION_KEYS order,
    computed in a bounded number of queries whatever the size of the record."""
    from . import activities, attendance, cases, decisions, hosting, mandates, meetings, members
    from .common import forums_below, structure_forums

    forums = structure_forums(forum.structure_id)
    ctx = Context(forum=forum, year=year, forums=forums, scope=forums_below(forum.pk, forums))
    builders = {
        "meetings": meetings.section,
        "attendance": attendance.section,
        "decisions": decisions.section,
        "cases": cases.section,
        "activities": activities.activities_section,
        "priorities": activities.priorities_section,
        "mandates": mandates.section,
        "members": members.section,
        "hosting": hosting.section,
    }
    return [builders[key](ctx) for key in SECTION_KEYS]


def structure_year(structure, year):
    """The follow-up of a structure's year, for charts: see cycle.figures.follow_up."""
    from .follow_up import structure_sections

    return structure_sections(structure, year)
