"""Who approves minutes (R15): the forum's rule, who still must approve, who fits a role.

The rule is `Forum.minutes_approval`:
- chair: the chair alone;
- chair_and_member: the chair and one member (chair, vice chair or member, not the chair);
- chair_and_other_party_member: the chair and one member whose organisation belongs to no
  party of the chair's party in this structure ("the other party").

Approvers must hold a mandate in force in the forum. The author of the draft never approves
alone: where the chair alone approves, a chair who wrote the draft cannot approve it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from forums.models import Forum
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from .models import MinutesApproval

Role = MinutesApproval.Role
Rule = Forum.MinutesApproval

RULE_ROLES = {
    Rule.CHAIR: (Role.CHAIR,),
    Rule.CHAIR_AND_MEMBER: (Role.CHAIR, Role.MEMBER),
    Rule.CHAIR_AND_OTHER_PARTY_MEMBER: (Role.CHAIR, Role.OTHER_PARTY_MEMBER),
}
MEMBER_ROLES = (Mandate.Role.VICE_CHAIR, Mandate.Role.MEMBER)


class ApproverRefused(Exception):
    """The person does not fit any role still open; the message says why."""


@dataclass
class ApprovalState:
    required: tuple
    approvals: list
    missing: list
    chair_parties: set


def required_roles(forum):
    return RULE_ROLES[Rule(forum.minutes_approval)]


def _mandates(forum, person=None):
    qs = mandates_in_force().filter(forum=forum).select_related("organisation")
    if person is not None:
        qs = qs.filter(person=person)
    return list(qs)


def chair_mandate(forum):
    return (
        mandates_in_force()
        .filter(forum=forum, role=Mandate.Role.CHAIR)
        .select_related("organisation", "person")
        .first()
    )


def _organisation_parties(organisation, structure):
    if organisation is None:
        return set()
    return {p.pk for p in organisation.parties.all() if p.structure_id == structure.pk}


def chair_parties(forum):
    """The parties of the chair's side: the forum's chair party, else the chair's organisation."""
    if forum.chair_party_id:
        return {forum.chair_party_id}
    chair = chair_mandate(forum)
    return _organisation_parties(chair.organisation if chair else None, forum.structure)


def approval_state(minutes, forum=None):
    forum = forum or minutes.meeting.forum
    approvals = list(minutes.approvals.select_related("person"))
    done = {a.role for a in approvals}
    required = required_roles(forum)
    return ApprovalState(
        required=required,
        approvals=approvals,
        missing=[role for role in required if role not in done],
        chair_parties=chair_parties(forum) if Role.OTHER_PARTY_MEMBER in required else set(),
    )


def approver_role(*, minutes, person, state=None):
    """The role the person approves in, or ApproverRefused saying why they do not fit."""
    forum = minutes.meeting.forum
    state = state or approval_state(minutes, forum)
    if any(a.person_id == person.pk for a in state.approvals):
        raise ApproverRefused(_("You have already approved these minutes."))
    if not state.missing:
        raise ApproverRefused(_("The minutes need no more approvals."))
    mandates = _mandates(forum, person)
    if not mandates:
        raise ApproverRefused(
            _("Only people with a mandate in force in %(forum)s approve its minutes.")
            % {"forum": forum}
        )
    roles = {m.role for m in mandates}
    if Role.CHAIR in state.missing and Mandate.Role.CHAIR in roles:
        if state.required == (Role.CHAIR,) and minutes.author_id == person.pk:
            raise ApproverRefused(_("The author of the draft cannot approve the minutes alone."))
        return Role.CHAIR
    if Role.MEMBER in state.missing and roles & set(MEMBER_ROLES):
        return Role.MEMBER
    if Role.OTHER_PARTY_MEMBER in state.missing and roles & set(MEMBER_ROLES):
        seat_mandates = [m for m in mandates if m.role in MEMBER_ROLES]
        for mandate in seat_mandates:
            parties = _organisation_parties(mandate.organisation, forum.structure)
            if parties and not parties & state.chair_parties:
                return Role.OTHER_PARTY_MEMBER
        raise ApproverRefused(
            _(
                "A member of the other party must approve these minutes: your organisation "
                "belongs to the chair's party."
            )
        )
    if Mandate.Role.CHAIR in roles and Role.CHAIR not in state.missing:
        raise ApproverRefused(_("The chair has already approved these minutes."))
    missing = ", ".join(str(Role(role).label) for role in state.missing)
    raise ApproverRefused(
        _("You do not fit the approval still needed (%(missing)s).") % {"missing": missing}
    )


def possible_approvers(minutes, state=None):
    """People who could fill a missing role (for notifications), without per-person queries."""
    forum = minutes.meeting.forum
    state = state or approval_state(minutes, forum)
    done_people = {a.person_id for a in state.approvals}
    people = {}
    mandates = (
        mandates_in_force()
        .filter(forum=forum, role__in=(Mandate.Role.CHAIR, *MEMBER_ROLES))
        .select_related("person", "organisation")
        .prefetch_related("organisation__parties")
    )
    for mandate in mandates:
        person = mandate.person
        if person.pk in done_people:
            continue
        if mandate.role == Mandate.Role.CHAIR and Role.CHAIR in state.missing:
            people[person.pk] = person
        elif mandate.role in MEMBER_ROLES:
            if Role.MEMBER in state.missing:
                people[person.pk] = person
            elif Role.OTHER_PARTY_MEMBER in state.missing:
                parties = _organisation_parties(mandate.organisation, forum.structure)
                if parties and not parties & state.chair_parties:
                    people[person.pk] = person
    return list(people.values())


def approval_offer(*, minutes, person, state):
    """For the minutes page: (True, "") if the person may approve now, else (False, why).

    Only minutes in approval are offered; for others both are empty.
    """
    if minutes.status != minutes.Status.IN_APPROVAL:
        return False, ""
    try:
        approver_role(minutes=minutes, person=person, state=state)
    except ApproverRefused as refused:
        return False, str(refused)
    return True, ""
