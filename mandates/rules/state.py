"""Rule checks on mandates: composition and chairs (R5, R7, R9, R10, R11).

The checks are pure functions over a snapshot (`ForumState`) that `load_states` reads in
a fixed number of queries for any number of forums. The same functions serve three
callers: the services (one mandate being saved), the import (rows not saved yet, added to
the snapshot as they pass) and the compliance page (every forum of a structure).

Each finding names its rule and has a severity:

- **hard** refuses the save (the services raise a ValidationError naming the field). These
  are rules whose breach makes the record wrong on its face: a second chair or vice chair
  for the same term (R11, also a database constraint), the chair outside the party the
  forum's rule names, chair and vice chair of the same party where the forum says they
  differ (R11), the chair held by the party that chairs the forum named in
  `chair_party_differs_from` (R10), an organisation without a seat in a forum that has
  seats, seats over-filled, one person in two seats of a forum (R5), a deputy without a
  member to stand in for (R5), a co-opted person without the items they join for (R7),
  two contact persons for one organisation (R9).
- **soft** warns (messages, and the compliance page). These describe a state the
  secretariat may knowingly be in for a while, or that needs a later decision: empty
  seats (R5, seats are filled over time), a chair term longer than the rotation period
  or a chair not rotated to another party or organisation (R10, a forum may extend a
  chair by decision), and parties that cannot be checked because an organisation
  belongs to no party.

Terms are compared by overlap: two mandates clash when their terms share a day.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forums.models import Forum, Organisation, Party, Seat

from .models import Mandate

HARD = "hard"
SOFT = "soft"

Role = Mandate.Role
Status = Mandate.Status
SEAT_ROLES = frozenset(str(role) for role in Mandate.SEAT_ROLES)
# Roles that speak for an organisation and so must name it.
REPRESENTING_ROLES = SEAT_ROLES | {Role.DEPUTY, Role.CONTACT_PERSON}
# Roles whose organisation must be allowed a seat in a forum that has seats.
SEATED_ROLES = SEAT_ROLES | {Role.DEPUTY}
_FAR_FUTURE = datetime.date.max


@dataclass(frozen=True)
class Finding:
    rule: str
    code: str
    severity: str
    message: str
    field: str | None = None
    forum_id: int | None = None
    mandate_id: int | None = None

    @property
    def is_hard(self):
        return self.severity == HARD

    def __str__(self):
        return self.message

    def as_dict(self):
        return {"rule": self.rule, "code": self.code, "message": self.message}


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

    def contact_persons(self):
        return [holder for holders in self.contacts.values() for holder in holders]


# --- dates ---------------------------------------------------------------------------------


def add_months(day, months):
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def months_between(start, end):
    """Whole months from start to end (2024-01-01 to 2025-01-01 is 12)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def term_months(holder):
    if holder.valid_to is None:
        return None
    return months_between(holder.valid_from, holder.valid_to + datetime.timedelta(days=1))


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


# --- checking one mandate ------------------------------------------------------------------


def _finding(rule, code, severity, message, *, field=None, state=None, holder=None):
    return Finding(
        rule=rule,
        code=code,
        severity=severity,
        message=f"{rule}: {message}" if rule else message,
        field=field,
        forum_id=state.forum.pk if state else None,
        mandate_id=holder.id if holder else None,
    )


def _role_name(role):
    return str(Role(role).label).lower()


