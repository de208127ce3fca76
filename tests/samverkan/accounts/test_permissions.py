"""The permission matrix of the person's own account pages (the `accounts` namespace): every
signed-in person reaches their own, anonymous visitors are sent to sign in; nobody reaches
another person's (there is no URL naming another person)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# name: (method, anonymous, signed in)
MATRIX = {
    "accounts:profile": ("get", 302, 200),
    "accounts:sessions_end_others": ("post", 302, 200),  # without the password: the form again
    "accounts:keep_alive": ("post", 302, 302),  # back to the page (or the start page)
}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(name):
    method, anonymous, signed_in = MATRIX[name]
    url = reverse(name)
    response = getattr(Client(), method)(url)
    assert response.status_code == anonymous
    assert response["Location"].startswith(reverse("login"))
    client = Client()
    client.force_login(UserFactory())
    assert getattr(client, method)(url).status_code == signed_in


@pytest.mark.parametrize("name", ["accounts:sessions_end_others", "accounts:keep_alive"])
def test_a_get_is_refused(name):
    client = Client()
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 405
