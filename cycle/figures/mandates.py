"""Mandates started and ended during the year, and who held the chair when."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from mandates.models import Mandate

from . import FigureTable, ReportSection, Row
from .common import DASH, count_cell, link, text_cell

Role = Mandate.Role
# A proposed mandate never started; the rest did (a revoked one may have run for a while).
STARTED = [Mandate.Status.ACTIVE, Mandate.Status.ENDED, Mandate.Status.REVOKED]


def mandate_counts(forum_id, year):
    """{role: {"started", "ended"}}: mandates whose term began, or ended, in `year`
    (one query)."""
    rows = (
        Mandate.objects.filter(forum_id=forum_id, status__in=STARTED)
        .filter(Q(valid_from__year=year) | Q(valid_to__year=year))
        .values("role")
        .annotate(
            started=Count("pk", filter=Q(valid_from__year=year)),
            ended=Count("pk", filter=Q(valid_to__year=year)),
        )
        .order_by()
    )
    return {row.pop("role"): row for row in rows}


def chairs(forum_id, year):
    """The chairs and vice chairs whose terms overlap `year`, in order (one query)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        Mandate.objects.filter(
            forum_id=forum_id,
            status__in=STARTED,
            role__in=[Role.CHAIR, Role.VICE_CHAIR],
            valid_from__lte=last,
        )
        .exclude(valid_to__lt=first)
        .select_related("person", "organisation")
        .order_by("role", "valid_from", "pk")
    )


def section(ctx):
    url = link("mandates:forum_mandates", slug=ctx.forum.slug)
    counts = mandate_counts(ctx.forum.pk, ctx.year)
    table = FigureTable(
        caption=_("Mandates started and ended during the year"),
        headers=[_("Role"), _("Started"), _("Ended")],
    )
    for role in Role:
        numbers = counts.get(role.value, {})
        role_url = link("mandates:forum_mandates", {"role": role.value}, slug=ctx.forum.slug)
        table.rows.append(
            Row(
                label=text_cell(role.label),
                cells=[
                    count_cell(numbers.get("started"), role_url),
                    count_cell(numbers.get("ended"), role_url),
                ],
            )
        )
    rotation = FigureTable(
        caption=_("Chair rotation"),
        headers=[_("Role"), _("Person"), _("Organisation"), _("From"), _("To")],
    )
    for mandate in chairs(ctx.forum.pk, ctx.year):
        rotation.rows.append(
            Row(
                label=text_cell(
                    mandate.get_role_display(), link("mandates:mandate_detail", pk=mandate.pk)
                ),
                cells=[
                    text_cell(mandate.person.get_full_name() or mandate.person.username),
                    text_cell(mandate.organisation.name if mandate.organisation else DASH),
                    text_cell(mandate.valid_from.isoformat()),
                    text_cell(mandate.valid_to.isoformat() if mandate.valid_to else DASH),
                ],
            )
        )
    facts = [
        [_("Mandates started"), count_cell(sum(c["started"] for c in counts.values()), url)],
        [_("Mandates ended"), count_cell(sum(c["ended"] for c in counts.values()), url)],
    ]
    return ReportSection(
        key="mandates", heading=_("Mandates"), facts=facts, tables=[table, rotation]
    )
