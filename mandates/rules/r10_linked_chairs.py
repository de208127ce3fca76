"""R10: the tactical chair is held by the party that does not hold the strategic chair.

Seed 003 ("Taktisk samordningsgrupp"): "ordförandeskapet i den taktiska samordningsgruppen
besitts av den part som inte besitter ordförandeskapet i den strategiska styrgruppen." A
forum names the forum it differs from (`chair_party_differs_from`); chairs whose terms
overlap go to different parties (hard; a warning when a party is not known).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.rules import FORUM, HARD, MANDATE, SOFT, register

from .state import Role, Status

CODE = "R10"
TITLE = gettext_lazy("The chair goes to the party not chairing the linked forum")
CLAUSE = gettext_lazy("seed 003, “Taktisk samordningsgrupp”")


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=MANDATE)
def linked_chair_of_a_mandate(proposal):
    candidate = proposal.candidate
    if proposal.role != Role.CHAIR:
        return
    for linked_forum, chairs in proposal.state.linked:
        for other in chairs:
            if other.status != Status.ACTIVE or not other.overlaps(candidate):
                continue
            if not candidate.party_ids or not other.party_ids:
                yield proposal.finding(
                    _(
                        "The chair of %(forum)s and of %(other)s go to different parties, but "
                        "a party is not known."
                    )
                    % {**proposal.names, "other": linked_forum.name},
                    code="party_unknown",
                    level=SOFT,
                )
            elif candidate.party_ids & other.party_ids:
                yield proposal.finding(
                    _(
                        "%(party)s holds the chair of %(other)s, so the chair of %(forum)s "
                        "goes to another party."
                    )
                    % {
                        **proposal.names,
                        "party": proposal.state.party_label(candidate.party_ids & other.party_ids),
                        "other": linked_forum.name,
                    },
                    code="chair_party_differs",
                    field="organisation",
                )


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=FORUM)
def linked_chair_of_a_forum(forums):
    for state in forums:
        forum = state.forum
        if not forum.chair_party_differs_from_id:
            continue
        chair = next((h for h in forums.in_force(state) if h.role == Role.CHAIR), None)
        if chair is None:
            continue
        for linked_forum, linked_chairs in state.linked:
            if linked_forum.pk != forum.chair_party_differs_from_id:
                continue
            for other in linked_chairs:
                if other.in_force_on(forums.on) and chair.party_ids & other.party_ids:
                    yield forums.finding(
                        state,
                        _("%(party)s holds the chair of both %(other)s and %(forum)s.")
                        % {
                            "forum": forum.name,
                            "party": state.party_label(chair.party_ids & other.party_ids),
                            "other": linked_forum.name,
                        },
                        code="chair_party_differs",
                        holder=chair,
                    )
