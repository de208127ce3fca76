"""Logging out of an e-ID session ends the provider's session too; e-ID off when not
configured; the login page's button."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.factories import UserFactory

from .conftest import CLIENT_ID, sign_in

pytestmark = pytest.mark.django_db


def test_logout_of_an_eid_session_goes_to_the_providers_end_session(client, eid):
    UserFactory(email="anna@region.example")
    sub = eid.person(email="anna@region.example", email_verified=True)
    sign_in(client, eid, sub)
    id_token = client.session["oidc_id_token"]
    page = client.get(reverse("dashboard")).content.decode()
    assert f'action="{reverse("oidc:logout")}"' in page

    response = client.post(reverse("oidc:logout"))

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (
        f"{target.scheme}://{target.netloc}{target.path}" == eid.discovery["end_session_endpoint"]
    )
    query = parse_qs(target.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["http://testserver" + reverse("login")]
    assert query["client_id"] == [CLIENT_ID]
    assert SESSION_KEY not in client.session  # the portal's session has ended
    # The provider shows its end-session page for the hint, then sends the browser back.
    at_provider = requests.get(response["Location"], timeout=5)
    assert at_provider.status_code == 200
    confirmed = requests.post(
        f"{eid.url}/oauth2/end_session/confirm",
        data={"redirect_uri": query["post_logout_redirect_uri"][0]},
        allow_redirects=False,
        timeout=5,
    )
    assert confirmed.headers["Location"] == "http://testserver" + reverse("login")


def test_a_password_session_logs_out_as_before(client, eid):
    person = UserFactory()
    client.force_login(person)
    page = client.get(reverse("dashboard")).content.decode()
    assert f'action="{reverse("logout")}"' in page
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    # The e-ID logout URL, used by a password session, ends only the portal's session.
    client.force_login(person)
    response = client.post(reverse("oidc:logout"))
    assert response["Location"] == reverse("login")
    assert SESSION_KEY not in client.session


def test_the_login_page_offers_eid_when_configured(client, eid):
    page = client.get(reverse("login"), {"next": "/forum/"}).content.decode()
    assert f'href="{reverse("oidc:authenticate")}?next=/forum/"' in page


@pytest.mark.parametrize("name", ["oidc:authenticate", "oidc:callback"])
def test_without_configuration_there_is_no_button_and_the_urls_are_404(client, name):
    assert reverse("oidc:authenticate") not in client.get(reverse("login")).content.decode()
    assert client.get(reverse(name)).status_code == 404


def test_without_configuration_a_password_login_works(client):
    person = UserFactory()
    response = client.post(reverse("login"), {"username": person.username, "password": "pw"})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(person.pk)


def test_the_authentication_request_carries_state_nonce_and_pkce(client, eid):
    response = client.get(reverse("oidc:authenticate"))
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"] == ["openid email"]
    assert len(query["state"][0]) >= 32
    assert len(query["nonce"][0]) >= 32
    assert query["code_challenge_method"] == ["S256"]