def check_mandate(state, candidate, *, activating=False):
    """Findings for one mandate as it would be saved, against the rest of its forum.

    `activating` also refuses a second active chair or vice chair whose term does not
    overlap (the database allows one active chair per forum at a time).
    """
    findings = []
    forum = state.forum
    role = candidate.role
    names = {"forum": forum.name, "role": _role_name(role)}

    def hard(rule, code, message, field):
        findings.append(_finding(rule, code, HARD, message, field=field, state=state))

    def soft(rule, code, message, field=None):
        findings.append(_finding(rule, code, SOFT, message, field=field, state=state))

    if candidate.valid_to is not None and candidate.valid_to < candidate.valid_from:
        hard("", "ends_before_start", _("The mandate cannot end before it starts."), "valid_to")
        return findings

    def others(holders):
        return [h for h in holders if not h.same_mandate(candidate)]

    def active(holders):
        return [
            h
            for h in holders
            if not h.same_mandate(candidate) and h.status == Status.ACTIVE and h.overlaps(candidate)
        ]

    # R5: who speaks for an organisation names it, and it must have a seat here.
    if role in REPRESENTING_ROLES and candidate.organisation_id is None:
        hard(
            "R5",
            "organisation_required",
            _("A %(role)s speaks for an organisation: name the organisation.") % names,
            "organisation",
        )
    seat = state.seat_for(candidate.organisation_id, candidate.party_ids)
    if (
        role in SEATED_ROLES
        and candidate.organisation_id is not None
        and state.has_seats
        and seat is None
    ):
        hard(
            "R5",
            "seat_not_allowed",
            _("%(organisation)s has no seat in %(forum)s.")
            % {**names, "organisation": candidate.organisation_name},
            "organisation",
        )

    # R5: one seat per person, one mandate per person and role.
    for other in active(state.by_person.get(candidate.person_id, ())):
        if other.person_id == candidate.person_id and (
            other.role == role or (other.role in SEAT_ROLES and role in SEAT_ROLES)
        ):
            hard(
                "R5",
                "person_twice",
                _(
                    "%(person)s already holds a mandate as %(other_role)s in %(forum)s for "
                    "this term."
                )
                % {**names, "person": other.person_name, "other_role": _role_name(other.role)},
                "person",
            )
            break

    # R5: the seats of the organisation (or its party) are not over-filled.
    if role in SEAT_ROLES and seat is not None:
        taken = active(state.by_seat.get(seat.id, ()))
        if len(taken) + 1 > seat.count:
            hard(
                "R5",
                "seats_overfilled",
                _("The seats of %(seat)s in %(forum)s are all taken for this term (%(count)d).")
                % {**names, "seat": seat.label, "count": seat.count},
                "organisation",
            )

    # R11: one chair and one vice chair at a time.
    if role in (Role.CHAIR, Role.VICE_CHAIR):
        for other in others(state.by_role.get(role, ())):
            if other.status == Status.ACTIVE:
                if activating or other.overlaps(candidate):
                    message = (
                        _(
                            "%(forum)s already has an active chair (%(person)s); end that "
                            "mandate first."
                        )
                        if role == Role.CHAIR
                        else _(
                            "%(forum)s already has an active vice chair (%(person)s); end that "
                            "mandate first."
                        )
                    )
                    hard(
                        "R11",
                        f"one_{role}",
                        message % {**names, "person": other.person_name},
                        "role",
                    )
                    break

    # R11: the party that holds the chair, and the vice chair from the other party.
    if forum.chair_party_id and candidate.organisation_id is not None:
        party = state.party_names.get(forum.chair_party_id, "")
        if role == Role.CHAIR and forum.chair_party_id not in candidate.party_ids:
            hard(
                "R11",
                "chair_party",
                _(
                    "The chair of %(forum)s is held by %(party)s, and %(organisation)s is not "
                    "part of it."
                )
                % {**names, "party": party, "organisation": candidate.organisation_name},
                "organisation",
            )
        if (
            role == Role.VICE_CHAIR
            and forum.vice_chair_from_other_party
            and forum.chair_party_id in candidate.party_ids
        ):
            hard(
                "R11",
                "vice_chair_party",
                _("The vice chair of %(forum)s comes from another party than %(party)s.")
                % {**names, "party": party},
                "organisation",
            )
    if forum.vice_chair_from_other_party and role in (Role.CHAIR, Role.VICE_CHAIR):
        counterpart = Role.VICE_CHAIR if role == Role.CHAIR else Role.CHAIR
        for other in active(state.by_role.get(counterpart, ())):
            if not candidate.party_ids or not other.party_ids:
                soft(
                    "R11",
                    "party_unknown",
                    _(
                        "The chair and vice chair of %(forum)s come from different parties, but "
                        "the party of %(person)s is not known."
                    )
                    % {
                        **names,
                        "person": candidate.person_name
                        if not candidate.party_ids
                        else other.person_name,
                    },
                )
            elif candidate.party_ids & other.party_ids:
                hard(
                    "R11",
                    "chair_vice_chair_same_party",
                    _(
                        "The chair and vice chair of %(forum)s come from different parties, and "
                        "%(person)s (%(party)s) is already %(other_role)s."
                    )
                    % {
                        **names,
                        "person": other.person_name,
                        "party": state.party_label(other.party_ids),
                        "other_role": _role_name(other.role),
                    },
                    "organisation",
                )

    # R10: the chair goes to the party that does not chair the linked forum.
    if role == Role.CHAIR:
        for linked_forum, chairs in state.linked:
            for other in chairs:
                if other.status != Status.ACTIVE or not other.overlaps(candidate):
                    continue
                if not candidate.party_ids or not other.party_ids:
                    soft(
                        "R10",
                        "party_unknown",
                        _(
                            "The chair of %(forum)s and of %(other)s go to different parties, but "
                            "a party is not known."
                        )
                        % {**names, "other": linked_forum.name},
                    )
                elif candidate.party_ids & other.party_ids:
                    hard(
                        "R10",
                        "chair_party_differs",
                        _(
                            "%(party)s holds the chair of %(other)s, so the chair of %(forum)s "
                            "goes to another party."
                        )
                        % {
                            **names,
                            "party": state.party_label(candidate.party_ids & other.party_ids),
                            "other": linked_forum.name,
                        },
                        "organisation",
                    )

    # R9: one contact person per organisation in the structure.
    if role == Role.CONTACT_PERSON and candidate.organisation_id is not None:
        for other in state.contacts.get(candidate.organisation_id, ()):
            if not other.same_mandate(candidate) and other.overlaps(candidate):
                hard(
                    "R9",
                    "one_contact_person",
                    _("%(organisation)s already has a contact person (%(person)s).")
                    % {"organisation": candidate.organisation_name, "person": other.person_name},
                    "organisation",
                )
                break

    # A deputy stands in for a named member of the same forum; R7: the co-opted's items.
    if role == Role.DEPUTY:
        member = state.by_id.get(candidate.deputy_for_id)
        if candidate.deputy_for_id is None:
            hard(
                "R5",
                "deputy_for_required",
                _("A deputy stands in for a named member: choose the member."),
                "deputy_for",
            )
        elif member is None or member.same_mandate(candidate) or member.role not in SEAT_ROLES:
            hard(
                "R5",
                "deputy_for_invalid",
                _("A deputy stands in for a current chair, vice chair or member of %(forum)s.")
                % names,
                "deputy_for",
            )
    if role == Role.CO_OPTED and not candidate.scope.strip():
        hard(
            "R7",
            "co_opted_scope",
            _(
                "A co-opted person joins for named agenda items or a question: name them in the "
                "scope."
            ),
            "scope",
        )

    # R10 (soft): the chair's term and the rotation.
    if role == Role.CHAIR and forum.chair_rotation_months:
        months = forum.chair_rotation_months
        length = term_months(candidate)
        if length is None:
            soft(
                "R10",
                "chair_term_open",
                _(
                    "The chair of %(forum)s rotates every %(months)d months; give the mandate an "
                    "end date."
                )
                % {**names, "months": months},
                "valid_to",
            )
        elif length > months:
            soft(
                "R10",
                "chair_term_too_long",
                _(
                    "The chair term (%(length)d months) is longer than the rotation period of "
                    "%(forum)s (%(months)d months)."
                )
                % {**names, "length": length, "months": months},
                "valid_to",
            )
    if role == Role.CHAIR and forum.chair_rotation_among:
        previous = [
            h
            for h in state.chairs
            if not h.same_mandate(candidate) and h.valid_from < candidate.valid_from
        ]
        if previous and _same_holder(forum, previous[-1], candidate):
            soft(
                "R10",
                "chair_not_rotated",
                _(
                    "The chair of %(forum)s rotates %(among)s, and %(holder)s held it last time "
                    "as well."
                )
                % {
                    **names,
                    "among": _rotation_among(forum),
                    "holder": _holder_key_label(state, previous[-1]),
                },
            )
    return findings


