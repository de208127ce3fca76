"""Sessions end: after 30 minutes without a request (idle) and 12 hours after sign-in
(absolute), both from the settings; "Stay signed in" extends the idle end but not the
absolute one. Time is frozen (tests/clock.py) and moved by hand."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from samverkan.accounts.models import UserSession
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINUTES = datetime.timedelta(minutes=1)


@pytest.fixture
def person(frozen_day):
    return UserFactory(username="karin")


@pytest.fixture
def signed_in(person):
    client = Client()
    assert client.post(reverse("login"), {"username": "karin", "password": "pw"}).status_code == 302
    return client


def _ended(response, why):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    return why


def test_the_limits_come_from_the_settings(settings):
    assert settings.SESSION_IDLE_TIMEOUT_MINUTES == 30
    assert settings.SESSION_ABSOLUTE_LIFETIME_HOURS == 12
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_a_session_ends_after_thirty_idle_minutes(signed_in, time_machine):
    time_machine.shift(29 * MINUTES)
    assert signed_in.get(reverse("dashboard")).status_code == 200  # activity: the clock restarts
    time_machine.shift(29 * MINUTES)
    assert signed_in.get(reverse("dashboard")).status_code == 200
    time_machine.shift(30 * MINUTES)
    response = signed_in.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=%2F"
    page = signed_in.get(response["Location"])
    assert "inte har varit aktiv på 30 minuter" in page.text
    assert signed_in.get(reverse("dashboard")).status_code == 302  # signed out for good
    assert not UserSession.objects.exists()


def test_the_idle_limit_is_read_from_the_settings(signed_in, time_machine, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 10
    time_machine.shift(11 * MINUTES)
    assert signed_in.get(reverse("dashboard")).status_code == 302


def test_a_session_ends_twelve_hours_after_sign_in_however_active(signed_in, time_machine):
    for _ in range(12 * 3 - 1):  # a request every 20 minutes, up to 11 h 40 min
        time_machine.shift(20 * MINUTES)
        assert signed_in.get(reverse("dashboard")).status_code == 200
    time_machine.shift(20 * MINUTES)
    response = signed_in.get(reverse("dashboard"))
    assert response.status_code == 302
    page = signed_in.get(response["Location"])
    assert "har varit inloggad i 12 timmar" in page.text


def test_stay_signed_in_extends_the_idle_end_but_not_the_absolute_one(signed_in, time_machine):
    url = reverse("accounts:keep_alive")
    time_machine.shift(25 * MINUTES)
    answer = signed_in.post(url, HTTP_ACCEPT="application/json")
    assert answer["Content-Disposition"] == 'attachment; filename="session.json"'
    data = answer.json()
    assert data == {"idle_seconds": 30 * 60, "absolute_seconds": 12 * 60 * 60 - 25 * 60}
    time_machine.shift(25 * MINUTES)  # 50 minutes after sign-in, 25 after "stay signed in"
    assert signed_in.get(reverse("dashboard")).status_code == 200

    for _ in range(26):  # "stay signed in" every 25 minutes, up to 11 h 40 min
        time_machine.shift(25 * MINUTES)
        assert signed_in.post(url, HTTP_ACCEPT="application/json").status_code == 200
    time_machine.shift(25 * MINUTES)  # 12 h 5 min after sign-in
    response = signed_in.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 302
    assert response["Location"] == reverse("login")


def test_stay_signed_in_without_javascript_goes_back(signed_in):
    response = signed_in.post(reverse("accounts:keep_alive"), {"next": "/moten/"})
    assert response.status_code == 302
    assert response["Location"] == "/moten/"
    response = signed_in.post(reverse("accounts:keep_alive"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("dashboard")


def test_pages_carry_the_warning_dialog_without_inline_script(signed_in):
    text = signed_in.get(reverse("dashboard")).text
    assert '<dialog id="session-timeout"' in text
    assert 'data-idle-seconds="1800"' in text
    assert 'data-warning-seconds="300"' in text
    assert 'src="/static/js/session-timeout.js"' in text
    assert "<script>" not in text
    assert "Förbli inloggad" in text


def test_an_anonymous_page_has_no_warning(client):
    assert "session-timeout" not in client.get(reverse("login")).text


def test_the_hourly_prune_ends_sessions_nobody_came_back_to(signed_in, person, time_machine):
    from samverkan.accounts.tasks import sessions_prune

    other = Client()
    other.force_login(person)
    time_machine.shift(20 * MINUTES)
    assert signed_in.get(reverse("dashboard")).status_code == 200
    time_machine.shift(15 * MINUTES)  # the other one: 35 minutes idle
    assert sessions_prune.delay().get() == 1
    assert UserSession.objects.count() == 1
    assert signed_in.get(reverse("dashboard")).status_code == 200
