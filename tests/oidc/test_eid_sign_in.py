"""Sign-in with e-ID end to end: the portal, a real OIDC provider process over HTTP (the test
plays the browser between them), and the account the verified claim names."""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse

from kernel.auth_levels import STRONG_AUTH_SESSION_KEY
from mandates.models import Invitation
from samverkan.oidc.services import person_identity_number_set
from tests.factories import UserFactory
from tests.mandates.factories import InvitationFactory

from .conftest import CLIENT_ID, callback_path, configure, sign_in, start

pytestmark = pytest.mark.django_db

User = get_user_model()
PERSONAL_NUMBER = "19121212-1212"  # Skatteverket's example number (valid check digit)
PN_CLAIM = "https://claims.oidc.se/1.0/personalNumber"


def _signed_in_as(client):
    return client.session.get(SESSION_KEY)


def _assert_refused(response, client, heading):
    assert response.status_code == 403
    assert heading in response.content.decode()
    assert _signed_in_as(client) is None
    assert STRONG_AUTH_SESSION_KEY not in client.session


def test_a_verified_email_signs_in_and_the_session_is_strong(client, eid):
    person = UserFactory(email="anna.berg@region.example")
    sub = eid.person(email="Anna.Berg@region.example", email_verified=True)
    client.get(reverse("login"))
    key_before = client.session.session_key

    response = sign_in(client, eid, sub, next_url=reverse("forums:forum_list"))

    assert response.status_code == 302
    assert response["Location"] == reverse("forums:forum_list")
    assert _signed_in_as(client) == str(person.pk)
    assert client.session[STRONG_AUTH_SESSION_KEY] == "eid"
    assert client.session.session_key != key_before  # rotated on login
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_next_url_off_the_site_is_not_followed(client, eid):
    UserFactory(email="anna.berg@region.example")
    sub = eid.person(email="anna.berg@region.example", email_verified=True)
    response = sign_in(client, eid, sub, next_url="https://evil.example/")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_an_email_the_provider_did_not_verify_is_refused(client, eid):
    UserFactory(email="anna.berg@region.example")
    sub = eid.person(email="anna.berg@region.example", email_verified=False)
    response = sign_in(client, eid, sub)
    _assert_refused(response, client, "Vi kunde inte avgöra vem du är")


def test_an_email_without_email_verified_is_refused(client, eid):
    UserFactory(email="anna.berg@region.example")
    sub = eid.person(email="anna.berg@region.example")
    _assert_refused(sign_in(client, eid, sub), client, "Vi kunde inte avgöra vem du är")


def test_an_unknown_person_gets_the_swedish_page_and_no_account(client, eid, settings):
    settings.LANGUAGE_CODE = "sv"
    users_before = User.objects.count()
    sub = eid.person(email="okand@region.example", email_verified=True)

    response = sign_in(client, eid, sub)

    assert response.status_code == 403
    page = response.content.decode()
    assert "Vi hittade inget konto för dig" in page
    assert "sekretariatet" in page
    assert User.objects.count() == users_before
    assert _signed_in_as(client) is None


def test_a_registered_person_never_invited_is_not_signed_in_by_email(client, eid):
    """A person the secretariat registered (no password, never invited) has no account yet."""
    person = UserFactory(email="kontakt@region.example", password=None)
    person.set_unusable_password()
    person.save()
    sub = eid.person(email="kontakt@region.example", email_verified=True)
    _assert_refused(sign_in(client, eid, sub), client, "Vi hittade inget konto för dig")


def test_an_invited_person_who_has_not_accepted_is_matched_by_email(client, eid):
    person = UserFactory(email="ny@region.example", password=None)
    person.set_unusable_password()
    person.save()
    invitation = InvitationFactory(person=person)
    sub = eid.person(email="ny@region.example", email_verified=True)

    response = sign_in(client, eid, sub)

    assert response.status_code == 302
    assert _signed_in_as(client) == str(person.pk)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert invitation.history.first().history_change_reason == "invitation accepted with e-ID"
    assert not Invitation.objects.filter(person=person, accepted_at__isnull=True).exists()


