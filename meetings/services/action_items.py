"""Action items: assigned at a meeting, marked done, reminded."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.history import save_with_history
from kernel.models import Notification
from kernel.services import notification_create

from ..models import ActionItem
from ..permissions import can_run_meetings
from .common import lock_meeting, require_run


@transaction.atomic
def action_item_create(*, actor, meeting, title, assignee, due_date, agenda_item=None):
    locked = lock_meeting(meeting)
    require_run(actor, locked.forum)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Say what is to be done.")]})
    if agenda_item is not None and agenda_item.meeting_id != locked.pk:
        raise ValidationError({"agenda_item": [_("Choose an item of this meeting.")]})
    item = ActionItem(
        meeting=locked, agenda_item=agenda_item, title=title, assignee=assignee, due_date=due_date
    )
    save_with_history(item, actor=actor, reason="action item")
    notification_create(
        actor=actor,
        recipient=assignee,
        kind=Notification.Kind.ACTION_ITEM,
        title=_("Action item for you: %(title)s") % {"title": title},
        body=_("By %(date)s, from %(meeting)s.") % {"date": due_date, "meeting": locked},
        link=locked.get_absolute_url(),
        dedup_key=f"action-item:{item.pk}:assigned",
    )
    return item


@transaction.atomic
def action_item_complete(*, actor, item):
    locked = ActionItem.objects.select_for_update().get(pk=item.pk)
    if locked.assignee_id != actor.pk and not can_run_meetings(actor, item.meeting.forum):
        raise PermissionDenied
    locked.check_transition(ActionItem.Status.DONE, _("Only an open action item is marked done."))
    locked.status = ActionItem.Status.DONE
    locked.completed_at = timezone.now()
    return save_with_history(locked, actor=actor, reason="done")


def action_item_remind(*, actor, item_id, days_ahead=3):
    with transaction.atomic():
        item = ActionItem.objects.select_related("meeting__forum").get(pk=item_id)
        if item.status != ActionItem.Status.OPEN:
            return item
        if item.due_date > timezone.localdate() + datetime.timedelta(days=days_ahead):
            return item
        notification_create(
            actor=actor,
            recipient=item.assignee,
            kind=Notification.Kind.ACTION_ITEM,
            title=_("Reminder: %(title)s by %(date)s")
            % {"title": item.title, "date": item.due_date},
            body=str(item.meeting),
            link=item.meeting.get_absolute_url(),
            dedup_key=f"action-item:{item.pk}:reminder:{item.due_date}",
        )
        return item