def _rotation_among(forum):
    return str(Forum.RotationAmong(forum.chair_rotation_among).label).lower()


def _same_holder(forum, first, second):
    if forum.chair_rotation_among == Forum.RotationAmong.PARTIES:
        return bool(first.party_ids & second.party_ids)
    return first.organisation_id is not None and first.organisation_id == second.organisation_id


def _holder_key_label(state, holder):
    if state.forum.chair_rotation_among == Forum.RotationAmong.PARTIES:
        return state.party_label(holder.party_ids)
    return holder.organisation_name or holder.person_name


def hard_findings(findings):
    return [finding for finding in findings if finding.is_hard]


def soft_findings(findings):
    return [finding for finding in findings if not finding.is_hard]


def raise_for_hard(findings):
    """Refuse the save: a ValidationError with each hard finding under its field."""
    errors = defaultdict(list)
    for finding in hard_findings(findings):
        errors[finding.field or NON_FIELD_ERRORS].append(finding.message)
    if errors:
        raise ValidationError(dict(errors))


# --- checking forums and structures (the compliance page) ----------------------------------


def composition(state, *, on=None):
    """Seats of the forum with who fills them on the day: [(seat, [holders])]."""
    day = on or timezone.localdate()
    filled = {seat.id: [] for seat in state.seats}
    for holder in state.holders:
        if holder.role in SEAT_ROLES and holder.in_force_on(day):
            seat = state.seat_for(holder.organisation_id, holder.party_ids)
            if seat is not None:
                filled[seat.id].append(holder)
    return [(seat, filled[seat.id]) for seat in state.seats]


