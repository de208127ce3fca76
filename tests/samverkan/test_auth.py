import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_login_then_logout(client):
    UserFactory(username="karin")
    response = client.post(reverse("login"), {"username": "karin", "password": "pw"})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200

    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_wrong_password_is_refused_in_swedish(client):
    UserFactory(username="karin")
    response = client.post(reverse("login"), {"username": "karin", "password": "fel"})
    assert response.status_code == 200
    assert "användarnamn och lösenord" in response.text.lower()


def test_password_reset_by_email_works_once(client, mailoutbox, django_capture_on_commit_callbacks):
    user = UserFactory(username="olle", email="olle@example.se")
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail task, after commit
        response = client.post(reverse("password_reset"), {"email": "olle@example.se"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["olle@example.se"]
    assert "Samverkan" in mail.subject
    link = re.search(r"https?://[^/]+(/konto/reset/\S+)", mail.body).group(1)

    response = client.get(link, follow=True)  # Django swaps the token for a session key
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Ett-nytt-lösen-2026", "new_password2": "Ett-nytt-lösen-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Ett-nytt-lösen-2026")

    response = client.get(link, follow=True)
    assert response.context["validlink"] is False


def test_password_reset_for_an_unknown_address_sends_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "ingen@example.se"})
    assert response.status_code == 302  # the same answer: no address fishing
    assert mailoutbox == []


def test_swedish_by_default_and_english_on_request(client):
    response = client.get(reverse("login"))
    assert '<html lang="sv">' in response.text
    assert "Logga in" in response.text

    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    response = client.get(reverse("login"))
    assert '<html lang="en">' in response.text
    assert "Log in" in response.text
