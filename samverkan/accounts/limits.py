"""The two limits of a session, read from and written to the session itself (no query)."""

import contextvars
import time

from django.conf import settings

STARTED = "accounts_started"  # epoch seconds of sign-in
SEEN = "accounts_seen"  # epoch seconds of the last recorded activity

IDLE = "idle"
ABSOLUTE = "absolute"

# The session of the request being handled: {"user_id", "key", "rotate"}; the signals that
# end a person's other sessions keep this one and ask the middleware to give it a new key.
current = contextvars.ContextVar("accounts_current_session", default=None)


def idle_seconds():
    return settings.SESSION_IDLE_TIMEOUT_MINUTES * 60


def absolute_seconds():
    return settings.SESSION_ABSOLUTE_LIFETIME_HOURS * 60 * 60


def now():
    return time.time()


def mark_started(session):
    moment = now()
    session[STARTED] = moment
    session[SEEN] = moment


def expiry_reason(session, moment):
    """IDLE or ABSOLUTE if the session is past that limit at `moment`, else None."""
    started = session.get(STARTED)
    seen = session.get(SEEN)
    if started is not None and moment - started >= absolute_seconds():
        return ABSOLUTE
    if seen is not None and moment - seen >= idle_seconds():
        return IDLE
    return None


def remaining(session, moment):
    """Seconds until the idle end and until the absolute end."""
    started = session.get(STARTED, moment)
    seen = session.get(SEEN, moment)
    return (
        max(0, int(seen + idle_seconds() - moment)),
        max(0, int(started + absolute_seconds() - moment)),
    )
