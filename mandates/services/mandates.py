"""Mandates proposed, activated, ended, revoked and changed, with the rules checked.

Each service locks the forum (and the forums linked to it by R10) before checking the
rules, so two secretaries saving at once cannot both pass a check that only one may pass;
it syncs the person's permissions on the forum in the same transaction, so grants change
at once. A service returns the instance; soft findings (warnings) are on `.warnings`.
"""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.models import Forum
from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Mandate
from ..permissions import (
    can_manage_mandates,
    forum_permissions_sync,
)
from ..rules import (
    check_mandate,
    holder_from_mandate,
    load_state,
    organisation_parties,
    raise_for_hard,
    soft_findings,
)
from .base import is_system_actor

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def _require_manage_mandates(actor, forum):
    if not (is_system_actor(actor) or can_manage_mandates(actor, forum)):
        raise PermissionDenied(_("Only the secretariat of the structure changes its mandates."))


def _lock_forums(forum):
    """Lock the forum and the forums its chair rule links it to (R10), in id order."""
    ids = {forum.pk}
    if forum.chair_party_differs_from_id:
        ids.add(forum.chair_party_differs_from_id)
    ids |= set(Forum.objects.filter(chair_party_differs_from=forum).values_list("pk", flat=True))
    list(Forum.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))


def _checked(mandate, *, activating=False):
    """Run the rules for the mandate as it would be saved: raise on hard, return soft."""
    state = load_state(mandate.forum)
    candidate = holder_from_mandate(mandate, organisation_parties([mandate.organisation_id]))
    findings = check_mandate(state, candidate, activating=activating)
    raise_for_hard(findings)
    return soft_findings(findings)


def validate_mandate_document(document):
    """A signed mandate document: a PDF (by its content), at most 5 MB."""
    if document.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            {"document": [_("The document is larger than 5 MB; upload a smaller PDF.")]}
        )
    document.seek(0)
    head = document.read(len(PDF_MAGIC))
    document.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError({"document": [_("The document must be a PDF file.")]})
    document.name = f"{uuid.uuid4().hex}.pdf"
    return document


def _lock_mandate(mandate):
    return (
        Mandate.objects.select_for_update(of=("self",))
        .select_related("forum__structure", "person", "organisation")
        .get(pk=mandate.pk)
    )


def _transition(mandate, status):
    mandate.check_transition(
        status,
        _("A mandate that is %(status)s cannot become %(new)s.")
        % {
            "status": mandate.get_status_display().lower(),
            "new": str(Mandate.Status(status).label).lower(),
        },
    )
    mandate.status = status


@transaction.atomic
def mandate_propose(
    *,
    actor,
    person,
    forum,
    role,
    valid_from,
    valid_to=None,
    organisation=None,
    deputy_for=None,
    appointed_by=None,
    nominated_by=None,
    scope="",
    document=None,
    activate=False,
    reason="",
):
    """Propose a mandate (or appoint it at once with `activate=True`), checking the rules."""
    _require_manage_mandates(actor, forum)
    if not person.is_active:
        raise ValidationError(
            {"person": [_("%(person)s is not an active person.") % {"person": person}]}
        )
    _lock_forums(forum)
    if role != Mandate.Role.DEPUTY:
        deputy_for = None  # only a deputy stands in for someone (as mandate_update does)
    mandate = Mandate(
        person=person,
        forum=forum,
        role=role,
        organisation=organisation,
        deputy_for=deputy_for,
        valid_from=valid_from,
        valid_to=valid_to,
        appointed_by=appointed_by,
        nominated_by=nominated_by,
        scope=scope,
        status=Mandate.Status.ACTIVE if activate else Mandate.Status.PROPOSED,
    )
    if document:
        mandate.document = validate_mandate_document(document)
    warnings = _checked(mandate, activating=activate)
    default_reason = "mandate appointed" if activate else "mandate proposed"
    save_with_history(mandate, actor=actor, reason=reason or default_reason)
    if activate:
        forum_permissions_sync(person=person, forum=forum)
    mandate.warnings = warnings
    return mandate


@transaction.atomic
def mandate_activate(*, actor, mandate, reason=""):
    """Appoint a proposed mandate: it becomes active and its permissions are granted."""
    _require_manage_mandates(actor, mandate.forum)
    _lock_forums(mandate.forum)
    mandate = _lock_mandate(mandate)
    _transition(mandate, Mandate.Status.ACTIVE)
    warnings = _checked(mandate, activating=True)
    save_with_history(mandate, actor=actor, reason=reason or "mandate activated")
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = warnings
    return mandate


@transaction.atomic
def mandate_end(*, actor, mandate, reason="", on=None):
    """End an active mandate on the day (default today); its permissions go at once.

    A term that already ran out keeps its end date (the nightly task ends those).
    """
    _require_manage_mandates(actor, mandate.forum)
    mandate = _lock_mandate(mandate)
    _transition(mandate, Mandate.Status.ENDED)
    day = on or timezone.localdate()
    if mandate.valid_from > day:
        raise DomainError(_("The mandate has not started yet; revoke it instead of ending it."))
    if mandate.valid_to is None or mandate.valid_to > day:
        mandate.valid_to = day
    save_with_history(mandate, actor=actor, reason=reason or "mandate ended")
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = []
    return mandate


@transaction.atomic
def mandate_revoke(*, actor, mandate, reason):
    """Revoke a proposed or active mandate (with a reason); its permissions go at once."""
    _require_manage_mandates(actor, mandate.forum)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Say why the mandate is revoked.")]})
    mandate = _lock_mandate(mandate)
    _transition(mandate, Mandate.Status.REVOKED)
    save_with_history(mandate, actor=actor, reason=reason)
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = []
    return mandate


# The details of a mandate that change after it is proposed (the form offers these).
MANDATE_FIELDS = (
    "role",
    "organisation",
    "deputy_for",
    "valid_from",
    "valid_to",
    "appointed_by",
    "nominated_by",
    "scope",
)


@transaction.atomic
def mandate_update(*, actor, mandate, reason="", document=None, remove_document=False, **changes):
    """Change a proposed or active mandate's details; the rules run again.

    The role changes only while the mandate is proposed; person and forum never change
    (propose a new mandate instead).
    """
    _require_manage_mandates(actor, mandate.forum)
    unknown = set(changes) - set(MANDATE_FIELDS)
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    _lock_forums(mandate.forum)
    mandate = _lock_mandate(mandate)
    if mandate.status not in (Mandate.Status.PROPOSED, Mandate.Status.ACTIVE):
        raise DomainError(
            _("An ended or revoked mandate does not change any more. Give a new mandate instead.")
        )
    if "role" in changes and changes["role"] != mandate.role:
        if mandate.status != Mandate.Status.PROPOSED:
            raise ValidationError(
                {
                    "role": [
                        _(
                            "The role of an active mandate does not change; end it and "
                            "propose a new one."
                        )
                    ]
                }
            )
    for name, value in changes.items():
        setattr(mandate, name, value)
    if mandate.role != Mandate.Role.DEPUTY:
        mandate.deputy_for = None
    if document:
        mandate.document = validate_mandate_document(document)
    elif remove_document:
        mandate.document = ""
    warnings = _checked(mandate, activating=False)
    save_with_history(mandate, actor=actor, reason=reason or "mandate changed")
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = warnings
    return mandate