def forum_findings(state, *, on=None):
    """Everything the rules say about a forum as it stands on the day."""
    day = on or timezone.localdate()
    forum = state.forum
    findings = []
    names = {"forum": forum.name}

    def add(rule, code, severity, message, holder=None):
        findings.append(_finding(rule, code, severity, message, state=state, holder=holder))

    in_force = [h for h in state.holders if h.in_force_on(day)]
    for holder in in_force:
        if (
            holder.role in SEATED_ROLES
            and state.has_seats
            and state.seat_for(holder.organisation_id, holder.party_ids) is None
        ):
            add(
                "R5",
                "seat_not_allowed",
                HARD,
                _("%(person)s sits for %(organisation)s, which has no seat in %(forum)s.")
                % {
                    **names,
                    "person": holder.person_name,
                    "organisation": holder.organisation_name or _("no organisation"),
                },
                holder,
            )
    for seat, holders in composition(state, on=day):
        if len(holders) > seat.count:
            add(
                "R5",
                "seats_overfilled",
                HARD,
                _("%(seat)s has %(count)d seats in %(forum)s but %(filled)d mandates.")
                % {**names, "seat": seat.label, "count": seat.count, "filled": len(holders)},
            )
        elif len(holders) < seat.count:
            add(
                "R5",
                "seats_empty",
                SOFT,
                _("%(free)d of the %(count)d seats of %(seat)s in %(forum)s are empty.")
                % {
                    **names,
                    "seat": seat.label,
                    "count": seat.count,
                    "free": seat.count - len(holders),
                },
            )

    chairs = [h for h in in_force if h.role == Role.CHAIR]
    vices = [h for h in in_force if h.role == Role.VICE_CHAIR]
    if len(chairs) > 1:
        add("R11", "one_chair", HARD, _("%(forum)s has more than one chair.") % names)
    chair = chairs[0] if chairs else None
    vice = vices[0] if vices else None
    if chair and forum.chair_party_id and forum.chair_party_id not in chair.party_ids:
        add(
            "R11",
            "chair_party",
            HARD,
            _("The chair of %(forum)s is held by %(party)s, and %(person)s is not part of it.")
            % {
                **names,
                "party": state.party_names.get(forum.chair_party_id, ""),
                "person": chair.person_name,
            },
            chair,
        )
    if chair and vice and forum.vice_chair_from_other_party:
        if not chair.party_ids or not vice.party_ids:
            add(
                "R11",
                "party_unknown",
                SOFT,
                _(
                    "The chair and vice chair of %(forum)s come from different parties, but a "
                    "party is not known."
                )
                % names,
            )
        elif chair.party_ids & vice.party_ids:
            add(
                "R11",
                "chair_vice_chair_same_party",
                HARD,
                _("The chair and vice chair of %(forum)s come from the same party (%(party)s).")
                % {**names, "party": state.party_label(chair.party_ids & vice.party_ids)},
                vice,
            )
    if chair and forum.chair_party_differs_from_id:
        for linked_forum, linked_chairs in state.linked:
            if linked_forum.pk != forum.chair_party_differs_from_id:
                continue
            for other in linked_chairs:
                if other.in_force_on(day) and chair.party_ids & other.party_ids:
                    add(
                        "R10",
                        "chair_party_differs",
                        HARD,
                        _("%(party)s holds the chair of both %(other)s and %(forum)s.")
                        % {
                            **names,
                            "party": state.party_label(chair.party_ids & other.party_ids),
                            "other": linked_forum.name,
                        },
                        chair,
                    )
    if chair and forum.chair_rotation_months:
        since = chair_tenure_start(state, chair)
        if months_between(since, day) >= forum.chair_rotation_months:
            add(
                "R10",
                "chair_held_too_long",
                SOFT,
                _(
                    "%(holder)s has held the chair of %(forum)s since %(since)s, longer than the "
                    "rotation period of %(months)d months."
                )
                % {
                    **names,
                    "holder": _holder_key_label(state, chair)
                    if forum.chair_rotation_among
                    else chair.person_name,
                    "since": date_format(since, "Y-m-d"),
                    "months": forum.chair_rotation_months,
                },
                chair,
            )
    if chair and forum.chair_rotation_among:
        earlier = [
            h for h in state.chairs if not h.same_mandate(chair) and h.valid_from < chair.valid_from
        ]
        if earlier and _same_holder(forum, earlier[-1], chair):
            add(
                "R10",
                "chair_not_rotated",
                SOFT,
                _(
                    "The chair of %(forum)s rotates %(among)s, and %(holder)s held it last time "
                    "as well."
                )
                % {
                    **names,
                    "among": _rotation_among(forum),
                    "holder": _holder_key_label(state, chair),
                },
                chair,
            )
    return findings


