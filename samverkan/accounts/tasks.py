from celery import shared_task
from django.db import OperationalError

from .notices import security_notice_send_now
from .passwords import password_reset_email_send_now
from .services import user_sessions_prune


@shared_task(
    bind=True, autoretry_for=(OSError, OperationalError), retry_backoff=True, max_retries=5
)
def password_reset_email_send(self, user_id, base_url, request_id, language):
    """E-mail a password reset link. Idempotent: a second run of one request sends nothing."""
    return password_reset_email_send_now(
        user_id=user_id, base_url=base_url, request_id=request_id, language=language
    )


@shared_task
def sessions_prune():
    """Celery beat, hourly: end the sessions past their idle or absolute limit."""
    return user_sessions_prune()


@shared_task(
    bind=True, autoretry_for=(OSError, OperationalError), retry_backoff=True, max_retries=5
)
def security_notice_send(self, user_id, kind, event_id, language):
    """E-mail a person that a way to sign in changed. Idempotent per event."""
    return security_notice_send_now(
        user_id=user_id, kind=kind, event_id=event_id, language=language
    )
