"""Send a signed-in person to set-up or verification before anything else of the portal.

Exempt: the verification or set-up page the person is sent to, logging out and in, the
language switch, and the pages anyone may read without signing in (static files never reach
this: WhiteNoise serves them first). An htmx request is told to load the page in full (HX-Redirect).
"""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .policy import has_confirmed_device, session_verified, two_factor_required

EXEMPT_NAMESPACES = {"public_forums"}
EXEMPT_NAMES = {
    "logout",
    "login",
    "set_language",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "meetings:calendar_feed",
    "meetings:minutes_verify",
}
# While a person with an authenticator has not verified, only the verification page opens;
# while a person who must set one up has none, only the set-up pages open. (Every other
# two-factor page, recovery codes included, needs a verified session.)
VERIFY_NAMES = {"two_factor:verify"}
# A person found to need no second factor (none set up, none required) is not asked the
# database again in this session. Becoming required (staff, secretariat) is a change of
# level, which ends the person's sessions (samverkan.accounts.signals): the next session
# asks again.
OPTIONAL_SESSION_KEY = "two_factor_optional"
SETUP_NAMES = {"two_factor:setup", "two_factor:start"}


def _exempt(match):
    if match is None:
        return True
    if match.namespaces and match.namespaces[0] in EXEMPT_NAMESPACES:
        return True
    return match.view_name in EXEMPT_NAMES


def _send(request, name):
    url = reverse(name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, _view_func, _view_args, _view_kwargs):
        user = request.user
        if not user.is_authenticated or _exempt(request.resolver_match):
            return None
        if session_verified(request) or request.session.get(OPTIONAL_SESSION_KEY) == user.pk:
            return None
        name = request.resolver_match.view_name
        if has_confirmed_device(user):
            return None if name in VERIFY_NAMES else _send(request, "two_factor:verify")
        if two_factor_required(user):
            return None if name in SETUP_NAMES else _send(request, "two_factor:setup")
        if name not in SETUP_NAMES:  # setting one up now makes the answer change
            request.session[OPTIONAL_SESSION_KEY] = user.pk
        return None
