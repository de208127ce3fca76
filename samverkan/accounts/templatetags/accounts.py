from django import template
from django.utils.translation import ngettext

from .. import limits

register = template.Library()


@register.filter
def duration_text(value):
    """A timedelta as words: “1 hour”, “30 minutes” (whole hours when it is whole hours)."""
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(1, round(seconds / 60))
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


@register.inclusion_tag("accounts/session_timeout.html", takes_context=True)
def session_timeout(context):
    """The warning before the idle end (shown by static/js/session-timeout.js)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return {"show": False}
    from django.conf import settings

    idle, absolute = limits.remaining(request.session, limits.now())
    return {
        "show": True,
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
        "idle_seconds": idle,
        "absolute_seconds": absolute,
        "warning_seconds": settings.SESSION_WARNING_MINUTES * 60,
        "warning_minutes": settings.SESSION_WARNING_MINUTES,
    }
