"""What the rules read: a snapshot of forums (`ForumState`) in a fixed number of queries.

`load_states` reads any number of forums in seven queries. The same snapshot serves three
callers: the services (one mandate being saved), the import (rows not saved yet, added to
the snapshot as they pass) and the compliance page (every forum of a structure). Terms are
compared by overlap: two mandates clash when their terms share a day.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from forums.models import Forum, Organisation, Party, Seat

from ..models import Mandate

Role = Mandate.Role
Status = Mandate.Status
SEAT_ROLES = frozenset(str(role) for role in Mandate.SEAT_ROLES)
# Roles that speak for an organisation and so must name it.
REPRESENTING_ROLES = SEAT_ROLES | {Role.DEPUTY, Role.CONTACT_PERSON}
# Roles whose organisation must be allowed a seat in a forum that has seats.
SEATED_ROLES = SEAT_ROLES | {Role.DEPUTY}
_FAR_FUTURE = datetime.date.max


@dataclass(eq=False)
class Holder:
    """What the rules need to know of one mandate (saved, or a row not saved yet)."""

    id: int | None
    forum_id: int
    person_id: object  # a user id, or any hashable key for a person not saved yet
    person_name: str
    role: str
    status: str
    organisation_id: int | None
    organisation_name: str
    party_ids: frozenset
    valid_from: datetime.date
    valid_to: datetime.date | None
    deputy_for_id: int | None = None
    scope: str = ""

    def overlaps(self, other):
        return self.valid_from <= (other.valid_to or _FAR_FUTURE) and other.valid_from <= (
            self.valid_to or _FAR_FUTURE
        )

    def in_force_on(self, day):
        return (
            self.status == Status.ACTIVE
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )

    def same_mandate(self, other):
        return self is other or (self.id is not None and self.id == other.id)


@dataclass(frozen=True)
class SeatInfo:
    id: int
    organisation_id: int | None
    party_id: int | None
    count: int
    label: str
    party_ids: frozenset = frozenset()  # of the organisation, for an organisation's seat


@dataclass(eq=False)
class ForumState:
    forum: Forum
    seats: list = field(default_factory=list)
    holders: list = field(default_factory=list)  # proposed and active mandates
    chairs: list = field(default_factory=list)  # active and ended chairs, oldest first
    linked: list = field(default_factory=list)  # [(forum, its chairs)] for R10
    # Active contact persons by organisation, one dict shared by the structure's forums.
    contacts: dict = field(default_factory=lambda: defaultdict(list))
    party_names: dict = field(default_factory=dict)
    # Indexes of `holders`, so that a check looks at the few mandates that matter (an
    # import checks thousands of rows against each other).
    by_person: dict = field(default_factory=lambda: defaultdict(list))
    by_role: dict = field(default_factory=lambda: defaultdict(list))
    by_seat: dict = field(default_factory=lambda: defaultdict(list))
    by_id: dict = field(default_factory=dict)

    @property
    def has_seats(self):
        return bool(self.seats)

    def seat_for(self, organisation_id, party_ids):
        """The organisation's own seat, else a seat of a party it belongs to (R5)."""
        if organisation_id is None:
            return None
        for seat in self.seats:
            if seat.organisation_id == organisation_id:
                return seat
        for seat in self.seats:
            if seat.party_id is not None and seat.party_id in party_ids:
                return seat
        return None

    def party_label(self, party_ids):
        names = sorted(self.party_names[pk] for pk in party_ids if pk in self.party_names)
        return ", ".join(names) or _("no party")

    def index(self, holder):
        """Add a proposed or active mandate of the forum (the seats must be known)."""
        self.holders.append(holder)
        self.by_person[holder.person_id].append(holder)
        self.by_role[holder.role].append(holder)
        if holder.id is not None:
            self.by_id[holder.id] = holder
        if holder.role in SEAT_ROLES:
            seat = self.seat_for(holder.organisation_id, holder.party_ids)
            if seat is not None:
                self.by_seat[seat.id].append(holder)

    def add(self, holder):
        """Add a mandate not saved yet (an import row) so later checks see it."""
        if holder.forum_id != self.forum.pk:
            raise ValueError("holder of another forum")
        self.index(holder)
        if holder.role == Role.CHAIR:
            self.chairs.append(holder)
            self.chairs.sort(key=lambda h: h.valid_from)
        if holder.role == Role.CONTACT_PERSON and holder.status == Status.ACTIVE:
            self.contacts[holder.organisation_id].append(holder)


