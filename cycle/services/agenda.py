"""Putting a draft on a meeting's agenda as a decision item, for the forum to adopt."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history
from meetings.models import AgendaItem, Meeting
from meetings.services import agenda_item_add

from ..permissions import require_draft


@transaction.atomic
def document_put_on_agenda(*, actor, document, meeting, title, description=""):
    """Add a decision item for `document` (an `AdoptedByDecision`) to a coming meeting of the
    document's forum, and link them. A draft already on an agenda whose item has no decision
    yet is moved: its old item is left for the secretariat to remove."""
    forum = _forum_of(document)
    require_draft(actor, forum)
    document = type(document).objects.select_for_update().get(pk=document.pk)
    if document.is_adopted:
        raise DomainError(_("It is adopted already."))
    if not isinstance(meeting, Meeting) or meeting.forum_id != forum.pk:
        raise ValidationError(
            {"meeting": [_("Choose a coming meeting of %(forum)s.") % {"forum": forum}]}
        )
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=title,
        kind=AgendaItem.Kind.DECISION,
        description=description,
    )
    document.agenda_item = item
    save_with_history(document, actor=actor, reason="put on agenda")
    return document


def _forum_of(document):
    """The forum that adopts the document (a direction document's version: its document's)."""
    forum = getattr(document, "forum", None)
    return forum if forum is not None else document.document.forum
