"""A person is told by e-mail when a way to sign in to their account changes: the password,
or the second factor (set up, new recovery codes, a recovery code used, turned off). If it
was not them, they know at once (the e-mail says what to do)."""

import uuid

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kernel.services import email_send_once

WHAT_CHANGED = {
    "password": _("The password of your account was changed."),
    "confirmed": _("An authenticator app was set up as the second factor of your account."),
    "codes_regenerated": _("New recovery codes were made for your account; the old stop working."),
    "recovery_used": _("A recovery code was used to sign in to your account."),
    "removed": _("Two factors were turned off for your account."),
}


def security_notice_queue(user, kind):
    """Queue the notice for after the commit (nothing is sent for a change rolled back)."""
    if not user.email:
        return
    from .tasks import security_notice_send

    security_notice_send.delay_on_commit(
        user.pk, kind, uuid.uuid4().hex, translation.get_language() or "sv"
    )


def security_notice_send_now(*, user_id, kind, event_id, language):
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or kind not in WHAT_CHANGED:
        return False
    with translation.override(language):
        context = {"user": user, "what": WHAT_CHANGED[kind], "when": timezone.localtime()}
        subject = str(_("Samverkan: a change to how you sign in"))
        body = render_to_string("accounts/email/security_notice.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    return email_send_once(key=f"security-notice:{event_id}", recipient=user, message=message)
