"""Cases per tier: raised, escalated, decided and fed back in the year, with lead times.

Each step is a CaseEvent; it happened at the forum the case was at (`from_forum`, or for the
raising, `to_forum`). An escalation counts at the tier it leaves; a decision and feedback at
the tier that decided.
"""

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from escalation.models import CaseEvent
from forums.models import Forum

from . import FigureTable, ReportSection, Row
from .common import Median, count_cell, days_cell, link, text_cell

Kind = CaseEvent.Kind
STEPS = (Kind.RAISED, Kind.ESCALATED, Kind.DECIDED, Kind.FEEDBACK_GIVEN)


def step_counts(forum_ids, year):
    """{(kind, forum id): number of cases} for the steps taken at the forums in `year`
    (one query)."""
    rows = (
        CaseEvent.objects.filter(kind__in=STEPS, at__year=year)
        .annotate(at_forum=Coalesce("from_forum_id", "to_forum_id"))
        .filter(at_forum__in=forum_ids)
        .values("kind", "at_forum")
        .annotate(cases=Count("case_id", distinct=True))
        .order_by()
    )
    return {(row["kind"], row["at_forum"]): row["cases"] for row in rows}


def escalation_counts(forum_ids, year):
    """{(from tier, to tier): number of escalations} from the forums in `year` (one query)."""
    rows = (
        CaseEvent.objects.filter(kind=Kind.ESCALATED, at__year=year, from_forum_id__in=forum_ids)
        .values("from_forum__tier", "to_forum__tier")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["from_forum__tier"], row["to_forum__tier"]): row["n"] for row in rows}


def lead_times(forum_ids, year):
    """{tier: {"decided", "raised_to_decided", "escalated_to_decided"}} for the decisions
    taken at the forums in `year`: medians (timedelta or None) from the case's raising, and
    from its escalation to the deciding forum (one query)."""
    escalated_at = Subquery(
        CaseEvent.objects.filter(
            case_id=OuterRef("case_id"),
            kind=Kind.ESCALATED,
            to_forum_id=OuterRef("from_forum_id"),
            at__lte=OuterRef("at"),
        )
        .order_by("-at", "-pk")
        .values("at")[:1]
    )
    rows = (
        CaseEvent.objects.filter(kind=Kind.DECIDED, at__year=year, from_forum_id__in=forum_ids)
        .annotate(escalated_at=escalated_at)
        .values("from_forum__tier")
        .annotate(
            decided=Count("case_id", distinct=True),
            raised_to_decided=Median(
                ExpressionWrapper(F("at") - F("case__created_at"), output_field=DurationField())
            ),
            escalated_to_decided=Median(
                ExpressionWrapper(F("at") - F("escalated_at"), output_field=DurationField())
            ),
        )
        .order_by()
    )
    return {row.pop("from_forum__tier"): row for row in rows}


def per_tier(counts, forums):
    """Sum `step_counts` per tier: {tier: {kind: n}}."""
    tier_of = {row[0]: row[3] for row in forums}
    tiers = {}
    for (kind, forum_id), number in counts.items():
        per_kind = tiers.setdefault(tier_of[forum_id], dict.fromkeys(STEPS, 0))
        per_kind[kind] += number
    return tiers


def cases_link(tier, **query):
    return link("escalation:my_cases", {"tier": tier, **query})


def tier_table(forums, year, caption):
    """A row per tier of `forums`: raised, escalated, decided, fed back, and lead times."""
    ids = [row[0] for row in forums]
    tiers = per_tier(step_counts(ids, year), forums)
    times = lead_times(ids, year)
    table = FigureTable(
        caption=caption,
        headers=[
            _("Tier"),
            _("Raised"),
            _("Escalated"),
            _("Decided"),
            _("Feedback given"),
            _("Lead time, raised to decided (median days)"),
            _("Lead time, escalated to decided (median days)"),
        ],
    )
    for tier in sorted({row[3] for row in forums}):
        counts = tiers.get(tier, dict.fromkeys(STEPS, 0))
        timing = times.get(tier, {})
        table.rows.append(
            Row(
                label=text_cell(Forum.Tier(tier).label),
                cells=[
                    count_cell(counts[Kind.RAISED], cases_link(tier)),
                    count_cell(counts[Kind.ESCALATED], cases_link(tier, escalated="yes")),
                    count_cell(counts[Kind.DECIDED], cases_link(tier, status="decided")),
                    count_cell(
                        counts[Kind.FEEDBACK_GIVEN], cases_link(tier, status="feedback_given")
                    ),
                    days_cell(timing.get("raised_to_decided")),
                    days_cell(timing.get("escalated_to_decided")),
                ],
            )
        )
    return table


def section(ctx):
    table = tier_table(ctx.scope, ctx.year, _("Cases of the forum and the forums below it"))
    totals = [sum(row.cells[i].value for row in table.rows) for i in range(4)]
    facts = [
        [_("Cases raised"), count_cell(totals[0], link("escalation:my_cases"))],
        [
            _("Escalated cases"),
            count_cell(totals[1], link("escalation:my_cases", {"escalated": "yes"})),
        ],
        [
            _("Cases decided"),
            count_cell(totals[2], link("escalation:my_cases", {"status": "decided"})),
        ],
    ]
    return ReportSection(key="cases", heading=_("Cases"), facts=facts, tables=[table])
