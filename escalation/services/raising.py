"""Raising a case in a forum the actor sits in."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.models import Forum
from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Case, CaseEvent
from ..permissions import can_raise_case_in
from ._core import notify_after_commit
from .attachments import attach_file, check_uploads
from .follows import follow_once
from .references import next_reference

Status = Case.Status
Kind = CaseEvent.Kind


@transaction.atomic
def case_raise(
    *,
    actor,
    forum,
    title,
    description="",
    organisation=None,
    priority=Case.Priority.NORMAL,
    wished_date=None,
    attachments=(),
):
    """Raise a case in a forum the actor sits in (raise_case). The raiser follows it."""
    if not can_raise_case_in(actor, forum):
        raise PermissionDenied
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Give the case a title.")]
    if priority not in Case.Priority.values:
        errors["priority"] = [_("Choose a priority.")]
    today = timezone.localdate()
    if wished_date is not None and wished_date < today:
        errors["wished_date"] = [_("The wished-for date cannot be in the past.")]
    checked, messages = check_uploads(attachments)
    if messages:
        errors["attachments"] = messages
    if errors:
        raise ValidationError(errors)
    # The forum as it is now, not as the caller loaded it: a wind-down saved meanwhile counts
    # (and waits for this raise, or this raise for it, on the row lock).
    forum = Forum.objects.select_for_update(no_key=True).get(pk=forum.pk)
    if not forum.is_active_on(today):
        raise DomainError(
            _(
                "%(forum)s is wound down and takes no new cases. Raise the case in another "
                "forum of the structure."
            )
            % {"forum": forum}
        )
    now = timezone.now()
    case = Case(
        reference=next_reference(
            actor=actor, prefix=forum.structure.case_reference_prefix, year=today.year
        ),
        title=title,
        description=(description or "").strip(),
        origin_forum=forum,
        current_forum=forum,
        organisation=organisation if organisation is not None else actor.organisation,
        raised_by=actor,
        priority=priority,
        wished_date=wished_date,
        status=Status.OPEN,
        created_at=now,
        status_changed_at=now,
    )
    save_with_history(case, actor=actor, reason="raised")
    event = CaseEvent(
        case=case, kind=Kind.RAISED, actor=actor, to_forum=forum, to_status=Status.OPEN, at=now
    )
    save_with_history(event, actor=actor, reason=Kind.RAISED)
    follow_once(actor, case)
    for upload, name, content_type in checked:
        attach_file(case, actor=actor, upload=upload, name=name, content_type=content_type)
    notify_after_commit(event)
    return case