def test_an_inactive_person_is_refused(client, eid):
    UserFactory(email="slutat@region.example", is_active=False)
    sub = eid.person(email="slutat@region.example", email_verified=True)
    _assert_refused(sign_in(client, eid, sub), client, "Ditt konto är inte aktivt")


def test_two_accounts_with_the_email_are_refused(client, eid):
    UserFactory(email="dubbel@region.example")
    UserFactory(email="DUBBEL@region.example")
    sub = eid.person(email="dubbel@region.example", email_verified=True)
    _assert_refused(sign_in(client, eid, sub), client, "Fler än ett konto stämmer in på dig")


def test_matched_by_personal_identity_number(client, eid, settings, secretariat_user):
    settings.OIDC_MATCH = "personal_identity_number"
    settings.OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM = PN_CLAIM
    person = UserFactory(email="")
    person_identity_number_set(actor=secretariat_user, person=person, number=PERSONAL_NUMBER)
    person.refresh_from_db()
    assert "121212" not in person.personal_identity_number_hash  # a keyed hash, not the number
    # The e-mail claim is ignored in this mode, however verified.
    sub = eid.person(**{PN_CLAIM: "191212121212", "email": "x@y.example", "email_verified": True})

    response = sign_in(client, eid, sub)

    assert response.status_code == 302
    assert _signed_in_as(client) == str(person.pk)
    assert client.session[STRONG_AUTH_SESSION_KEY] == "eid"


def test_a_personal_identity_number_of_nobody_is_refused(client, eid, settings):
    settings.OIDC_MATCH = "personal_identity_number"
    settings.OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM = "personal_identity_number"
    UserFactory(email="anna@region.example")
    sub = eid.person(
        personal_identity_number="191212121212", email="anna@region.example", email_verified=True
    )
    _assert_refused(sign_in(client, eid, sub), client, "Vi hittade inget konto för dig")


def test_a_token_for_another_audience_is_refused(client, settings, tiny_provider, caplog):
    configure(settings, tiny_provider, OIDC_MATCH="email")
    UserFactory(email="anna@region.example")
    tiny_provider.userinfo = {"sub": "s1", "email": "anna@region.example", "email_verified": True}
    tiny_provider.id_token_claims = {"aud": "another-service"}
    caplog.set_level(logging.WARNING, logger="samverkan.oidc")

    response = sign_in(client, tiny_provider, "s1")

    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")
    assert "Audience doesn't match" in caplog.text


def test_the_tiny_provider_signs_in_with_the_right_audience(client, settings, tiny_provider):
    """The audience test above fails for the audience alone: the same token for us works."""
    configure(settings, tiny_provider, OIDC_MATCH="email")
    person = UserFactory(email="anna@region.example")
    tiny_provider.userinfo = {"sub": "s1", "email": "anna@region.example", "email_verified": True}
    tiny_provider.id_token_claims = {}
    assert sign_in(client, tiny_provider, "s1").status_code == 302
    assert _signed_in_as(client) == str(person.pk)


@pytest.mark.parametrize(
    ("claims", "logged"),
    [
        ({"iss": "http://127.0.0.1:1"}, "Invalid issuer"),
        ({"aud": ["another-service", CLIENT_ID]}, "several audiences"),
        ({"sub": "someone-else"}, "not about the ID token's subject"),
    ],
)
def test_a_token_not_bound_to_this_sign_in_is_refused(
    client, settings, tiny_provider, caplog, claims, logged
):
    configure(settings, tiny_provider, OIDC_MATCH="email")
    UserFactory(email="anna@region.example")
    tiny_provider.userinfo = {"sub": "s1", "email": "anna@region.example", "email_verified": True}
    tiny_provider.id_token_claims = claims
    caplog.set_level(logging.INFO)
    response = sign_in(client, tiny_provider, "s1")
    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")
    assert logged in caplog.text


