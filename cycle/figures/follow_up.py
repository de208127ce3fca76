"""A structure's year followed up, for the charts of the follow-up page: per forum,
meetings held against the minimum and attendance; per tier, the flow of cases between the
tiers and the lead times. The same query functions as the annual report's figures."""

from django.utils.translation import gettext as _

from forums.models import Forum

from . import FigureTable, ReportSection, Row
from .attendance import by_forum, count_cells, headers
from .cases import STEPS, Kind, cases_link, escalation_counts, lead_times, per_tier, step_counts
from .common import count_cell, days_cell, link, structure_forums, text_cell
from .meetings import meeting_counts, meetings_table

# The sections of the follow-up page, in order.
FOLLOW_UP_KEYS = ("meetings", "case_flow", "escalations", "lead_times", "attendance")


def _tier_label(tier):
    return text_cell(Forum.Tier(tier).label)


def _case_flow(forums, tiers):
    table = FigureTable(
        caption=_("Cases per tier"),
        headers=[_("Tier"), _("Raised"), _("Escalated"), _("Decided"), _("Feedback given")],
    )
    for tier in sorted({row[3] for row in forums}):
        counts = tiers.get(tier, dict.fromkeys(STEPS, 0))
        table.rows.append(
            Row(
                label=_tier_label(tier),
                cells=[
                    count_cell(counts[Kind.RAISED], cases_link(tier)),
                    count_cell(counts[Kind.ESCALATED], cases_link(tier, escalated="yes")),
                    count_cell(counts[Kind.DECIDED], cases_link(tier, status="decided")),
                    count_cell(
                        counts[Kind.FEEDBACK_GIVEN], cases_link(tier, status="feedback_given")
                    ),
                ],
            )
        )
    return table


def _escalations(escalations):
    table = FigureTable(
        caption=_("Escalated cases between the tiers"), headers=[_("From and to"), _("Cases")]
    )
    for lower, upper in (
        (Forum.Tier.OPERATIVE, Forum.Tier.TACTICAL),
        (Forum.Tier.TACTICAL, Forum.Tier.STRATEGIC),
    ):
        label = _("From the %(lower)s to the %(upper)s tier") % {
            "lower": lower.label.lower(),
            "upper": upper.label.lower(),
        }
        table.rows.append(
            Row(
                label=text_cell(label),
                cells=[
                    count_cell(
                        escalations.get((lower.value, upper.value), 0),
                        cases_link(lower.value, escalated="yes"),
                    )
                ],
            )
        )
    return table


def _lead_times(forums, times):
    table = FigureTable(
        caption=_("Lead times per tier (median days)"),
        headers=[_("Tier"), _("Raised to decided"), _("Escalated to decided")],
    )
    for tier in sorted({row[3] for row in forums}):
        timing = times.get(tier, {})
        table.rows.append(
            Row(
                label=_tier_label(tier),
                cells=[
                    days_cell(timing.get("raised_to_decided")),
                    days_cell(timing.get("escalated_to_decided")),
                ],
            )
        )
    return table


def _attendance(forums, counts, year):
    from .common import meetings_link

    table = FigureTable(caption=_("Attendance per forum"), headers=headers(_("Forum")))
    empty = {"present": 0, "deputy": 0, "absent": 0}
    for pk, name, slug, *_rest in forums:
        table.rows.append(
            Row(
                label=text_cell(name, link("forums:forum_detail", slug=slug)),
                cells=count_cells(counts.get(pk, empty), meetings_link(slug, year, "held")),
            )
        )
    return table


def structure_sections(structure, year):
    """The follow-up's sections (FOLLOW_UP_KEYS), each with one table: a bounded number of
    queries whatever the size of the record."""
    forums = structure_forums(structure.pk)
    ids = [row[0] for row in forums]
    tables = {
        "meetings": meetings_table(
            forums, meeting_counts(ids, year), year, _("Meetings held per forum")
        ),
        "case_flow": _case_flow(forums, per_tier(step_counts(ids, year), forums)),
        "escalations": _escalations(escalation_counts(ids, year)),
        "lead_times": _lead_times(forums, lead_times(ids, year)),
        "attendance": _attendance(forums, by_forum(ids, year), year),
    }
    headings = {
        "meetings": _("Meetings"),
        "case_flow": _("Case flow between the tiers"),
        "escalations": _("Escalated cases"),
        "lead_times": _("Lead times"),
        "attendance": _("Attendance"),
    }
    return [
        ReportSection(key=key, heading=headings[key], tables=[tables[key]])
        for key in FOLLOW_UP_KEYS
    ]
