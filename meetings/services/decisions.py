"""Decisions taken at a meeting, by the forum's rule, moving their cases (R14)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from escalation import services as escalation
from forums.models import Forum
from kernel.errors import DomainError
from kernel.history import save_with_history

from ..decision_hooks import decision_recorded
from ..models import AgendaItem, Decision
from .common import lock_meeting, refuse_if_minutes_approved, require_run

Outcome = Decision.Outcome


CONSENSUS_OUTCOMES = (Outcome.DECIDED, Outcome.REFERRED_BACK, Outcome.REMOVED, Outcome.ESCALATED)


@transaction.atomic
def decision_record(
    *,
    actor,
    item,
    outcome,
    text="",
    consensus=None,
    votes_for=None,
    votes_against=None,
    votes_abstaining=None,
):
    """Record the outcome of a decision item and move its case (R14).

    Consensus forums: decided (consensus required; the joint position's text), referred back,
    removed or escalated. Majority forums: votes for, against and abstaining. In a
    partnership a decision is a joint position that binds no party.
    """
    meeting = lock_meeting(item.meeting)
    forum = meeting.forum
    require_run(actor, forum)
    if not meeting.is_open_for_record:
        raise DomainError(_("Decisions are recorded at a convened or held meeting."))
    refuse_if_minutes_approved(meeting)
    item = AgendaItem.objects.select_related("case").get(pk=item.pk)
    if item.kind != AgendaItem.Kind.DECISION:
        raise DomainError(_("Only a decision item gets a decision."))
    if Decision.objects.filter(agenda_item=item).exists():
        raise DomainError(_("This item already has a decision."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose an outcome.")]})
    text = (text or "").strip()
    decision = Decision(agenda_item=item, outcome=outcome, text=text, recorded_by=actor)
    if forum.decision_rule == Forum.DecisionRule.CONSENSUS:
        if outcome not in CONSENSUS_OUTCOMES:
            raise ValidationError(
                {"outcome": [_("A consensus forum decides, refers back, removes or escalates.")]}
            )
        if outcome == Outcome.DECIDED and not consensus:
            raise DomainError(
                _(
                    "Without consensus the case cannot be decided: refer it back for new "
                    "preparation, remove it, or escalate it."
                )
            )
        decision.consensus = outcome == Outcome.DECIDED
    else:
        if outcome == Outcome.DECIDED:
            if votes_for is None or votes_against is None:
                raise ValidationError(
                    {"votes_for": [_("Record the votes for, against and abstaining.")]}
                )
            if votes_for <= votes_against:
                raise ValidationError(
                    {"votes_for": [_("Without a majority for it, the proposal is not decided.")]}
                )
        decision.votes_for = votes_for
        decision.votes_against = votes_against
        decision.votes_abstaining = votes_abstaining
    if outcome == Outcome.DECIDED and not text:
        raise ValidationError({"text": [_("Write what was decided.")]})
    if outcome in (Outcome.REFERRED_BACK, Outcome.REMOVED, Outcome.ESCALATED) and not text:
        raise ValidationError({"text": [_("Say why.")]})
    if outcome == Outcome.ESCALATED and (item.case is None or not forum.escalates_to_id):
        raise DomainError(_("Only a case in a forum with a forum above it can be escalated."))
    decision.is_joint_position = forum.structure.is_partnership and outcome == Outcome.DECIDED
    save_with_history(decision, actor=actor, reason=f"decision:{outcome}")
    case = item.case
    if case is not None:
        by = decision
        if outcome == Outcome.DECIDED:
            escalation.case_decide(actor=actor, case=case, outcome=text, authorised_by_decision=by)
        elif outcome == Outcome.REFERRED_BACK:
            escalation.case_refer_back(
                actor=actor, case=case, reason=text, authorised_by_decision=by
            )
        elif outcome == Outcome.REMOVED:
            escalation.case_remove(actor=actor, case=case, reason=text, authorised_by_decision=by)
        elif outcome == Outcome.ESCALATED:
            escalation.case_escalate(actor=actor, case=case, reason=text, authorised_by_decision=by)
    decision_recorded(actor=actor, decision=decision)
    return decision
