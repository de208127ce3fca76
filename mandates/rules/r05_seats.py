"""R5: seats per organisation or party.

Seed 002 ("Sammansättning"): the municipalities are represented by one representative from
each of the four municipal associations and one from the City of Gothenburg; VGR by five.
Seed 003 (note 1): SKS has one representative from each healthcare region.

Hard: who speaks for an organisation names it; the organisation has a seat in a forum that
has seats; its seats are not over-filled; one person holds one seat; a deputy stands in
for a named member of the same forum. Soft: empty seats (seats are filled over time).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kernel.rules import FORUM, HARD, MANDATE, SOFT, register

from .context import role_name
from .state import REPRESENTING_ROLES, SEAT_ROLES, SEATED_ROLES, Role

CODE = "R5"
TITLE = gettext_lazy("Seats per organisation or party")
CLAUSE = gettext_lazy("seed 002, “Sammansättning”; seed 003, note 1")


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=MANDATE)
def seats_of_a_mandate(proposal):
    state, candidate, role, names = (
        proposal.state,
        proposal.candidate,
        proposal.role,
        proposal.names,
    )
    if role in REPRESENTING_ROLES and candidate.organisation_id is None:
        yield proposal.finding(
            _("A %(role)s speaks for an organisation: name the organisation.") % names,
            code="organisation_required",
            field="organisation",
        )
    seat = state.seat_for(candidate.organisation_id, candidate.party_ids)
    if (
        role in SEATED_ROLES
        and candidate.organisation_id is not None
        and state.has_seats
        and seat is None
    ):
        yield proposal.finding(
            _("%(organisation)s has no seat in %(forum)s.")
            % {**names, "organisation": candidate.organisation_name},
            code="seat_not_allowed",
            field="organisation",
        )

    # One seat per person, one mandate per person and role.
    for other in proposal.active(state.by_person.get(candidate.person_id, ())):
        if other.person_id == candidate.person_id and (
            other.role == role or (other.role in SEAT_ROLES and role in SEAT_ROLES)
        ):
            yield proposal.finding(
                _(
                    "%(person)s already holds a mandate as %(other_role)s in %(forum)s for "
                    "this term."
                )
                % {
                    **names,
                    "person": other.person_name,
                    "other_role": role_name(other.role),
                },
                code="person_twice",
                field="person",
            )
            break

    # The seats of the organisation (or its party) are not over-filled.
    if role in SEAT_ROLES and seat is not None:
        taken = proposal.active(state.by_seat.get(seat.id, ()))
        if len(taken) + 1 > seat.count:
            yield proposal.finding(
                ngettext(
                    "The seat of %(seat)s in %(forum)s is taken for this term: end the "
                    "mandate that holds it first, or choose another organisation.",
                    "The %(count)d seats of %(seat)s in %(forum)s are all taken for this term: "
                    "end a mandate that holds one first, or choose another organisation.",
                    seat.count,
                )
                % {**names, "seat": seat.label, "count": seat.count},
                code="seats_overfilled",
                field="organisation",
            )

    # A deputy stands in for a named member of the same forum.
    if role == Role.DEPUTY:
        member = state.by_id.get(candidate.deputy_for_id)
        if candidate.deputy_for_id is None:
            yield proposal.finding(
                _("A deputy stands in for a named member: choose the member."),
                code="deputy_for_required",
                field="deputy_for",
            )
        elif member is None or member.same_mandate(candidate) or member.role not in SEAT_ROLES:
            yield proposal.finding(
                _("A deputy stands in for a current chair, vice chair or member of %(forum)s.")
                % names,
                code="deputy_for_invalid",
                field="deputy_for",
            )


def composition(state, *, on):
    """Seats of the forum with who fills them on the day: [(seat, [holders])]."""
    filled = {seat.id: [] for seat in state.seats}
    for holder in state.holders:
        if holder.role in SEAT_ROLES and holder.in_force_on(on):
            seat = state.seat_for(holder.organisation_id, holder.party_ids)
            if seat is not None:
                filled[seat.id].append(holder)
    return [(seat, filled[seat.id]) for seat in state.seats]


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=FORUM)
def seats_of_a_forum(forums):
    """Mandates in force without a seat, and seats over-filled (the data changed since)."""
    for state in forums:
        names = {"forum": state.forum.name}
        if state.has_seats:
            for holder in forums.in_force(state):
                if (
                    holder.role in SEATED_ROLES
                    and state.seat_for(holder.organisation_id, holder.party_ids) is None
                ):
                    yield forums.finding(
                        state,
                        _("%(person)s sits for %(organisation)s, which has no seat in %(forum)s.")
                        % {
                            **names,
                            "person": holder.person_name,
                            "organisation": holder.organisation_name or _("no organisation"),
                        },
                        code="seat_not_allowed",
                        holder=holder,
                    )
        for seat, holders in composition(state, on=forums.on):
            if len(holders) > seat.count:
                yield forums.finding(
                    state,
                    ngettext(
                        "%(seat)s has %(count)d seat in %(forum)s but %(filled)d mandates: "
                        "end the mandates that are too many.",
                        "%(seat)s has %(count)d seats in %(forum)s but %(filled)d mandates: "
                        "end the mandates that are too many.",
                        seat.count,
                    )
                    % {**names, "seat": seat.label, "count": seat.count, "filled": len(holders)},
                    code="seats_overfilled",
                )


@register(
    code=CODE,
    title=gettext_lazy("Empty seats"),
    clause=CLAUSE,
    level=SOFT,
    scope=FORUM,
)
def empty_seats(forums):
    for state in forums:
        for seat, holders in composition(state, on=forums.on):
            if len(holders) < seat.count:
                yield forums.finding(
                    state,
                    empty_seats_message(
                        forum=state.forum.name,
                        seat=seat.label,
                        count=seat.count,
                        free=seat.count - len(holders),
                    ),
                    code="seats_empty",
                )


def empty_seats_message(*, forum, seat, count, free):
    """ "The seat ... is empty", "All 3 seats ...", "1 of the 5 seats ... is empty": said as
    a person would say it, with what to do about it."""
    names = {"forum": forum, "seat": seat, "count": count, "free": free}
    if count == 1:
        said = _("The seat of %(seat)s in %(forum)s is empty.") % names
    elif free == count:
        said = _("All %(count)d seats of %(seat)s in %(forum)s are empty.") % names
    else:
        said = (
            ngettext(
                "%(free)d of the %(count)d seats of %(seat)s in %(forum)s is empty.",
                "%(free)d of the %(count)d seats of %(seat)s in %(forum)s are empty.",
                free,
            )
            % names
        )
    then = ngettext(
        "Give someone a mandate for it on the forum's mandates page.",
        "Give people mandates for them on the forum's mandates page.",
        free,
    )
    return f"{said} {then}"
