"""A forum adopts a priority set, an action plan, a direction document's version or an
annual report by deciding the agenda item it was put on (see `AdoptedByDecision`)."""

from django.utils import timezone

from kernel.history import save_with_history
from meetings.decision_hooks import on_decision_recorded
from meetings.models import Decision

from .models import ActionPlan, AnnualReport, DirectionDocumentVersion, PrioritySet

ADOPTED_BY_DECISION = (PrioritySet, ActionPlan, DirectionDocumentVersion, AnnualReport)

# Called with (actor, document) after a document is adopted, in the same transaction: the
# annual report seals itself here. Filled by the modules that need it, by model.
AFTER_ADOPTION = {}


def document_on_item(item):
    """The document put on this agenda item for adoption, or None."""
    for model in ADOPTED_BY_DECISION:
        document = model.objects.select_for_update().filter(agenda_item=item).first()
        if document is not None:
            return document
    return None


@on_decision_recorded
def adopt_on_decision(*, actor, decision):
    if decision.outcome != Decision.Outcome.DECIDED:
        return  # referred back or removed: the document stays a draft
    document = document_on_item(decision.agenda_item)
    if document is None or document.is_adopted:
        return
    document.check_transition(document.Status.ADOPTED)
    document.status = document.Status.ADOPTED
    document.adopted_at = timezone.now()
    save_with_history(document, actor=actor, reason="adopted")
    after = AFTER_ADOPTION.get(type(document))
    if after is not None:
        after(actor=actor, document=document)
