"""Writes of an e-ID sign-in."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel import personal_numbers
from kernel.history import save_with_history
from mandates.models import Invitation
from mandates.permissions import can_change_person


@transaction.atomic
def invitations_accept_by_eid(*, person):
    """An invited person who signed in with e-ID has used their invitation: mark the open
    ones accepted (the person is the actor; an e-ID sign-in proved who they are)."""
    now = timezone.now()
    for invitation in Invitation.objects.select_for_update().filter(
        person=person, accepted_at__isnull=True
    ):
        invitation.accepted_at = now
        save_with_history(invitation, actor=person, reason="invitation accepted with e-ID")
    return person


@transaction.atomic
def person_identity_number_set(*, actor, person, number):
    """Link a Swedish personal identity number to the person (stored as a keyed hash only),
    or unlink it with an empty `number`. Whoever may change the person may do this."""
    if not can_change_person(actor, person):
        raise PermissionDenied(_("You may not change this person."))
    hashed = personal_numbers.digest(number) if number else ""
    if number and not hashed:
        raise ValidationError(
            {"personal_identity_number": [_("Enter twelve digits: YYYYMMDD-NNNN.")]}
        )
    person = get_user_model().objects.select_for_update().get(pk=person.pk)
    taken = (
        get_user_model().objects.filter(personal_identity_number_hash=hashed).exclude(pk=person.pk)
    )
    if hashed and taken.exists():
        raise ValidationError(
            {"personal_identity_number": [_("Another person has this personal identity number.")]}
        )
    person.personal_identity_number_hash = hashed
    return save_with_history(
        person,
        actor=actor,
        reason="personal identity number linked" if hashed else "personal identity number removed",
        update_fields=["personal_identity_number_hash"],
    )
