"""The mandates' part of the work inbox: mandates ending soon, empty seats and the other
compliance findings of the structures a secretariat runs (computed as the compliance
page computes them)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from forums.inbox import CAP, DUE, NOW, Entry, capped, today

from .permissions import mandates_in_force
from .rules import structure_findings

ENDING_WITHIN_DAYS = 60
EMPTY_SEATS = "seats_empty"


def mandates_ending(*, forum_ids):
    """Mandates in force in the forums that end within ENDING_WITHIN_DAYS days."""
    day = today()
    mandates = (
        mandates_in_force(on=day)
        .filter(
            forum_id__in=forum_ids,
            valid_to__isnull=False,
            valid_to__lte=day + datetime.timedelta(days=ENDING_WITHIN_DAYS),
        )
        .select_related("person", "forum")
        .order_by("valid_to", "id")[: CAP + 1]
    )

    def entry(mandate):
        return Entry(
            kind="mandates_ending",
            title=_("%(person)s, %(role)s in %(forum)s")
            % {
                "person": mandate.person.get_full_name() or mandate.person.username,
                "role": mandate.get_role_display().lower(),
                "forum": mandate.forum.name,
            },
            url=reverse("mandates:mandate_detail", kwargs={"pk": mandate.pk}),
            on=mandate.valid_to,
            mode=DUE,
            verb="ends",
        )

    return capped("mandates_ending", mandates, entry)


def _finding_entry(kind, structure, day):
    def entry(row):
        finding, forum, url = row
        return Entry(
            kind=kind,
            title=forum.name if forum else structure.name,
            url=f"{url}#forum-{forum.slug}" if forum else url,
            on=day,
            mode=NOW,
            detail=finding.message,
        )

    return entry


def structure_sections(*, structures):
    """[(structure, empty-seat section, other-findings section)] from the compliance page's
    computation, each entry linking to the structure's compliance page."""
    day = today()
    result = []
    for structure in structures:
        per_forum, structure_wide = structure_findings(structure, on=day)
        url = reverse("mandates:compliance", kwargs={"slug": structure.slug})
        seats, others = [], []
        for forum, findings in per_forum:
            for finding in findings:
                row = (finding, forum, url)
                (seats if finding.code == EMPTY_SEATS else others).append(row)
        others += [(finding, None, url) for finding in structure_wide]
        result.append(
            (
                structure,
                capped(
                    "empty_seats",
                    seats[: CAP + 1],
                    _finding_entry("empty_seats", structure, day),
                    all_url=url,
                ),
                capped(
                    "findings",
                    others[: CAP + 1],
                    _finding_entry("findings", structure, day),
                    all_url=url,
                ),
            )
        )
    return result
