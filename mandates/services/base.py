"""What every service module shares: the system actor."""

from django.conf import settings


def is_system_actor(actor):
    """The named system user (Celery beat); it cannot log in, so no request carries it."""
    return (
        actor.pk is not None and actor.username == settings.SYSTEM_USERNAME and not actor.is_active
    )