def chair_tenure_start(state, chair):
    """When the chair's party or organisation (or person) took the chair without a break."""
    forum = state.forum
    start = chair.valid_from
    earlier = sorted(
        (h for h in state.chairs if not h.same_mandate(chair) and h.valid_from < chair.valid_from),
        key=lambda h: h.valid_from,
        reverse=True,
    )
    for holder in earlier:
        if forum.chair_rotation_among:
            same = _same_holder(forum, holder, chair)
        else:
            same = holder.person_id == chair.person_id
        ends = holder.valid_to or start
        if not same or (start - ends).days > 31:
            break
        start = holder.valid_from
    return start


def structure_findings(structure, *, on=None):
    """[(forum, findings)] for the structure's active forums, and structure-wide findings.

    Reads everything in a fixed number of queries, whatever the number of forums.
    """
    day = on or timezone.localdate()
    forums = list(structure.forums.exclude(active_to__lt=day).order_by("tier", "name"))
    states = load_states(forums)
    per_forum = [(forum, forum_findings(states[forum.pk], on=day)) for forum in forums]
    structure_wide = []
    if states:
        contacts = next(iter(states.values())).contacts
        for organisation_holders in contacts.values():
            holders = [holder for holder in organisation_holders if holder.in_force_on(day)]
            if len(holders) > 1:
                structure_wide.append(
                    _finding(
                        "R9",
                        "one_contact_person",
                        HARD,
                        _("%(organisation)s has %(count)d contact persons: %(people)s.")
                        % {
                            "organisation": holders[0].organisation_name,
                            "count": len(holders),
                            "people": ", ".join(h.person_name for h in holders),
                        },
                    )
                )
    return per_forum, structure_wide
