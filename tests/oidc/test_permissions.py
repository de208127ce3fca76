"""The permission matrix of the e-ID sign-in (the `oidc` namespace). Every role may start a
sign-in and log out; nothing is shown to anyone. Not configured, the sign-in URLs are 404."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "person", "superuser")
# name: (method, status per role when configured, status per role when not configured)
MATRIX = {
    "oidc:authenticate": ("get", (302, 302, 302), (404, 404, 404)),
    # A callback this session did not start: the refusal page, for everyone.
    "oidc:callback": ("get", (403, 403, 403), (404, 404, 404)),
    # POST only; it logs out whoever is there (anonymous: nothing to end).
    "oidc:logout": ("post", (302, 302, 302), (302, 302, 302)),
}


def _client(role):
    client = Client()
    if role == "person":
        client.force_login(UserFactory())
    elif role == "superuser":
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize("configured", [True, False], ids=["configured", "not-configured"])
@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_matrix(request, name, role, configured):
    if configured:
        request.getfixturevalue("eid")
    method, when_on, when_off = MATRIX[name]
    expected = (when_on if configured else when_off)[ROLES.index(role)]
    client = _client(role)
    response = getattr(client, method)(reverse(name), {"state": "x", "code": "y"})
    assert response.status_code == expected


def test_logout_is_post_only(client):
    assert client.get(reverse("oidc:logout")).status_code == 405
