"""The profile page lists the person's sessions; "log out everywhere else" ends all of them
but this one (after the password); a change of privilege or password ends the person's
other sessions, and the session that made the change goes on under a new key."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from samverkan.accounts.models import UserSession
from samverkan.accounts.services import user_sessions_end_others
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _sign_in(username, agent="Firefox", address="192.0.2.10"):
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    response = client.post(reverse("login"), {"username": username, "password": "pw"})
    assert response.status_code == 302
    return client


def _signed_in(client):
    """Still signed in: the start page opens, or (secretariat staff who signed in with a
    password only) sends on to the second factor, not back to the login page."""
    response = client.get(reverse("dashboard"))
    return response.status_code == 200 or (
        response.status_code == 302 and not response.url.startswith(reverse("login"))
    )


@pytest.fixture
def karin():
    return UserFactory(username="karin")


def test_the_profile_lists_the_persons_own_sessions(karin):
    UserFactory(username="olle")
    laptop = _sign_in("karin", agent="Firefox på datorn", address="192.0.2.10")
    _sign_in("karin", agent="Safari på telefonen", address="192.0.2.20")
    _sign_in("olle", agent="Olles webbläsare")
    page = laptop.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "Firefox på datorn" in page.text and "Safari på telefonen" in page.text
    assert "192.0.2.20" in page.text
    assert "Olles webbläsare" not in page.text
    assert "den här sessionen" in page.text
    assert f'href="{reverse("password_change")}"' in page.text
    for session in UserSession.objects.all():
        assert session.session_key not in page.text  # the key is never shown


def test_log_out_everywhere_else_ends_the_others_and_keeps_this_one(karin):
    UserFactory(username="olle")
    here, there, elsewhere = _sign_in("karin"), _sign_in("karin"), _sign_in("karin")
    olle = _sign_in("olle")
    response = here.post(reverse("accounts:sessions_end_others"), {"password": "pw"})
    assert response.status_code == 302
    assert _signed_in(here)
    assert not _signed_in(there) and not _signed_in(elsewhere)
    assert _signed_in(olle)
    assert UserSession.objects.filter(user=karin).count() == 1


def test_log_out_everywhere_else_asks_for_the_password(karin):
    here, there = _sign_in("karin"), _sign_in("karin")
    response = here.post(reverse("accounts:sessions_end_others"), {"password": "fel"})
    assert response.status_code == 200
    assert "Lösenordet är inte rätt" in response.text
    assert _signed_in(there)


def test_the_service_ends_only_ones_own_sessions(karin):
    olle = UserFactory(username="olle")
    _sign_in("karin")
    with pytest.raises(PermissionDenied):
        user_sessions_end_others(actor=olle, user=karin, current_session_key="", password="pw")
    assert UserSession.objects.filter(user=karin).count() == 1


@pytest.mark.parametrize("field", ["is_staff", "is_superuser"])
def test_a_privilege_change_ends_the_persons_sessions(karin, field):
    laptop, phone = _sign_in("karin"), _sign_in("karin")
    setattr(karin, field, True)
    karin.save()
    assert not _signed_in(laptop) and not _signed_in(phone)
    assert not UserSession.objects.filter(user=karin).exists()


def test_a_save_without_a_privilege_change_ends_nothing(karin):
    laptop = _sign_in("karin")
    karin.first_name = "Karin"
    karin.save()
    assert _signed_in(laptop)


def test_joining_or_leaving_a_secretariat_ends_the_persons_sessions(karin, structure):
    laptop = _sign_in("karin")
    structure.secretariat_staff.add(karin)
    assert not _signed_in(laptop)
    laptop = _sign_in("karin")
    karin.secretariat_structures.remove(structure)
    assert not _signed_in(laptop)
    laptop = _sign_in("karin")
    karin.secretariat_structures.add(structure)
    assert not _signed_in(laptop)
    laptop = _sign_in("karin")
    structure.secretariat_staff.clear()
    assert not _signed_in(laptop)


def test_a_second_structure_is_no_change_of_level(karin, structure):
    from tests.factories import StructureFactory

    structure.secretariat_staff.add(karin)
    laptop = _sign_in("karin")
    StructureFactory().secretariat_staff.add(karin)
    assert _signed_in(laptop)
    structure.secretariat_staff.remove(karin)  # still on the other one
    assert _signed_in(laptop)


def test_a_password_change_ends_the_others_and_rotates_this_sessions_key(karin):
    here, there = _sign_in("karin"), _sign_in("karin")
    key_before = here.cookies[settings.SESSION_COOKIE_NAME].value
    response = here.post(
        reverse("password_change"),
        {
            "old_password": "pw",
            "new_password1": "Ett-nytt-lösen-2026",
            "new_password2": "Ett-nytt-lösen-2026",
        },
    )
    assert response.status_code == 302
    key_after = here.cookies[settings.SESSION_COOKIE_NAME].value
    assert key_after != key_before
    assert _signed_in(here)
    assert not _signed_in(there)
    assert list(UserSession.objects.filter(user=karin).values_list("session_key", flat=True)) == [
        key_after
    ]


def test_sign_in_gives_a_new_session_key(karin):
    client = Client()
    client.get(reverse("login"))
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    client.post(reverse("login"), {"username": "karin", "password": "pw"})
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != "x" * 32