# --- loading -------------------------------------------------------------------------------


def holder_from_mandate(mandate, party_ids):
    organisation = mandate.organisation if mandate.organisation_id else None
    return Holder(
        id=mandate.pk,
        forum_id=mandate.forum_id,
        person_id=mandate.person_id,
        person_name=str(mandate.person),
        role=mandate.role,
        status=mandate.status,
        organisation_id=mandate.organisation_id,
        organisation_name=organisation.name if organisation else "",
        party_ids=frozenset(party_ids.get(mandate.organisation_id, ())),
        valid_from=mandate.valid_from,
        valid_to=mandate.valid_to,
        deputy_for_id=mandate.deputy_for_id,
        scope=mandate.scope,
    )


def organisation_parties(organisation_ids):
    """{organisation id: {party ids}} in one query."""
    through = Organisation.parties.through
    parties = defaultdict(set)
    rows = through.objects.filter(organisation_id__in=set(organisation_ids) - {None})
    for organisation_id, party_id in rows.values_list("organisation_id", "party_id"):
        parties[organisation_id].add(party_id)
    return parties


def load_states(forums):
    """Snapshots of the given forums, {forum id: ForumState}, in seven queries in all."""
    forums = list(forums)
    if not forums:
        return {}
    ids = [forum.pk for forum in forums]
    structure_ids = {forum.structure_id for forum in forums}
    linked_forums = {
        forum.pk: forum
        for forum in Forum.objects.filter(
            Q(
                pk__in=[
                    f.chair_party_differs_from_id for f in forums if f.chair_party_differs_from_id
                ]
            )
            | Q(chair_party_differs_from__in=ids)
        )
    }
    seats = list(Seat.objects.filter(forum_id__in=ids).select_related("organisation", "party"))
    current = list(
        Mandate.objects.filter(forum_id__in=ids, status__in=[Status.PROPOSED, Status.ACTIVE])
        .select_related("person", "organisation")
        .order_by("valid_from", "id")
    )
    chairs = list(
        Mandate.objects.filter(
            forum_id__in=set(ids) | set(linked_forums),
            role=Role.CHAIR,
            status__in=[Status.ACTIVE, Status.ENDED],
        )
        .select_related("person", "organisation")
        .order_by("valid_from", "id")
    )
    contacts = list(
        Mandate.objects.filter(
            forum__structure_id__in=structure_ids,
            role=Role.CONTACT_PERSON,
            status=Status.ACTIVE,
        ).select_related("person", "organisation", "forum")
    )
    party_ids = organisation_parties(
        [m.organisation_id for m in (*current, *chairs, *contacts)]
        + [seat.organisation_id for seat in seats]
    )
    party_names = defaultdict(dict)
    for party in Party.objects.filter(structure_id__in=structure_ids):
        party_names[party.structure_id][party.pk] = str(party)

    contacts_by_structure = defaultdict(lambda: defaultdict(list))
    for mandate in contacts:
        contacts_by_structure[mandate.forum.structure_id][mandate.organisation_id].append(
            holder_from_mandate(mandate, party_ids)
        )
    chairs_by_forum = defaultdict(list)
    for mandate in chairs:
        chairs_by_forum[mandate.forum_id].append(holder_from_mandate(mandate, party_ids))

    states = {}
    for forum in forums:
        states[forum.pk] = ForumState(
            forum=forum,
            contacts=contacts_by_structure[forum.structure_id],
            party_names=party_names[forum.structure_id],
            chairs=list(chairs_by_forum[forum.pk]),
        )
    for seat in seats:
        label = str(seat.organisation) if seat.organisation_id else str(seat.party)
        states[seat.forum_id].seats.append(
            SeatInfo(
                seat.pk,
                seat.organisation_id,
                seat.party_id,
                seat.count,
                label,
                frozenset(party_ids.get(seat.organisation_id, ())),
            )
        )
    for mandate in current:
        states[mandate.forum_id].index(holder_from_mandate(mandate, party_ids))
    for forum in forums:
        state = states[forum.pk]
        for other in linked_forums.values():
            if (
                other.pk == forum.chair_party_differs_from_id
                or other.chair_party_differs_from_id == forum.pk
            ):
                state.linked.append((other, chairs_by_forum[other.pk]))
    return states


def load_state(forum):
    return load_states([forum])[forum.pk]
