"""R11: one chair and one vice chair; the chair from one party, the vice chair from the other.

Seed 002 ("Arbetsformer"): "Ordförandeskapet i beredningsgruppen ska innehas av kommunerna
och Västra Götalandsregionen ska utse vice ordförande." A forum names the party that holds
its chair (`chair_party`) and whether the vice chair comes from another party
(`vice_chair_from_other_party`).

Hard: a second chair or vice chair for the same term (also a database constraint), the
chair outside the party named, chair and vice chair of the same party where they must
differ. A warning when a party is not known.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.rules import FORUM, HARD, MANDATE, SOFT, register

from .context import role_name
from .state import Role, Status

CODE = "R11"
TITLE = gettext_lazy("Chair and vice chair")
CLAUSE = gettext_lazy("seed 002, “Arbetsformer”")
CHAIRS = (Role.CHAIR, Role.VICE_CHAIR)


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=MANDATE)
def chairs_of_a_mandate(proposal):
    forum, state, candidate = proposal.forum, proposal.state, proposal.candidate
    role, names = proposal.role, proposal.names

    # One chair and one vice chair at a time.
    if role in CHAIRS:
        for other in proposal.others(state.by_role.get(role, ())):
            if other.status == Status.ACTIVE and (proposal.activating or other.overlaps(candidate)):
                message = (
                    _("%(forum)s already has an active chair (%(person)s); end that mandate first.")
                    if role == Role.CHAIR
                    else _(
                        "%(forum)s already has an active vice chair (%(person)s); end that "
                        "mandate first."
                    )
                )
                yield proposal.finding(
                    message % {**names, "person": other.person_name},
                    code=f"one_{role}",
                    field="role",
                )
                break

    # The party that holds the chair, and the vice chair from the other party.
    if forum.chair_party_id and candidate.organisation_id is not None:
        party = state.party_names.get(forum.chair_party_id, "")
        if role == Role.CHAIR and forum.chair_party_id not in candidate.party_ids:
            yield proposal.finding(
                _(
                    "The chair of %(forum)s is held by %(party)s, and %(organisation)s is not "
                    "part of it."
                )
                % {**names, "party": party, "organisation": candidate.organisation_name},
                code="chair_party",
                field="organisation",
            )
        if (
            role == Role.VICE_CHAIR
            and forum.vice_chair_from_other_party
            and forum.chair_party_id in candidate.party_ids
        ):
            yield proposal.finding(
                _("The vice chair of %(forum)s comes from another party than %(party)s.")
                % {**names, "party": party},
                code="vice_chair_party",
                field="organisation",
            )
    if forum.vice_chair_from_other_party and role in CHAIRS:
        counterpart = Role.VICE_CHAIR if role == Role.CHAIR else Role.CHAIR
        for other in proposal.active(state.by_role.get(counterpart, ())):
            if not candidate.party_ids or not other.party_ids:
                yield proposal.finding(
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
                    code="party_unknown",
                    level=SOFT,
                )
            elif candidate.party_ids & other.party_ids:
                yield proposal.finding(
                    _(
                        "The chair and vice chair of %(forum)s come from different parties, and "
                        "%(person)s (%(party)s) is already %(other_role)s."
                    )
                    % {
                        **names,
                        "person": other.person_name,
                        "party": state.party_label(other.party_ids),
                        "other_role": role_name(other.role),
                    },
                    code="chair_vice_chair_same_party",
                    field="organisation",
                )


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=FORUM)
def chairs_of_a_forum(forums):
    for state in forums:
        forum = state.forum
        names = {"forum": forum.name}
        in_force = forums.in_force(state)
        chairs = [h for h in in_force if h.role == Role.CHAIR]
        vices = [h for h in in_force if h.role == Role.VICE_CHAIR]
        if len(chairs) > 1:
            yield forums.finding(
                state, _("%(forum)s has more than one chair.") % names, code="one_chair"
            )
        chair = chairs[0] if chairs else None
        vice = vices[0] if vices else None
        if chair and forum.chair_party_id and forum.chair_party_id not in chair.party_ids:
            yield forums.finding(
                state,
                _("The chair of %(forum)s is held by %(party)s, and %(person)s is not part of it.")
                % {
                    **names,
                    "party": state.party_names.get(forum.chair_party_id, ""),
                    "person": chair.person_name,
                },
                code="chair_party",
                holder=chair,
            )
        if chair and vice and forum.vice_chair_from_other_party:
            if not chair.party_ids or not vice.party_ids:
                yield forums.finding(
                    state,
                    _(
                        "The chair and vice chair of %(forum)s come from different parties, but "
                        "a party is not known."
                    )
                    % names,
                    code="party_unknown",
                    level=SOFT,
                )
            elif chair.party_ids & vice.party_ids:
                yield forums.finding(
                    state,
                    _("The chair and vice chair of %(forum)s come from the same party (%(party)s).")
                    % {**names, "party": state.party_label(chair.party_ids & vice.party_ids)},
                    code="chair_vice_chair_same_party",
                    holder=vice,
                )
