"""Ends a session past its idle or absolute limit, and gives the session a new key at the
end of a request that changed the person's privileges or password."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from . import limits, services

REASONS = {
    limits.IDLE: _(
        "You have been signed out because you were inactive for %(minutes)s minutes. "
        "Sign in again to continue."
    ),
    limits.ABSOLUTE: _(
        "You have been signed out because you had been signed in for %(hours)s hours. "
        "Sign in again to continue."
    ),
}


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        state = {"user_id": None, "key": None, "rotate": False}
        if session.get(SESSION_KEY) is not None:
            moment = limits.now()
            reason = limits.expiry_reason(session, moment)
            if reason is not None:
                return self._ended(request, reason)
            services.session_touch(request, moment)
            state.update(user_id=str(session[SESSION_KEY]), key=session.session_key)
        token = limits.current.set(state)
        try:
            response = self.get_response(request)
        finally:
            limits.current.reset(token)
        session = request.session
        if state["key"] and str(session.get(SESSION_KEY)) == state["user_id"]:
            if state["rotate"]:
                session.cycle_key()
            if session.session_key != state["key"]:
                services.session_key_moved(state["key"], session.session_key)
        return response

    def _ended(self, request, reason):
        target = request.get_full_path() if request.method == "GET" else ""
        logout(request)
        messages.warning(
            request,
            REASONS[reason]
            % {
                "minutes": settings.SESSION_IDLE_TIMEOUT_MINUTES,
                "hours": settings.SESSION_ABSOLUTE_LIFETIME_HOURS,
            },
        )
        url = resolve_url(settings.LOGIN_URL)
        if target:
            url = f"{url}?{urlencode({'next': target})}"
        if request.headers.get("HX-Request") == "true":
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)


# The views that end a session: their answer also asks the browser to forget what it kept.
LOGOUT_VIEWS = {"logout", "oidc:logout"}


class PrivatePagesMiddleware:
    """A page shown to a signed-in person is kept by no cache, the browser's included (it
    may hold contact details); a logout clears what the browser kept of the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in LOGOUT_VIEWS:
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response
