"""Attachments: files checked on the way in, recorded as case events."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Case, CaseAttachment, CaseEvent
from ..permissions import can_add_attachment
from ..uploads import attachment_check

Kind = CaseEvent.Kind


def check_uploads(uploads):
    checked, messages = [], []
    for upload in uploads:
        try:
            checked.append((upload, *attachment_check(upload)))
        except ValidationError as error:
            messages.extend(f"{upload.name}: {message}" for message in error.messages)
    return checked, messages


def attach_file(case, *, actor, upload, name, content_type):
    attachment = CaseAttachment(
        case=case, name=name, content_type=content_type, size=upload.size, uploaded_by=actor
    )
    attachment.file.save(name, upload, save=False)
    return save_with_history(attachment, actor=actor, reason="attached")


@transaction.atomic
def case_attachment_add(*, actor, case, upload):
    """Attach a checked file to a case that is not finished; recorded as a case event."""
    if not can_add_attachment(actor, case):
        raise PermissionDenied
    try:
        name, content_type = attachment_check(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.is_final:
        raise DomainError(
            _(
                "A closed or removed case takes no more attachments. Raise a new case if "
                "there is more to add."
            )
        )
    attachment = attach_file(
        locked, actor=actor, upload=upload, name=name, content_type=content_type
    )
    event = CaseEvent(
        case=locked,
        kind=Kind.ATTACHMENT_ADDED,
        actor=actor,
        from_forum=locked.current_forum,
        to_forum=locked.current_forum,
        from_status=locked.status,
        to_status=locked.status,
        reason=name,
        at=timezone.now(),
    )
    save_with_history(event, actor=actor, reason=Kind.ATTACHMENT_ADDED)
    return attachment
