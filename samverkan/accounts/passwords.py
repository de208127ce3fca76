"""Password reset: the request is rate-limited, the e-mail goes through Celery after commit."""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kernel.services import email_send_once

from . import ratelimit

EMAIL_SCOPE = "reset-email"
CLIENT_SCOPE = "reset-client"


@transaction.atomic
def password_reset_request(*, form, base_url):
    """Queue a reset e-mail to each active account with this address, unless the address
    asked PASSWORD_RESET_LIMIT_PER_EMAIL times this hour already: then nothing is sent and
    the person asking sees the same answer (no telling which addresses exist)."""
    email = form.cleaned_data["email"]
    if not ratelimit.allow(
        EMAIL_SCOPE, email.strip().lower(), settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    ):
        return 0
    from .tasks import password_reset_email_send

    users = list(form.get_users(email))
    for user in users:
        password_reset_email_send.delay_on_commit(
            user.pk, base_url, uuid.uuid4().hex, translation.get_language()
        )
    return len(users)


def password_reset_email_send_now(*, user_id, base_url, request_id, language):
    """E-mail the reset link (made now, so it lives its hour from the sending); a second
    run of the same request sends nothing."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    protocol, _sep, domain = base_url.partition("://")
    with translation.override(language):
        context = {
            "email": user.email,
            "domain": domain,
            "site_name": domain,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "user": user,
            "token": default_token_generator.make_token(user),
            "protocol": protocol,
        }
        subject = render_to_string("registration/password_reset_subject.txt", context)
        body = render_to_string("registration/password_reset_email.html", context)
    message = EmailMessage(subject="".join(subject.splitlines()), body=body, to=[user.email])
    return email_send_once(key=f"password-reset:{request_id}", recipient=user, message=message)


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but save() queues the e-mail (rate-limited) instead of sending."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        domain = domain_override or request.get_host()
        scheme = "https" if use_https else "http"
        return password_reset_request(form=self, base_url=f"{scheme}://{domain}")
