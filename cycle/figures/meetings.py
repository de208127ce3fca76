"""Meetings held against the minimum a year, per forum; cancelled meetings."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from meetings.models import Meeting

from . import FigureTable, ReportSection, Row
from .common import count_cell, link, meetings_link, text_cell

Status = Meeting.Status


def meeting_counts(forum_ids, year):
    """{forum id: {"held", "cancelled", "coming"}} for the forums' meetings starting in
    `year` (one query)."""
    rows = (
        Meeting.objects.filter(forum_id__in=forum_ids, starts_at__year=year)
        .values("forum_id")
        .annotate(
            held=Count("pk", filter=Q(status=Status.HELD)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
            coming=Count("pk", filter=Q(status__in=[Status.PLANNED, Status.CONVENED])),
        )
        .order_by()
    )
    empty = {"held": 0, "cancelled": 0, "coming": 0}
    counts = {pk: dict(empty) for pk in forum_ids}
    for row in rows:
        counts[row.pop("forum_id")] = row
    return counts


def meetings_table(forums, counts, year, caption):
    """A row per forum: held, the minimum, whether it is reached, cancelled, still coming."""
    table = FigureTable(
        caption=caption,
        headers=[
            _("Forum"),
            _("Meetings held"),
            _("Minimum a year"),
            _("Minimum reached"),
            _("Cancelled"),
            _("Planned, not yet held"),
        ],
    )
    for pk, name, slug, _tier, _up, minimum in forums:
        numbers = counts[pk]
        if minimum is None:
            reached = text_cell(_("No minimum"))
        else:
            reached = text_cell(_("Yes") if numbers["held"] >= minimum else _("No"))
        table.rows.append(
            Row(
                label=text_cell(name, link("forums:forum_detail", slug=slug)),
                cells=[
                    count_cell(numbers["held"], meetings_link(slug, year, Status.HELD)),
                    count_cell(minimum) if minimum is not None else text_cell("–"),
                    reached,
                    count_cell(numbers["cancelled"], meetings_link(slug, year, Status.CANCELLED)),
                    count_cell(numbers["coming"], meetings_link(slug, year)),
                ],
            )
        )
    return table


def section(ctx):
    counts = meeting_counts([row[0] for row in ctx.scope], ctx.year)
    own = counts[ctx.forum.pk]
    slug = ctx.forum.slug
    minimum = ctx.forum.min_meetings_per_year
    facts = [
        [_("Meetings held"), count_cell(own["held"], meetings_link(slug, ctx.year, Status.HELD))],
        [
            _("Minimum a year"),
            count_cell(minimum) if minimum is not None else text_cell(_("No minimum")),
        ],
        [
            _("Cancelled meetings"),
            count_cell(own["cancelled"], meetings_link(slug, ctx.year, Status.CANCELLED)),
        ],
    ]
    table = meetings_table(
        ctx.scope, counts, ctx.year, _("Meetings of the forum and the forums below it")
    )
    return ReportSection(key="meetings", heading=_("Meetings"), facts=facts, tables=[table])
