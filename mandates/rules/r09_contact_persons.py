"""R9: each agency names one contact person for the partnership.

Seed 003 ("Kontaktytor på myndigheterna"): "Vardera myndighet utser en representant som
utgör kontaktyta till den egna myndigheten inom ramen för partnerskapet." One contact
person per organisation in the structure, whichever forum the mandate is in (hard).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.rules import FORUM, HARD, MANDATE, register

from .state import Role

CODE = "R9"
TITLE = gettext_lazy("One contact person per organisation")
CLAUSE = gettext_lazy("seed 003, “Kontaktytor på myndigheterna”")


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=MANDATE)
def one_contact_person(proposal):
    candidate = proposal.candidate
    if proposal.role != Role.CONTACT_PERSON or candidate.organisation_id is None:
        return
    for other in proposal.state.contacts.get(candidate.organisation_id, ()):
        if not other.same_mandate(candidate) and other.overlaps(candidate):
            yield proposal.finding(
                _("%(organisation)s already has a contact person (%(person)s).")
                % {"organisation": candidate.organisation_name, "person": other.person_name},
                code="one_contact_person",
                field="organisation",
            )
            return


@register(code=CODE, title=TITLE, clause=CLAUSE, level=HARD, scope=FORUM)
def contact_persons_of_a_structure(forums):
    """A finding for the whole structure: the contact persons are shared by its forums."""
    # The forums of one structure share one dict of contact persons.
    seen = {}
    for state in forums:
        seen.setdefault(id(state.contacts), state.contacts)
    for contacts in seen.values():
        for organisation_holders in contacts.values():
            holders = [holder for holder in organisation_holders if holder.in_force_on(forums.on)]
            if len(holders) > 1:
                yield forums.structure_finding(
                    _("%(organisation)s has %(count)d contact persons: %(people)s.")
                    % {
                        "organisation": holders[0].organisation_name,
                        "count": len(holders),
                        "people": ", ".join(h.person_name for h in holders),
                    },
                    code="one_contact_person",
                )
