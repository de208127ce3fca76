"""A person hears by e-mail when a way to sign in changes: a new password, a second factor
set up, new recovery codes, a recovery code used, two factors turned off; a first password
(an invitation accepted) is no change. Each notice is sent once."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from samverkan.accounts.notices import security_notice_send_now
from samverkan.two_factor import services as two_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SUBJECT = "Samverkan: en ändring av hur du loggar in"


def _notices(mailoutbox):
    return [mail for mail in mailoutbox if mail.subject == SUBJECT]


def test_a_changed_password_is_told_in_swedish(mailoutbox, django_capture_on_commit_callbacks):
    person = UserFactory(username="karin", email="karin@example.se")
    client = Client()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("password_change"),
            {
                "old_password": "pw",
                "new_password1": "Ett-nytt-lösen-2026",
                "new_password2": "Ett-nytt-lösen-2026",
            },
        )
    assert response.status_code == 302
    [notice] = _notices(mailoutbox)
    assert notice.to == ["karin@example.se"]
    assert "Lösenordet till ditt konto har ändrats." in notice.body
    assert "återställ ditt lösenord" in notice.body


def test_a_first_password_is_no_change(mailoutbox, django_capture_on_commit_callbacks):
    person = UserFactory(email="ny@example.se")
    person.set_unusable_password()
    person.save()
    with django_capture_on_commit_callbacks(execute=True):
        person.set_password("Ett-första-lösen-2026")
        person.save()
    assert _notices(mailoutbox) == []


def test_every_change_of_the_second_factor_is_told(mailoutbox, django_capture_on_commit_callbacks):
    person = UserFactory(email="olle@example.se")
    with django_capture_on_commit_callbacks(execute=True):
        device = two_factor.totp_device_create(actor=person)
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        _device, codes = two_factor.totp_device_confirm(actor=person, token=f"{code:06d}")
    with django_capture_on_commit_callbacks(execute=True):
        two_factor.recovery_codes_regenerate(actor=person)
    with django_capture_on_commit_callbacks(execute=True):
        two_factor.two_factor_disable(actor=person)
    bodies = [mail.body for mail in _notices(mailoutbox)]
    assert len(bodies) == 3
    assert "autentiseringsapp" in bodies[0]
    assert "återställningskoder" in bodies[1]
    assert "stängdes av" in bodies[2]


def test_a_notice_is_sent_once_per_event(mailoutbox):
    person = UserFactory(email="eva@example.se")
    kwargs = {"user_id": person.pk, "kind": "password", "event_id": "e1", "language": "sv"}
    assert security_notice_send_now(**kwargs) is True
    assert security_notice_send_now(**kwargs) is False
    assert len(_notices(mailoutbox)) == 1
