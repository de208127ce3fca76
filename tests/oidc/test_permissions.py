"""The permission matrix of the e-ID sign-in (the `oidc` namespace). Every role may start a
sign-in and log out; nothing is shown to anyone. Not configured, the sign-in URLs are 404."""

import pytest
from django.test import Client
from django.urls import reverse

from mandates.models import Mandate
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
@pytest.mark.parametrize("name", ["oidc:authenticate", "oidc:callback", "oidc:logout"])
@pytest.mark.parametrize("role", ROLES)
def test_matrix(request, name, role, configured):
    if configured:
        request.getfixturevalue("eid")
    method, when_on, when_off = MATRIX[name]
    expected = (when_on if configured else when_off)[ROLES.index(role)]
    client = _client(role)
    response = getattr(client, method)(reverse(name), {"state": "x", "code": "y"})
    assert response.status_code == expected


# The linking page: the secretariat (who may change the person) and a superuser; a person
# without that right gets what the person page gives (not visible: 404, visible: 403).
LINK_ROLES = ("anonymous", "outsider", "representative", "secretariat", "superuser")
LINK_MATRIX = {"oidc:person_identity_number": (302, 404, 403, 200, 200)}
MATRIX["oidc:person_identity_number"] = ("get", LINK_MATRIX["oidc:person_identity_number"], None)


@pytest.mark.parametrize("role", LINK_ROLES)
def test_link_page_matrix(request, role, representative_user, secretariat_user, outsider_user):
    person = UserFactory()
    forum = request.getfixturevalue("operative_forum")
    request.getfixturevalue("give_mandate")(person, forum, Mandate.Role.MEMBER)
    users = {
        "anonymous": None,
        "outsider": outsider_user,
        "representative": representative_user,
        "secretariat": secretariat_user,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    client = Client()
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(reverse("oidc:person_identity_number", args=[person.pk]))
    expected = LINK_MATRIX["oidc:person_identity_number"][LINK_ROLES.index(role)]
    assert response.status_code == expected


def test_logout_is_post_only(client):
    assert client.get(reverse("oidc:logout")).status_code == 405
