"""Every write of the accounts package: the session records, ending sessions."""

from importlib import import_module

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import limits
from .models import UserSession


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore()


def client_address(request):
    """The client's address as axes sees it (through the trusted proxies), or None."""
    return get_client_ip_address(request) or None


@transaction.atomic
def session_record(*, request, user):
    """At sign-in: start the session's clocks and record it in the person's session list."""
    session = request.session
    limits.mark_started(session)
    if not session.session_key:
        session.save()
    moment = timezone.now()
    UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "created_at": moment,
            "last_seen_at": moment,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
            "ip_address": client_address(request),
        },
    )


def session_touch(request, moment, *, force=False):
    """Record activity: in the session at most once a resolution interval (or now, when
    forced, the keep-alive), and on the session's row at the same time."""
    session = request.session
    if limits.STARTED not in session:  # signed in before the limits existed
        session[limits.STARTED] = moment
    seen = session.get(limits.SEEN)
    if (
        not force
        and seen is not None
        and moment - seen < settings.SESSION_ACTIVITY_RESOLUTION_SECONDS
    ):
        return
    session[limits.SEEN] = moment
    # UserSession keeps no history (it mirrors the session store): one UPDATE, no read.
    UserSession.objects.filter(session_key=session.session_key).update(last_seen_at=timezone.now())


def session_forget(session_key):
    """The session ended (logout, expiry): drop its row."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def session_key_moved(old_key, new_key):
    """The session got a new key (rotation, password change): the row follows it."""
    UserSession.objects.filter(session_key=old_key).update(session_key=new_key)


def _end(sessions):
    store = _store()
    keys = list(sessions.values_list("session_key", flat=True))
    for key in keys:
        store.delete(key)
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)


@transaction.atomic
def user_sessions_end_others(*, actor, user, current_session_key, password=None):
    """Log the person out everywhere else: every session of theirs but this one ends.

    A person with a password confirms with it (ASVS 3.3.4); returns how many ended.
    """
    if actor.pk != user.pk:
        raise PermissionDenied(_("You may only end your own sessions."))
    if user.has_usable_password() and not user.check_password(password or ""):
        raise ValidationError({"password": [_("The password is not correct.")]})
    others = UserSession.objects.filter(user=user).exclude(session_key=current_session_key)
    return _end(others)


def user_sessions_rotate(user):
    """The person's privileges or password changed: end their other sessions; the one of
    the request being handled (if theirs) keeps going under a new key (the middleware
    cycles it at the end of the request)."""
    state = limits.current.get()
    keep = None
    if state is not None and state.get("user_id") == str(user.pk):
        keep = state["key"]
        state["rotate"] = True
    sessions = UserSession.objects.filter(user_id=user.pk)
    if keep:
        sessions = sessions.exclude(session_key=keep)
    return _end(sessions)


@transaction.atomic
def user_sessions_prune():
    """Celery beat: end and forget the sessions past either limit that nobody came back to
    (the middleware ends the others on their next request). Returns how many."""
    moment = timezone.now()
    stale = UserSession.objects.filter(
        models.Q(last_seen_at__lte=moment - timezone.timedelta(seconds=limits.idle_seconds()))
        | models.Q(created_at__lte=moment - timezone.timedelta(seconds=limits.absolute_seconds()))
    )
    return _end(stale)
