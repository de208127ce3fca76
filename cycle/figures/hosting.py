"""Meetings hosted per organisation over the last years (record only, no accounting: each
organisation pays for its own participants and hosting is shared fairly over time)."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from meetings.models import Meeting

from . import FigureTable, ReportSection, Row
from .common import count_cell, meetings_link, text_cell

YEARS = 5  # the year and the four before it


def hosting_counts(forum_id, year):
    """{(host name or None, year): held meetings} over the last YEARS years (one query)."""
    rows = (
        Meeting.objects.filter(
            forum_id=forum_id,
            status=Meeting.Status.HELD,
            starts_at__year__gte=year - YEARS + 1,
            starts_at__year__lte=year,
        )
        .annotate(held_in=ExtractYear("starts_at"))
        .values("host_organisation__name", "held_in")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["host_organisation__name"], row["held_in"]): row["n"] for row in rows}


def section(ctx):
    years = list(range(ctx.year - YEARS + 1, ctx.year + 1))
    counts = hosting_counts(ctx.forum.pk, ctx.year)
    hosts = sorted({name for name, _year in counts if name is not None})
    if any(name is None for name, _year in counts):
        hosts.append(None)
    table = FigureTable(
        caption=_("Meetings hosted per organisation"),
        headers=[_("Host of the meeting"), *(str(y) for y in years), _("Total")],
    )
    slug = ctx.forum.slug
    for host in hosts:
        numbers = [counts.get((host, y), 0) for y in years]
        table.rows.append(
            Row(
                label=text_cell(host or _("No host recorded")),
                cells=[
                    *(
                        count_cell(n, meetings_link(slug, y, Meeting.Status.HELD))
                        for n, y in zip(numbers, years, strict=True)
                    ),
                    count_cell(sum(numbers)),
                ],
            )
        )
    hosted = sum(n for (name, y), n in counts.items() if name is not None and y == ctx.year)
    facts = [
        [
            _("Meetings with a host this year"),
            count_cell(hosted, meetings_link(slug, ctx.year, Meeting.Status.HELD)),
        ]
    ]
    return ReportSection(key="hosting", heading=_("Hosting"), facts=facts, tables=[table])
