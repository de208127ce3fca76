"""Composition check: the seats a forum defines against the mandates actually held (R5).

`composition_for_forum(forum)` reads with three queries whatever the size of the forum (the
seats, the mandates in force, and which organisations belong to the parties that hold
seats) and hands them to `composition_from_rows`, a pure function that can be reused with
rows already loaded.

A mandate fills a seat when it is active and in force on the day, in a seat role (chair,
vice chair or member), and its organisation has a seat of its own or belongs to a party
that has one. An organisation's own seat comes before its party's.

The forum page shows it through a panel (`mandates.panels`); the forum's mandates page too.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from forums.models import Organisation, Seat

from .models import Mandate
from .permissions import mandates_in_force


@dataclass
class SeatRow:
    """One seat definition and who holds it."""

    seat: Seat
    holders: list = field(default_factory=list)

    @property
    def label(self):
        return str(self.seat.organisation or self.seat.party)

    @property
    def is_party(self):
        return self.seat.party_id is not None

    @property
    def count(self):
        return self.seat.count

    @property
    def held(self):
        return len(self.holders)

    @property
    def is_empty(self):
        return self.count > 0 and self.held == 0

    @property
    def is_vacant(self):
        """Some seats, but not all, are unfilled."""
        return 0 < self.held < self.count

    @property
    def is_over_filled(self):
        return self.held > self.count

    @property
    def state(self):
        if self.is_over_filled:
            return "over_filled"
        if self.is_empty:
            return "empty"
        if self.is_vacant:
            return "vacant"
        return "ok"


@dataclass
class UnseatedRow:
    """Mandates in a seat role for an organisation (or none) that has no seat."""

    organisation: Organisation | None
    holders: list = field(default_factory=list)

    @property
    def label(self):
        return str(self.organisation) if self.organisation else ""


@dataclass
class Composition:
    seats: list
    unseated: list

    @property
    def seat_total(self):
        return sum(row.count for row in self.seats)

    @property
    def held_total(self):
        return sum(row.held for row in self.seats) + sum(len(r.holders) for r in self.unseated)


def composition_from_rows(seats, mandates, party_members):
    """Match mandates to seats; no queries.

    `seats` are Seat objects (with organisation/party loaded), `mandates` the mandates that
    count (in force, in a seat role), `party_members` a mapping party id -> set of
    organisation ids. Seats with no seats defined (count 0) are shown only when held.
    """
    rows = [SeatRow(seat=seat) for seat in seats]
    by_organisation = {row.seat.organisation_id: row for row in rows if row.seat.organisation_id}
    party_rows = [row for row in rows if row.seat.party_id]
    unseated = {}
    for mandate in mandates:
        row = by_organisation.get(mandate.organisation_id)
        if row is None and mandate.organisation_id is not None:
            row = next(
                (
                    party_row
                    for party_row in party_rows
                    if mandate.organisation_id in party_members.get(party_row.seat.party_id, ())
                ),
                None,
            )
        if row is not None:
            row.holders.append(mandate)
        else:
            unseated.setdefault(
                mandate.organisation_id, UnseatedRow(organisation=mandate.organisation)
            ).holders.append(mandate)
    shown = [row for row in rows if row.count > 0 or row.holders]
    return Composition(
        seats=shown,
        unseated=sorted(unseated.values(), key=lambda r: (r.organisation is None, r.label)),
    )


def seat_mandates_in_force(forum, *, on=None):
    """Mandates that hold a seat in the forum on the day (default today)."""
    return (
        mandates_in_force(on=on)
        .filter(forum=forum, role__in=Mandate.SEAT_ROLES)
        .select_related("person", "organisation")
        .order_by("person__last_name", "person__first_name", "id")
    )


def composition_for_forum(forum, *, on=None):
    """The composition check of one forum on the day (default today): three queries."""
    day = on or timezone.localdate()
    seats = list(
        Seat.objects.filter(forum=forum).select_related("organisation", "party").order_by("id")
    )
    party_ids = [seat.party_id for seat in seats if seat.party_id]
    mandates = list(seat_mandates_in_force(forum, on=day))
    party_members = {}
    if party_ids:
        memberships = Organisation.parties.through.objects.filter(party_id__in=party_ids)
        for organisation_id, party_id in memberships.values_list("organisation_id", "party_id"):
            party_members.setdefault(party_id, set()).add(organisation_id)
    return composition_from_rows(seats, mandates, party_members)
