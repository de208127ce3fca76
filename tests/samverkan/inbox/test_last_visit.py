"""The previous sign-in is kept in the session at sign-in, for "since your last visit"."""

import datetime

import pytest
from django.utils import timezone

from samverkan.inbox import PREVIOUS_VISIT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_keeps_the_previous_sign_in_in_the_session(client):
    user = UserFactory(username="besok")
    user.set_password("ett-langt-losenord")
    before = timezone.now() - datetime.timedelta(days=9)
    user.last_login = before
    user.save()
    client.force_login(user)
    assert client.session[PREVIOUS_VISIT] == before.isoformat()
    user.refresh_from_db()
    assert user.last_login > before  # Django moved it on


def test_first_sign_in_has_no_previous_visit(client):
    user = UserFactory(username="ny", last_login=None)
    client.force_login(user)
    assert PREVIOUS_VISIT not in client.session
