"""Two factors: set-up with a code computed from the device's key, verification after the
password, recovery codes (each works once), who must use them, the admin behind them, and the
throttle on wrong codes. The clients here log in with the password alone (OneFactorClient);
the clock is frozen, since TOTP codes depend on it."""

import base64
import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kernel.auth_levels import STRONG_AUTH_SESSION_KEY, mark_strong_auth
from samverkan.two_factor import services
from samverkan.two_factor.models import TwoFactorEvent
from tests.conftest import OneFactorClient
from tests.factories import UserFactory

from .helpers import totp_code

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard")
SETUP = reverse("two_factor:setup")
VERIFY = reverse("two_factor:verify")
RECOVERY = reverse("two_factor:recovery")
CODE_ITEM = re.compile(r"<li><code>([a-z2-7-]+)</code></li>")


def _stored(codes):
    """Only a keyed hash of each recovery code is in the database."""
    return {services.recovery_code_digest(code) for code in codes}


@pytest.fixture(autouse=True)
def _frozen(frozen_day):
    """TOTP codes depend on the time: it stands still unless a test moves it."""


def _client(user):
    client = OneFactorClient()
    client.force_login(user)
    return client


def _confirmed(user):
    """An authenticator set up through the services; returns it and the recovery codes."""
    device = services.totp_device_create(actor=user)
    device, codes = services.totp_device_confirm(actor=user, token=totp_code(device))
    return device, codes


def _wrong(device):
    """A six-digit code that is not the device's code now."""
    return "000000" if totp_code(device) != "000000" else "111111"


def _later(time_machine, seconds):
    time_machine.shift(datetime.timedelta(seconds=seconds))


# --- set-up --------------------------------------------------------------------------------


def test_set_up_with_a_code_from_the_key_turns_two_factors_on(secretariat_user, time_machine):
    client = _client(secretariat_user)
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response.url == f"{SETUP}?next=%2F"

    page = client.get(SETUP).content.decode()
    assert reverse("two_factor:start") in page and "<img" not in page
    assert client.post(reverse("two_factor:start")).url == SETUP
    device = TOTPDevice.objects.get(user=secretariat_user)
    assert not device.confirmed

    page = client.get(SETUP).content.decode()
    assert 'src="data:image/svg+xml' in page
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode().rstrip("=")
    assert " style=" not in page

    response = client.post(SETUP, {"token": _wrong(device)})
    assert response.status_code == 200 and "Koden är fel" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(DASHBOARD).status_code == 302

    _later(time_machine, 2)  # past the throttle's one second after a wrong code
    session_before = client.session.session_key
    response = client.post(SETUP, {"token": totp_code(device)})
    assert response.status_code == 302 and response.url == RECOVERY
    device.refresh_from_db()
    assert device.confirmed
    assert client.session.session_key != session_before  # privilege rose: a new session key
    assert client.session[STRONG_AUTH_SESSION_KEY] == "totp"
    assert TwoFactorEvent.objects.filter(user=secretariat_user, kind="confirmed").count() == 1

    codes = CODE_ITEM.findall(client.get(RECOVERY).content.decode())
    assert len(codes) == services.RECOVERY_CODE_COUNT == 10
    assert _stored(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert not set(codes) & set(StaticToken.objects.values_list("token", flat=True))
    assert CODE_ITEM.findall(client.get(RECOVERY).content.decode()) == []  # shown once
    assert client.get(DASHBOARD).status_code == 200


def test_starting_again_gives_a_new_key(outsider_user):
    first = services.totp_device_create(actor=outsider_user)
    second = services.totp_device_create(actor=outsider_user)
    assert list(TOTPDevice.objects.filter(user=outsider_user)) == [second]
    assert first.key != second.key


def test_a_new_phone_replaces_the_authenticator(secretariat_user, time_machine):
    old, old_codes = _confirmed(secretariat_user)
    client = _client(secretariat_user)
    client.post(VERIFY, {"token": old_codes[0]})
    assert "Byt autentiseringsapp" in client.get(SETUP).content.decode()
    client.post(reverse("two_factor:start"))
    new = TOTPDevice.objects.get(user=secretariat_user, confirmed=False)
    _later(time_machine, 30)
    assert client.post(SETUP, {"token": totp_code(new)}).url == RECOVERY
    assert list(TOTPDevice.objects.filter(user=secretariat_user)) == [new]
    codes = CODE_ITEM.findall(client.get(RECOVERY).content.decode())
    assert len(codes) == 10 and not set(codes) & set(old_codes)


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("two_factor:setup", "get"),
        ("two_factor:start", "post"),
        ("two_factor:recovery", "get"),
        ("two_factor:recovery_regenerate", "post"),
        ("two_factor:disable", "post"),
    ],
)
def test_a_password_alone_reaches_no_codes_or_keys(name, method, representative_user):
    """With an authenticator but not verified: every two-factor page but verification sends
    the person to verify and changes nothing (no new key, no new codes, nothing removed)."""
    _device, codes = _confirmed(representative_user)
    client = _client(representative_user)
    before = (
        list(TOTPDevice.objects.values_list("pk", "key", "confirmed")),
        sorted(StaticToken.objects.values_list("token", flat=True)),
    )
    response = getattr(client, method)(reverse(name), {"confirm": "on"})
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    after = (
        list(TOTPDevice.objects.values_list("pk", "key", "confirmed")),
        sorted(StaticToken.objects.values_list("token", flat=True)),
    )
    assert after == before
    assert not any(code in response.content.decode() for code in codes)


