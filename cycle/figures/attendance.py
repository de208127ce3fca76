"""Attendance at held meetings: present, deputy attending, absent, and the rate."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from forums.models import Party
from meetings.models import Attendance, Meeting

from . import FigureTable, ReportSection, Row
from .common import count_cell, meetings_link, rate_cell, text_cell

A = Attendance.Status
COUNTS = {
    "present": Count("pk", filter=Q(status=A.PRESENT)),
    "deputy": Count("pk", filter=Q(status=A.DEPUTY)),
    "absent": Count("pk", filter=Q(status=A.ABSENT)),
}


def held_attendance(forum_ids, year):
    """The attendance rows of the forums' meetings held in `year` (a queryset)."""
    return Attendance.objects.filter(
        meeting__forum_id__in=forum_ids,
        meeting__status=Meeting.Status.HELD,
        meeting__starts_at__year=year,
    )


def _organisation_name():
    # The organisation the mandate represents, else the person's own.
    return Coalesce("mandate__organisation__name", "person__organisation__name")


def by_organisation(forum_ids, year):
    """[(organisation name or None, {"present", "deputy", "absent"})], by name (one query)."""
    rows = (
        held_attendance(forum_ids, year)
        .annotate(group=_organisation_name())
        .values("group")
        .annotate(**COUNTS)
        .order_by("group")
    )
    return [(row.pop("group"), row) for row in rows]


def by_party(forum_ids, year, structure_id):
    """The same per party of the structure (an organisation's party there), one query."""
    party = Party.objects.filter(
        structure_id=structure_id,
        organisations__name=OuterRef("organisation_name"),
    ).values("name")[:1]
    rows = (
        held_attendance(forum_ids, year)
        .annotate(organisation_name=_organisation_name())
        .annotate(group=Subquery(party))
        .values("group")
        .annotate(**COUNTS)
        .order_by("group")
    )
    return [(row.pop("group"), row) for row in rows]


def by_forum(forum_ids, year):
    """{forum id: counts} (one query): the follow-up's rate per forum."""
    rows = (
        held_attendance(forum_ids, year).values("meeting__forum_id").annotate(**COUNTS).order_by()
    )
    return {row.pop("meeting__forum_id"): row for row in rows}


def rate(counts):
    """(attending, all): present or a deputy attending, of everyone recorded."""
    attending = counts["present"] + counts["deputy"]
    return attending, attending + counts["absent"]


def headers(first):
    return [first, _("Present"), _("Deputy attending"), _("Absent"), _("Attendance rate")]


def count_cells(counts, url):
    return [
        count_cell(counts["present"], url),
        count_cell(counts["deputy"], url),
        count_cell(counts["absent"], url),
        rate_cell(*rate(counts), url=url),
    ]


def _table(caption, first, groups, unknown, url):
    table = FigureTable(caption=caption, headers=headers(first))
    for name, counts in groups:
        table.rows.append(Row(label=text_cell(name or unknown), cells=count_cells(counts, url)))
    return table


def section(ctx):
    ids = [ctx.forum.pk]
    url = meetings_link(ctx.forum.slug, ctx.year, Meeting.Status.HELD)
    organisations = by_organisation(ids, ctx.year)
    parties = by_party(ids, ctx.year, ctx.forum.structure_id)
    total = {key: sum(c[key] for _name, c in organisations) for key in COUNTS}
    facts = [[_("Attendance rate"), rate_cell(*rate(total), url=url)]]
    tables = [
        _table(
            _("Attendance per organisation"),
            _("Organisation"),
            organisations,
            _("No organisation"),
            url,
        ),
        _table(_("Attendance per party"), _("Party"), parties, _("No party"), url),
    ]
    return ReportSection(key="attendance", heading=_("Attendance"), facts=facts, tables=tables)
