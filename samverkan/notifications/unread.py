"""The bell's unread count, kept in the cache so that a page costs no query for it.

The count is read from the database (one cheap query on the unread index) when a person
signs in and whenever a notice of theirs was created, read or removed (a signal drops the
cached count after the commit); every other page reads it from the cache. The timeout
bounds how stale a count can be where the cache is per process (the development default).
"""

from django.core.cache import cache
from django.db import transaction

from .selectors import notification_unread_count

TIMEOUT = 300


def _key(user_id):
    return f"notifications:unread:{user_id}"


def unread_count(user):
    count = cache.get(_key(user.pk))
    if count is None:
        count = notification_unread_count(user=user)
        cache.set(_key(user.pk), count, TIMEOUT)
    return count


def forget(user_id):
    """Drop the count now and again after the commit (a page read between the two would
    have cached the count from before the change)."""
    cache.delete(_key(user_id))
    transaction.on_commit(lambda: cache.delete(_key(user_id)))


def on_notification_changed(instance, **kwargs):
    forget(instance.recipient_id)


def on_signed_in(user, **kwargs):
    cache.set(_key(user.pk), notification_unread_count(user=user), TIMEOUT)
