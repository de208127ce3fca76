"""Composition check: the seats a forum defines against the mandates actually held (R5).

`composition_for_forum(forum)` reads with three queries whatever the size of the forum (the
seats, the mandates in force, and which organisations belong to the parties that hold
seats) and hands them to `composition_from_rows`, a pure function that can be reused with
rows already loaded.

A mandate fills a seat when it is active and in force on the day, in a seat role (chair,
vice chair or member), and its organisation has a seat of its own or belongs to a party
that has one. An organisation's own seat comes before its party's. An active mandate from
a later day (appointed from tomorrow) does not fill its seat yet: the row lists it as
coming, and says from which day the seats are filled (`filled_from`), as the rotation plan
shows a chair appointed from a later day.

The forum page shows it through a panel (`mandates.panels`); the forum's mandates page too.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from forums.models import Organisation, Seat

from .models import Mandate


@dataclass
class SeatRow:
    """One seat definition and who holds it."""

    seat: Seat
    holders: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)  # active mandates from a later day

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
    def filled_from(self):
        """The day the coming mandates fill every seat, when they do (else None)."""
        missing = self.count - self.held
        if missing <= 0 or len(self.upcoming) < missing:
            return None
        return sorted(mandate.valid_from for mandate in self.upcoming)[missing - 1]

    @property
    def state(self):
        if self.is_over_filled:
            return "over_filled"
        if self.filled_from is not None:
            return "filled_from"
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
    upcoming: list = field(default_factory=list)

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


def composition_from_rows(seats, mandates, party_members, *, upcoming=()):
    """Match mandates to seats; no queries.

    `seats` are Seat objects (with organisation/party loaded), `mandates` the mandates that
    count (in force, in a seat role), `upcoming` the active ones from a later day,
    `party_members` a mapping party id -> set of organisation ids. Seats with no seats
    defined (count 0) are shown only when held or about to be.
    """
    rows = [SeatRow(seat=seat) for seat in seats]
    by_organisation = {row.seat.organisation_id: row for row in rows if row.seat.organisation_id}
    party_rows = [row for row in rows if row.seat.party_id]
    unseated = {}

    def place(mandate):
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
        if row is None:
            row = unseated.setdefault(
                mandate.organisation_id, UnseatedRow(organisation=mandate.organisation)
            )
        return row

    for mandate in mandates:
        place(mandate).holders.append(mandate)
    for mandate in upcoming:
        place(mandate).upcoming.append(mandate)
    shown = [row for row in rows if row.count > 0 or row.holders or row.upcoming]
    return Composition(
        seats=shown,
        unseated=sorted(unseated.values(), key=lambda r: (r.organisation is None, r.label)),
    )


def seat_mandates_not_ended(forum, *, on=None):
    """Active mandates in a seat role whose term has not ended on the day: in force, or
    from a later day. One query."""
    day = on or timezone.localdate()
    return (
        Mandate.objects.filter(
            forum=forum, role__in=Mandate.SEAT_ROLES, status=Mandate.Status.ACTIVE
        )
        .exclude(valid_to__lt=day)
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
    mandates = list(seat_mandates_not_ended(forum, on=day))
    party_members = {}
    if party_ids:
        memberships = Organisation.parties.through.objects.filter(party_id__in=party_ids)
        for organisation_id, party_id in memberships.values_list("organisation_id", "party_id"):
            party_members.setdefault(party_id, set()).add(organisation_id)
    return composition_from_rows(
        seats,
        [m for m in mandates if m.valid_from <= day],
        party_members,
        upcoming=[m for m in mandates if m.valid_from > day],
    )
