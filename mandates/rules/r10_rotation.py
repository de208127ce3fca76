"""R10: the chair rotates.

Seed 001 ("Ordförandes uppdrag"): "Uppdraget som ordförande roterar i tvåårsperioder."
Seed 003 ("Strategisk styrgrupp"): "Ordförandeskapet roteras årligen mellan SKS och
myndigheterna." A forum names its period (`chair_rotation_months`) and among whom the chair
rotates (`chair_rotation_among`: parties or organisations).

Soft: a forum may extend a chair by decision. It warns of an open-ended chair term or one
longer than the period, of a chair held past the period, and of a chair not rotated to
another party or organisation. The forum check reads the chairs as they stand (the chair
in force and those appointed from a later day), so what a save warned of stays on the forum
page and the compliance page for as long as it holds.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums.models import Forum
from kernel.rules import FORUM, MANDATE, SOFT, register

from .dates import months_between, term_months
from .state import Role, Status

CODE = "R10"
TITLE = gettext_lazy("The chair rotates")
CLAUSE = gettext_lazy("seed 001, “Ordförandes uppdrag”; seed 003, “Strategisk styrgrupp”")


def rotation_among(forum):
    return str(Forum.RotationAmong(forum.chair_rotation_among).label).lower()


def same_holder(forum, first, second):
    """The same party (or organisation) held both chairs, as the forum rotates."""
    if forum.chair_rotation_among == Forum.RotationAmong.PARTIES:
        return bool(first.party_ids & second.party_ids)
    return first.organisation_id is not None and first.organisation_id == second.organisation_id


def holder_label(state, holder):
    if state.forum.chair_rotation_among == Forum.RotationAmong.PARTIES:
        return state.party_label(holder.party_ids)
    return holder.organisation_name or holder.person_name


def previous_chair(state, chair):
    """The chair before this one (started earlier), or None."""
    earlier = [
        h for h in state.chairs if not h.same_mandate(chair) and h.valid_from < chair.valid_from
    ]
    return earlier[-1] if earlier else None


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
            same = same_holder(forum, holder, chair)
        else:
            same = holder.person_id == chair.person_id
        ends = holder.valid_to or start
        if not same or (start - ends).days > 31:
            break
        start = holder.valid_from
    return start


def _not_rotated(state, forum, holder):
    return _(
        "The chair of %(forum)s rotates %(among)s, and %(holder)s held it last time as well."
    ) % {
        "forum": forum.name,
        "among": rotation_among(forum),
        "holder": holder_label(state, holder),
    }


@register(code=CODE, title=TITLE, clause=CLAUSE, level=SOFT, scope=MANDATE)
def rotation_of_a_mandate(proposal):
    forum, candidate, names = proposal.forum, proposal.candidate, proposal.names
    if proposal.role != Role.CHAIR:
        return
    if forum.chair_rotation_months:
        months = forum.chair_rotation_months
        length = term_months(candidate)
        if length is None:
            yield proposal.finding(
                _(
                    "The chair of %(forum)s rotates every %(months)d months; give the mandate an "
                    "end date."
                )
                % {**names, "months": months},
                code="chair_term_open",
                field="valid_to",
            )
        elif length > months:
            yield proposal.finding(
                _(
                    "The chair term (%(length)d months) is longer than the rotation period of "
                    "%(forum)s (%(months)d months)."
                )
                % {**names, "length": length, "months": months},
                code="chair_term_too_long",
                field="valid_to",
            )
    if forum.chair_rotation_among:
        previous = previous_chair(proposal.state, candidate)
        if previous is not None and same_holder(forum, previous, candidate):
            yield proposal.finding(
                _not_rotated(proposal.state, forum, previous), code="chair_not_rotated"
            )


def _term_findings(forums, state, chair):
    """The chair's term as it stands: open-ended, or longer than the rotation period.

    Read from the mandates every time the forum is checked, so the warning a save gave
    stays for as long as the term does.
    """
    forum = state.forum
    months = forum.chair_rotation_months
    length = term_months(chair)
    names = {
        "forum": forum.name,
        "person": chair.person_name,
        "months": months,
        "start": date_format(chair.valid_from, "Y-m-d"),
    }
    if length is None:
        yield forums.finding(
            state,
            _(
                "The chair of %(forum)s rotates every %(months)d months, but the term of "
                "%(person)s (from %(start)s) has no end date."
            )
            % names,
            code="chair_term_open",
            holder=chair,
        )
    elif length > months:
        yield forums.finding(
            state,
            _(
                "The chair term of %(person)s in %(forum)s (%(start)s to %(end)s, %(length)d "
                "months) is longer than the rotation period of %(months)d months."
            )
            % {**names, "length": length, "end": date_format(chair.valid_to, "Y-m-d")},
            code="chair_term_too_long",
            holder=chair,
        )


def chairs_in_force_or_coming(forums, state):
    """The active chairs whose term has not ended on the day: in force, or from a later day."""
    return [
        h
        for h in state.chairs
        if h.status == Status.ACTIVE
        and h.role == Role.CHAIR
        and (h.valid_to is None or h.valid_to >= forums.on)
    ]


@register(code=CODE, title=TITLE, clause=CLAUSE, level=SOFT, scope=FORUM)
def rotation_of_a_forum(forums):
    for state in forums:
        forum = state.forum
        if forum.chair_rotation_months:
            for holder in chairs_in_force_or_coming(forums, state):
                yield from _term_findings(forums, state, holder)
        chair = next((h for h in forums.in_force(state) if h.role == Role.CHAIR), None)
        if chair is None:
            continue
        if forum.chair_rotation_months:
            since = chair_tenure_start(state, chair)
            if months_between(since, forums.on) >= forum.chair_rotation_months:
                yield forums.finding(
                    state,
                    _(
                        "%(holder)s has held the chair of %(forum)s since %(since)s, longer than "
                        "the rotation period of %(months)d months."
                    )
                    % {
                        "forum": forum.name,
                        "holder": holder_label(state, chair)
                        if forum.chair_rotation_among
                        else chair.person_name,
                        "since": date_format(since, "Y-m-d"),
                        "months": forum.chair_rotation_months,
                    },
                    code="chair_held_too_long",
                    holder=chair,
                )
        if forum.chair_rotation_among:
            previous = previous_chair(state, chair)
            if previous is not None and same_holder(forum, previous, chair):
                yield forums.finding(
                    state, _not_rotated(state, forum, chair), code="chair_not_rotated", holder=chair
                )