def test_the_views_ask_for_verification_without_the_middleware(representative_user, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("TwoFactorMiddleware")]
    _confirmed(representative_user)
    response = _client(representative_user).post(
        reverse("two_factor:recovery_regenerate"), {"confirm": "on"}
    )
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert StaticToken.objects.count() == 10


def mark_session_verified(client):
    session = client.session
    session[STRONG_AUTH_SESSION_KEY] = "test"
    session.save()


# --- verification --------------------------------------------------------------------------


def test_after_the_password_a_code_verifies_the_session(secretariat_user, time_machine):
    device, _codes = _confirmed(secretariat_user)
    _later(time_machine, 30)  # the next code: the one used at set-up is never taken again
    client = _client(secretariat_user)
    target = reverse("forums:forum_list")
    response = client.get(target)
    assert response.status_code == 302 and response.url == f"{VERIFY}?next=%2Fforum%2F"

    response = client.post(VERIFY, {"token": _wrong(device), "next": target})
    assert response.status_code == 200 and "Koden är fel" in response.content.decode()
    _later(time_machine, 2)
    session_before = client.session.session_key
    response = client.post(VERIFY, {"token": totp_code(device), "next": target})
    assert response.status_code == 302 and response.url == target
    assert client.session.session_key != session_before
    assert client.session[STRONG_AUTH_SESSION_KEY] == "totp"
    assert client.get(target).status_code == 200


def test_a_code_is_not_taken_twice(secretariat_user):
    """The code that confirmed the set-up does not verify another session (no replay)."""
    device = services.totp_device_create(actor=secretariat_user)
    code = totp_code(device)
    services.totp_device_confirm(actor=secretariat_user, token=code)
    client = _client(secretariat_user)
    response = client.post(VERIFY, {"token": code})
    assert response.status_code == 200
    assert STRONG_AUTH_SESSION_KEY not in client.session


