"""Decisions by outcome at the forum's meetings of the year, and its joint positions."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from meetings.models import Decision

from . import FigureTable, ReportSection, Row
from .common import count_cell, meetings_link, text_cell

Outcome = Decision.Outcome


def decision_counts(forum_ids, year):
    """{outcome: n} and the number of joint positions (one query)."""
    decisions = Decision.objects.filter(
        agenda_item__meeting__forum_id__in=forum_ids,
        agenda_item__meeting__starts_at__year=year,
    )
    counts = {outcome.value: Count("pk", filter=Q(outcome=outcome.value)) for outcome in Outcome}
    counts["joint_positions"] = Count(
        "pk", filter=Q(outcome=Outcome.DECIDED, is_joint_position=True)
    )
    return decisions.aggregate(**counts)


def section(ctx):
    counts = decision_counts([ctx.forum.pk], ctx.year)
    url = meetings_link(ctx.forum.slug, ctx.year)
    table = FigureTable(caption=_("Decisions by outcome"), headers=[_("Outcome"), _("Number")])
    for outcome in Outcome:
        table.rows.append(
            Row(label=text_cell(outcome.label), cells=[count_cell(counts[outcome.value], url)])
        )
    table.rows.append(
        Row(
            label=text_cell(_("Of the decisions: joint positions")),
            cells=[count_cell(counts["joint_positions"], url)],
        )
    )
    facts = [
        [_("Decisions"), count_cell(counts[Outcome.DECIDED], url)],
        [_("Joint positions"), count_cell(counts["joint_positions"], url)],
        [_("Referred back"), count_cell(counts[Outcome.REFERRED_BACK], url)],
        [_("Removed"), count_cell(counts[Outcome.REMOVED], url)],
        [_("Escalated"), count_cell(counts[Outcome.ESCALATED], url)],
    ]
    return ReportSection(key="decisions", heading=_("Decisions"), facts=facts, tables=[table])