def test_a_token_signed_with_another_key_is_refused(client, settings, tiny_provider, caplog):
    configure(settings, tiny_provider, OIDC_MATCH="email")
    UserFactory(email="anna@region.example")
    tiny_provider.userinfo = {"sub": "s1", "email": "anna@region.example", "email_verified": True}
    tiny_provider.id_token_claims = {}
    tiny_provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    caplog.set_level(logging.WARNING, logger="samverkan.oidc")
    try:
        response = sign_in(client, tiny_provider, "s1")
    finally:
        tiny_provider.signing_key = tiny_provider.key
    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")
    assert "Signature verification failed" in caplog.text


def test_only_the_configured_signing_algorithm_is_accepted(client, settings, tiny_provider, caplog):
    configure(settings, tiny_provider, OIDC_MATCH="email", OIDC_RP_SIGN_ALGO="RS512")
    UserFactory(email="anna@region.example")
    tiny_provider.userinfo = {"sub": "s1", "email": "anna@region.example", "email_verified": True}
    tiny_provider.id_token_claims = {}
    caplog.set_level(logging.WARNING, logger="samverkan.oidc")
    _assert_refused(
        sign_in(client, tiny_provider, "s1"), client, "Inloggningen med e-legitimation misslyckades"
    )
    assert "signed with 'RS256'" in caplog.text


def test_an_expired_token_is_refused(client, settings, expiring_provider, caplog):
    configure(settings, expiring_provider, OIDC_MATCH="email")
    UserFactory(email="anna@region.example")
    sub = expiring_provider.person(email="anna@region.example", email_verified=True)
    caplog.set_level(logging.WARNING, logger="samverkan.oidc")

    response = sign_in(client, expiring_provider, sub)

    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")
    assert "Signature has expired" in caplog.text


def test_a_state_this_session_did_not_start_is_refused(client, eid):
    UserFactory(email="anna@region.example")
    sub = eid.person(email="anna@region.example", email_verified=True)
    back = eid.authorize(start(client), sub)
    forged = back.replace("state=", "state=x")
    response = client.get(callback_path(forged))
    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")


def test_a_callback_in_a_session_that_started_nothing_is_refused(client, eid):
    response = client.get(reverse("oidc:callback"), {"code": "abc", "state": "def"})
    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")


def test_a_code_the_provider_does_not_know_is_refused(client, eid):
    back = eid.authorize(start(client), eid.person(email="a@b.example", email_verified=True))
    query = parse_qs(urlsplit(back).query)
    response = client.get(reverse("oidc:callback"), {"code": "bogus", "state": query["state"][0]})
    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")


def test_a_state_is_used_once(client, eid):
    person = UserFactory(email="anna@region.example")
    sub = eid.person(email="anna@region.example", email_verified=True)
    back = callback_path(eid.authorize(start(client), sub))
    assert client.get(back).status_code == 302
    assert _signed_in_as(client) == str(person.pk)
    again = client.get(back)
    assert again.status_code == 403


def test_the_person_cancelling_at_the_provider_is_refused(client, eid):
    authorize_url = start(client)
    answer = requests.post(authorize_url, data={"action": "deny"}, allow_redirects=False, timeout=5)
    response = client.get(callback_path(answer.headers["Location"]))
    _assert_refused(response, client, "Inloggningen med e-legitimation misslyckades")


def test_an_error_link_does_not_log_out_a_signed_in_person(client, eid):
    person = UserFactory()
    client.force_login(person)
    response = client.get(reverse("oidc:callback"), {"error": "access_denied", "state": "x"})
    assert response.status_code == 403
    assert _signed_in_as(client) == str(person.pk)


def test_a_password_login_with_code_and_state_in_the_url_does_not_call_the_provider(client, eid):
    person = UserFactory(email="anna@region.example")
    response = client.post(
        reverse("login") + "?code=abc&state=def", {"username": person.username, "password": "x"}
    )
    assert response.status_code == 200  # the form again, wrong password; no provider call
    assert _signed_in_as(client) is None
