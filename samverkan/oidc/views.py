"""The e-ID sign-in views: mozilla-django-oidc's, 404 while e-ID is not configured, with a
refusal page in the site layout instead of a redirect or a 500."""

import logging
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from mozilla_django_oidc import views as oidc_views

from kernel.auth_levels import mark_strong_auth
from kernel.views import form_submit
from mandates.permissions import can_change_person
from mandates.selectors import person_get_visible

from .backends import REFUSAL_ATTRIBUTE
from .config import oidc_enabled
from .forms import PersonalIdentityNumberForm
from .selectors import FAILED
from .services import invitations_accept_by_eid, person_identity_number_set

logger = logging.getLogger(__name__)

ID_TOKEN_SESSION_KEY = "oidc_id_token"  # noqa: S105 - a session key name, no secret


class AuthenticateView(oidc_views.OIDCAuthenticationRequestView):
    """Sends the browser to the provider with a fresh state, nonce and PKCE challenge."""

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        return super().get(request)


class CallbackView(oidc_views.OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code (or an error)."""

    def get(self, request):
        if not oidc_enabled():
            raise Http404
        if request.GET.get("error"):
            # The person cancelled or the provider refused. Use up the state, but leave a
            # signed-in session alone (the library would log out whoever follows such a link).
            states = request.session.get("oidc_states")
            if isinstance(states, dict) and states.pop(request.GET.get("state"), None):
                request.session.modified = True
            return self.login_failure()
        try:
            return super().get(request)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, ValueError) as e:
            # A state not in this session, a token refused, the provider unreachable.
            logger.warning("e-ID sign-in failed: %s", e)
            return self.login_failure()

    def login_failure(self):
        refusal = getattr(self.request, REFUSAL_ATTRIBUTE, None) or FAILED
        return render(self.request, "oidc/refused.html", {"refusal": refusal}, status=403)

    def login_success(self):
        request = self.request
        next_url = request.session.get("oidc_login_next")
        id_token = request.session.get(ID_TOKEN_SESSION_KEY)
        # Always log in again, also when this person is already signed in with a password:
        # the session key rotates with the change of strength.
        auth.login(request, self.user)
        request.session[ID_TOKEN_SESSION_KEY] = id_token
        mark_strong_auth(request, "eid")
        invitations_accept_by_eid(person=self.user)
        return HttpResponseRedirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


class LogoutView(oidc_views.OIDCLogoutView):
    """POST only. Ends the portal's session, and the provider's through
    OIDC_OP_LOGOUT_URL_METHOD (provider_logout_url)."""


def is_eid_session(request):
    return bool(oidc_enabled() and request.session.get(ID_TOKEN_SESSION_KEY))


def provider_logout_url(request):
    """Where logging out sends the browser: the provider's end-session endpoint with the ID
    token as a hint and the login page to come back to (RP-initiated logout), or, for a
    session that was not an e-ID sign-in, straight to the login page."""
    back = resolve_url(settings.LOGOUT_REDIRECT_URL)
    end_session = settings.OIDC_OP_END_SESSION_ENDPOINT
    if not (end_session and is_eid_session(request)):
        return back
    query = urlencode(
        {
            "id_token_hint": request.session[ID_TOKEN_SESSION_KEY],
            "post_logout_redirect_uri": request.build_absolute_uri(back),
            "client_id": settings.OIDC_RP_CLIENT_ID,
        }
    )
    separator = "&" if "?" in end_session else "?"
    return f"{end_session}{separator}{query}"


@login_required
@require_http_methods(["GET", "POST"])
def person_identity_number(request, pk):
    """The secretariat links a person's personal identity number for e-ID sign-in."""
    person = person_get_visible(user=request.user, pk=pk)
    if not can_change_person(request.user, person):
        raise PermissionDenied
    form = PersonalIdentityNumberForm(request.POST or None)
    response = form_submit(
        request,
        form,
        lambda data: person_identity_number_set(
            actor=request.user, person=person, number=data["personal_identity_number"]
        ),
        success=reverse("people:person_detail", args=[person.pk]),
        message=lambda saved: (
            _("The personal identity number is linked.")
            if saved.personal_identity_number_hash
            else _("The personal identity number is removed.")
        ),
    )
    return response or render(
        request,
        "oidc/person_identity_number.html",
        {"form": form, "person": person, "linked": bool(person.personal_identity_number_hash)},
    )
