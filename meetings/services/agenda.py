"""The agenda: items added (a case becomes scheduled), removed and reordered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from escalation import services as escalation
from escalation.models import Case
from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import AgendaItem, Decision
from .common import lock_meeting, refuse_if_minutes_approved, release_case, require_run


def _check_case_for(meeting, case):
    if case.current_forum_id != meeting.forum_id:
        raise ValidationError(
            {
                "case": [
                    _("Only a case now at %(forum)s can be put on its agenda.")
                    % {"forum": meeting.forum}
                ]
            }
        )
    if not case.can_become(Case.Status.SCHEDULED):
        raise ValidationError(
            {
                "case": [
                    _("A case that is “%(status)s” is not ready for a meeting: prepare it first.")
                    % {"status": case.get_status_display()}
                ]
            }
        )


@transaction.atomic
def agenda_item_add(
    *,
    actor,
    meeting,
    title,
    kind=AgendaItem.Kind.INFORMATION,
    description="",
    case=None,
    co_opted=(),
):
    """Add an item at the end of the agenda. A case must be at this forum and ready (in
    preparation); it becomes scheduled. Co-opted people join for this item only (R7)."""
    require_run(actor, meeting.forum)
    locked = lock_meeting(meeting)
    refuse_if_minutes_approved(locked)
    if not locked.is_open_for_agenda:
        raise DomainError(_("The agenda of a held or cancelled meeting cannot change."))
    title = (title or "").strip()
    if not title and case is not None:
        title = case.title
    if not title:
        raise ValidationError({"title": [_("Give the item a title.")]})
    if case is not None:
        _check_case_for(locked, case)
        if kind != AgendaItem.Kind.DECISION and kind != AgendaItem.Kind.DISCUSSION:
            kind = AgendaItem.Kind.DECISION
    last = locked.agenda_items.aggregate(last=Max("order"))["last"]
    item = AgendaItem(
        meeting=locked,
        order=(last or 0) + 1,
        title=title,
        kind=kind,
        description=(description or "").strip(),
        case=case,
    )
    save_with_history(item, actor=actor, reason="added to agenda")
    if co_opted:
        item.co_opted.set(co_opted)
    if case is not None:
        escalation.case_schedule(
            actor=actor, case=case, note=_("On the agenda of %(meeting)s") % {"meeting": locked}
        )
    return item


@transaction.atomic
def agenda_item_remove(*, actor, item):
    meeting = lock_meeting(item.meeting)
    require_run(actor, meeting.forum)
    refuse_if_minutes_approved(meeting)
    if not meeting.is_open_for_agenda:
        raise DomainError(_("The agenda of a held or cancelled meeting cannot change."))
    item = AgendaItem.objects.select_related("case").get(pk=item.pk)
    if Decision.objects.filter(agenda_item=item).exists():
        raise DomainError(
            _("“%(title)s” has a decision and cannot be taken off the agenda.")
            % {"title": item.title}
        )
    release_case(actor, item, _("Taken off the agenda of %(meeting)s") % {"meeting": meeting})
    item._history_user = actor
    item._change_reason = "removed from agenda"
    item.delete()
    _renumber(actor, meeting, list(meeting.agenda_items.order_by("order", "id")))
    return meeting


def _renumber(actor, meeting, items):
    for number, item in enumerate(items, start=1):
        if item.order != number:
            item.order = number
            save_with_history(item, actor=actor, reason="reordered", update_fields=["order"])
    return items


@transaction.atomic
def agenda_item_move(*, actor, item, direction):
    """Move an item one step up or down; the meeting row is locked so moves never collide."""
    meeting = lock_meeting(item.meeting)
    require_run(actor, meeting.forum)
    refuse_if_minutes_approved(meeting)
    if not meeting.is_open_for_agenda:
        raise DomainError(_("The agenda of a held or cancelled meeting cannot change."))
    if direction not in ("up", "down"):
        raise ValidationError({"direction": [_("Move an item up or down.")]})
    items = list(meeting.agenda_items.order_by("order", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    _renumber(actor, meeting, items)
    return meeting
