"""Axes behind the reverse proxy, through the real middleware stack: the client's address is
read from X-Forwarded-For (django-ipware), and a lockout is per (username, client address),
so wrong passwords from one client do not lock the person out from another."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.66"
PERSON = "198.51.100.7"
LIMIT = 3


@pytest.fixture(autouse=True)
def axes_behind_one_proxy():
    """Axes on (the test settings turn it off), as production behind one proxy."""
    with override_settings(
        AXES_ENABLED=True,
        AXES_FAILURE_LIMIT=LIMIT,
        AXES_IPWARE_PROXY_COUNT=0,  # TRUSTED_PROXY_COUNT=1: the proxy is REMOTE_ADDR
        AXES_IPWARE_META_PRECEDENCE_ORDER=["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
    ):
        yield


def _login(client, address, password):
    return client.post(
        reverse("login"),
        {"username": "karin", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_settings_lock_out_per_username_and_address(settings):
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_wrong_passwords_from_one_client_do_not_lock_the_person_out_elsewhere(client):
    UserFactory(username="karin")
    for _ in range(LIMIT):
        _login(client, ATTACKER, "fel")
    locked = _login(client, ATTACKER, "pw")  # even the right password, from there
    assert locked.status_code == 429

    response = _login(client, PERSON, "pw")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_the_lockout_is_per_username_too(client):
    UserFactory(username="karin")
    UserFactory(username="olle")
    for _ in range(LIMIT):
        _login(client, ATTACKER, "fel")
    response = client.post(
        reverse("login"),
        {"username": "olle", "password": "pw"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=ATTACKER,
    )
    assert response.status_code == 302


def test_a_forged_forwarded_header_is_not_trusted(client):
    """A client that sends its own X-Forwarded-For arrives as "forged, client": not the
    proxy count, so the address is the proxy's, never the forged one (the person's)."""
    UserFactory(username="karin")
    for _ in range(LIMIT):
        _login(client, f"{PERSON}, {ATTACKER}", "fel")
    assert _login(client, PERSON, "pw").status_code == 302


def test_the_lockout_page_is_swedish_in_the_layout_and_says_how_long(client):
    UserFactory(username="karin")
    for _ in range(LIMIT):
        _login(client, ATTACKER, "fel")
    response = _login(client, ATTACKER, "fel")
    assert response.status_code == 429
    text = response.content.decode()
    assert '<html lang="sv">' in text
    assert 'class="site-header"' in text  # base.html
    assert "<h1" in text and text.count("<h1") == 1
    assert "låst i 1 timme" in text
    assert f'href="{reverse("login")}"' in text