def test_verify_goes_on_only_to_this_site(secretariat_user, time_machine):
    device, _codes = _confirmed(secretariat_user)
    _later(time_machine, 30)
    client = _client(secretariat_user)
    response = client.post(VERIFY, {"token": totp_code(device), "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == DASHBOARD


def test_a_recovery_code_works_once(secretariat_user, time_machine):
    _device, codes = _confirmed(secretariat_user)
    client = _client(secretariat_user)
    response = client.post(VERIFY, {"token": codes[0].upper()}, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD
    assert client.session[STRONG_AUTH_SESSION_KEY] == "recovery"
    assert "9 finns kvar" in response.content.decode()
    assert TwoFactorEvent.objects.filter(user=secretariat_user, kind="recovery_used").exists()

    _later(time_machine, 2)
    again = _client(secretariat_user)
    response = again.post(VERIFY, {"token": codes[0]})
    assert response.status_code == 200 and "Koden är fel" in response.content.decode()
    assert STRONG_AUTH_SESSION_KEY not in again.session
    _later(time_machine, 2)
    assert again.post(VERIFY, {"token": codes[1]}).status_code == 302


def test_new_recovery_codes_replace_the_old(secretariat_user, time_machine):
    _device, old = _confirmed(secretariat_user)
    client = _client(secretariat_user)
    client.post(VERIFY, {"token": old[0]})
    url = reverse("two_factor:recovery_regenerate")
    assert client.post(url, {}).status_code == 200  # not confirmed: nothing happens
    assert StaticToken.objects.count() == 9
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302 and response.url == RECOVERY
    new = CODE_ITEM.findall(client.get(RECOVERY).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == _stored(new)

    _later(time_machine, 2)
    other = _client(secretariat_user)
    assert other.post(VERIFY, {"token": old[1]}).status_code == 200
    _later(time_machine, 2)
    assert other.post(VERIFY, {"token": new[0]}).status_code == 302


# --- the throttle --------------------------------------------------------------------------


def test_wrong_codes_make_the_next_wait_even_when_it_is_right(secretariat_user, time_machine):
    """django-otp's throttle: after n wrong codes the next try waits 2**(n-1) seconds; a try
    within the wait is refused unchecked, the right code too, and so are recovery codes."""
    device, codes = _confirmed(secretariat_user)
    _later(time_machine, 30)
    client = _client(secretariat_user)
    for failures in range(1, 6):
        if failures > 1:
            _later(time_machine, 2 ** (failures - 2) + 0.1)  # the wait the last one set
        response = client.post(VERIFY, {"token": _wrong(device)})
        assert "Koden är fel" in response.content.decode()
        device.refresh_from_db()
        assert device.throttling_failure_count == failures
    # Five wrong in a row: the sixth try must wait 16 seconds; it is refused before that.
    _later(time_machine, 15)
    for token in (totp_code(device), codes[0]):
        response = client.post(VERIFY, {"token": token})
        assert response.status_code == 200
        assert "För många felaktiga koder" in response.content.decode()
    assert STRONG_AUTH_SESSION_KEY not in client.session
    assert StaticToken.objects.filter(token=services.recovery_code_digest(codes[0])).exists()
    _later(time_machine, 1.1)
    response = client.post(VERIFY, {"token": totp_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_the_throttle_is_on_for_both_kinds_of_device(settings):
    assert settings.OTP_TOTP_THROTTLE_FACTOR >= 1
    assert settings.OTP_STATIC_THROTTLE_FACTOR >= 1


# --- who must use two factors ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["secretariat", "staff", "superuser"])
def test_secretariat_and_administrators_are_sent_to_set_up(kind, secretariat_user):
    user = {
        "secretariat": secretariat_user,
        "staff": UserFactory(is_staff=True),
        "superuser": UserFactory(is_superuser=True),
    }[kind]
    client = _client(user)
    for url in (DASHBOARD, reverse("forums:forum_list"), reverse("admin:index")):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(SETUP), url
    assert client.get(SETUP).status_code == 200
    assert client.post(reverse("logout")).status_code == 302  # logging out is never held up


def test_a_plain_member_is_not_required(representative_user):
    client = _client(representative_user)
    assert client.get(DASHBOARD).status_code == 200
    assert client.get(reverse("forums:forum_list")).status_code == 200


def test_a_plain_members_later_pages_ask_nothing_about_two_factors(representative_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(representative_user)
    assert client.get(DASHBOARD).status_code == 200  # asked once, the answer kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    asked = [q["sql"] for q in queries if "otp_totp" in q["sql"] or "secretariat" in q["sql"]]
    assert asked == []


def test_setting_up_two_factors_ends_the_persons_other_sessions(representative_user):
    elsewhere = _client(representative_user)
    assert elsewhere.get(DASHBOARD).status_code == 200  # no second factor needed, so far
    _confirmed(representative_user)
    response = elsewhere.get(DASHBOARD)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_member_who_chose_two_factors_verifies_too(representative_user):
    _confirmed(representative_user)
    response = _client(representative_user).get(DASHBOARD)
    assert response.status_code == 302 and response.url.startswith(VERIFY)


def test_an_e_id_session_counts_as_verified(secretariat_user):
    client = _client(secretariat_user)
    session = client.session
    session[STRONG_AUTH_SESSION_KEY] = "eid"
    session.save()
    assert client.get(DASHBOARD).status_code == 200


def test_public_pages_and_the_language_switch_are_not_held_up(secretariat_user):
    client = _client(secretariat_user)
    assert client.get(reverse("public_forums:forum_list")).status_code == 200
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.url == "/"


def test_an_htmx_request_is_told_to_load_the_set_up_page(secretariat_user):
    response = _client(secretariat_user).get(DASHBOARD, headers={"HX-Request": "true"})
    assert response.status_code == 204 and response["HX-Redirect"].startswith(SETUP)


# --- turning off -----------------------------------------------------------------------------


def test_a_member_may_turn_two_factors_off(representative_user):
    _device, codes = _confirmed(representative_user)
    client = _client(representative_user)
    client.post(VERIFY, {"token": codes[0]})
    response = client.post(reverse("two_factor:disable"), {"confirm": "on"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=representative_user).exists()
    assert not StaticToken.objects.filter(device__user=representative_user).exists()
    assert TwoFactorEvent.objects.filter(user=representative_user, kind="removed").exists()


def test_secretariat_staff_cannot_turn_two_factors_off(secretariat_user):
    _device, codes = _confirmed(secretariat_user)
    client = _client(secretariat_user)
    client.post(VERIFY, {"token": codes[0]})
    response = client.post(reverse("two_factor:disable"), {"confirm": "on"})
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(user=secretariat_user, confirmed=True).exists()
    with pytest.raises(services.DomainError):
        services.two_factor_disable(actor=secretariat_user)


# --- the admin -------------------------------------------------------------------------------


def _admin_request(user, *, verified):
    request = RequestFactory().get("/admin/")
    request.user = user
    request.session = SessionStore()
    if verified:
        mark_strong_auth(request, "totp")
    return request


def test_the_admin_site_needs_a_verified_session():
    """Behind the middleware too: the admin site itself asks for a second factor."""
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert not admin.site.has_permission(_admin_request(superuser, verified=False))
    assert admin.site.has_permission(_admin_request(superuser, verified=True))
    assert not admin.site.has_permission(_admin_request(AnonymousUser(), verified=True))


def test_an_administrator_without_a_verified_session_cannot_open_the_admin(time_machine):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    device, _codes = _confirmed(superuser)
    _later(time_machine, 30)
    client = _client(superuser)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    client.post(VERIFY, {"token": totp_code(device)})
    assert client.get(reverse("admin:index")).status_code == 200


# --- the profile page's panel ------------------------------------------------------------------


def test_the_profile_panel_says_whether_two_factors_are_on(secretariat_user, representative_user):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("sv"):
        off = render_to_string("two_factor/profile_panel.html", {"user": representative_user})
        assert "Av:" in off and reverse("two_factor:setup") in off
        _confirmed(secretariat_user)
        on = render_to_string("two_factor/profile_panel.html", {"user": secretariat_user})
    assert "På:" in on and reverse("two_factor:recovery") in on
    assert reverse("two_factor:disable") not in on  # required: it cannot be turned off
