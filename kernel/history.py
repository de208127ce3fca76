"""History helpers: every write records who made it and why (django-simple-history)."""

from django.conf import settings
from django.contrib.auth import get_user_model


def system_user():
    """The named user that acts when no person does (Celery beat, demo data, imports)."""
    user, created = get_user_model().objects.get_or_create(
        username=settings.SYSTEM_USERNAME,
        defaults={"first_name": "Samverkan", "last_name": "System", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def save_with_history(instance, *, actor, reason, **save_kwargs):
    """Save a history-tracked instance, recording who changed it and why."""
    instance._history_user = actor
    instance._change_reason = reason
    instance.save(**save_kwargs)
    return instance
