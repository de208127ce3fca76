"""The action plan's activities by status, and the year's priority areas."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cycle.models import ActionPlan, Activity, PriorityArea, PrioritySet
from forums.models import Forum

from . import FigureTable, ReportSection, Row
from .common import count_cell, text_cell, url_of


def activity_counts(forum_id, year):
    """{status: n} of the forum's action plan for `year` (one query)."""
    rows = (
        Activity.objects.filter(plan__forum_id=forum_id, plan__year=year)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["status"]: row["n"] for row in rows}


def activities_section(ctx):
    plan = ActionPlan.objects.filter(forum_id=ctx.forum.pk, year=ctx.year).first()
    counts = activity_counts(ctx.forum.pk, ctx.year)
    url = url_of(plan) if plan else ""
    table = FigureTable(
        caption=_("Activities of the action plan by status"), headers=[_("Status"), _("Number")]
    )
    for status in Activity.Status:
        table.rows.append(
            Row(label=text_cell(status.label), cells=[count_cell(counts.get(status.value), url)])
        )
    if plan is None:
        facts = [[_("Action plan"), text_cell(_("No action plan for the year"))]]
    else:
        facts = [
            [_("Action plan"), text_cell(plan.get_status_display(), url)],
            [_("Activities"), count_cell(sum(counts.values()), url)],
        ]
    return ReportSection(key="activities", heading=_("Activities"), facts=facts, tables=[table])


def priorities_section(ctx):
    """The priority areas the structure's strategic forum adopted for the year, each with
    how many of this forum's activities of the year serve it (one query)."""
    areas = (
        PriorityArea.objects.filter(
            priority_set__forum__structure_id=ctx.forum.structure_id,
            priority_set__forum__tier=Forum.Tier.STRATEGIC,
            priority_set__year=ctx.year,
            priority_set__status=PrioritySet.Status.ADOPTED,
        )
        .select_related("priority_set")
        .annotate(
            served=Count(
                "activities",
                filter=Q(activities__plan__forum_id=ctx.forum.pk, activities__plan__year=ctx.year),
            )
        )
        .order_by("priority_set__forum__name", "order", "pk")
    )
    table = FigureTable(
        caption=_("Priority areas of the year"),
        headers=[_("Priority area"), _("Activities of the forum serving it")],
    )
    for area in areas:
        url = url_of(area.priority_set)
        table.rows.append(
            Row(label=text_cell(area.title, url), cells=[count_cell(area.served, url)])
        )
    facts = [[_("Priority areas"), count_cell(len(table.rows))]]
    return ReportSection(key="priorities", heading=_("Priority areas"), facts=facts, tables=[table])
