"""Invitations: an e-mail with a link to set a password, once."""

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history
from kernel.services import stable_message_id

from ..models import Invitation
from ..permissions import (
    can_change_person,
)
from ..tokens import invitation_token_generator

User = get_user_model()


@transaction.atomic
def person_invite(*, actor, person, base_url):
    """Send the person an e-mail with a link to set their password (works once, expires)."""
    if not can_change_person(actor, person):
        raise PermissionDenied(_("You may not invite this person."))
    person = User.objects.select_for_update().get(pk=person.pk)
    if not person.is_active:
        raise DomainError(_("%(person)s is not active.") % {"person": person})
    if person.has_usable_password():
        raise DomainError(
            _("%(person)s has already set a password; they can use “Forgot your password?”.")
            % {"person": person}
        )
    if not person.email:
        raise DomainError(
            _("%(person)s has no e-mail address. Add one on the person's page first.")
            % {"person": person}
        )
    invitation = Invitation(person=person, invited_by=actor, base_url=base_url.rstrip("/"))
    save_with_history(invitation, actor=actor, reason="invitation created")
    from ..tasks import invitation_email_send

    invitation_email_send.delay_on_commit(invitation.pk)
    return invitation


def invitation_link(invitation):
    person = invitation.person
    path = reverse(
        "people:invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": invitation_token_generator.make_token(person),
        },
    )
    return f"{invitation.base_url}{path}"


@transaction.atomic
def invitation_email_send_now(*, actor, invitation_id):
    """E-mail an invitation; one already sent is not sent again."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("person", "invited_by")
        .get(pk=invitation_id)
    )
    if invitation.sent_at is not None:
        return invitation
    context = {
        "invitation": invitation,
        "person": invitation.person,
        "link": invitation_link(invitation),
        "expires_days": settings.INVITATION_TIMEOUT_DAYS,
    }
    subject = render_to_string("mandates/email/invitation_subject.txt", context).strip()
    body = render_to_string("mandates/email/invitation_body.txt", context)
    EmailMessage(
        subject=subject,
        body=body,
        to=[invitation.person.email],
        headers={"Message-ID": stable_message_id(f"invitation:{invitation.pk}")},
    ).send()
    invitation.sent_at = timezone.now()
    return save_with_history(invitation, actor=actor, reason="invitation e-mailed")


@transaction.atomic
def invitation_accept(*, person, token, password):
    """Set the password through the invitation link and use the person's open invitations,
    all in one transaction.

    The person's row is locked and the link's token checked again under the lock: the
    token hashes the password, so of two submissions of the same link the second waits,
    finds the link used and changes nothing. A failure anywhere leaves neither the new
    password nor a used invitation.
    """
    locked = User.objects.select_for_update().get(pk=person.pk)
    if not invitation_token_generator.check_token(locked, token):
        raise DomainError(
            _(
                "The invitation link is not valid any more: it has been used or has expired. "
                "Ask the secretariat for a new invitation."
            )
        )
    try:
        password_validation.validate_password(password, locked)
    except ValidationError as error:
        raise ValidationError({"new_password2": error.messages}) from error
    locked.set_password(password)
    save_with_history(
        locked, actor=locked, reason="password set from the invitation", update_fields=["password"]
    )
    now = timezone.now()
    for invitation in Invitation.objects.select_for_update().filter(
        person=locked, accepted_at__isnull=True
    ):
        invitation.accepted_at = now
        save_with_history(invitation, actor=locked, reason="invitation accepted")
    person.password = locked.password
    return locked
