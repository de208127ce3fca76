"""The production settings, loaded in a subprocess: axes reads the client's address through
django-ipware behind TRUSTED_PROXY_COUNT proxies; the session cookies carry __Host-."""

import pytest

from tests.settings_probe import probe_settings

PROBE = """
import json, django
django.setup()
from django.conf import settings as s
from django.test import RequestFactory
from axes import helpers
rf = RequestFactory()
def address(**meta):
    return helpers.get_client_ip_address(rf.get("/", **meta), use_ipware=True)
print(json.dumps({
    "ipware": helpers.IPWARE_INSTALLED,
    "through_proxy": address(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"),
    "forged": address(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5"),
    "direct": address(REMOTE_ADDR="203.0.113.9"),
    "session_cookie": s.SESSION_COOKIE_NAME,
    "csrf_cookie": s.CSRF_COOKIE_NAME,
    "secure": s.SESSION_COOKIE_SECURE,
    "lockout": s.AXES_LOCKOUT_PARAMETERS,
    "idle": s.SESSION_IDLE_TIMEOUT_MINUTES,
    "absolute": s.SESSION_ABSOLUTE_LIFETIME_HOURS,
}))
"""


def _production(**variables):
    return probe_settings(
        PROBE,
        environment={
            "DJANGO_SETTINGS_MODULE": "samverkan.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "samverkan.example.se",
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/none",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/15",
            **variables,
        },
    )


@pytest.fixture(scope="module")
def production():
    return _production()


def test_behind_the_proxy_the_client_address_is_the_forwarded_one(production):
    assert production["ipware"] is True
    assert production["through_proxy"] == "203.0.113.5"
    assert production["forged"] == "10.0.0.1"  # not the forged 198.51.100.7
    assert production["lockout"] == [["username", "ip_address"]]


def test_without_a_proxy_the_forwarded_header_is_ignored():
    values = _production(TRUSTED_PROXY_COUNT="0")
    assert values["through_proxy"] == "10.0.0.1"
    assert values["direct"] == "203.0.113.9"


def test_the_session_limits_come_from_the_environment():
    values = _production(SESSION_IDLE_TIMEOUT_MINUTES="15", SESSION_ABSOLUTE_LIFETIME_HOURS="8")
    assert (values["idle"], values["absolute"]) == (15, 8)


def test_the_cookies_carry_the_host_prefix(production):
    assert production["session_cookie"] == "__Host-sessionid"
    assert production["csrf_cookie"] == "__Host-csrftoken"
    assert production["secure"] is True
