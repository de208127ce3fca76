"""The permission matrix of the search page (the `search` namespace): every signed-in person
may search (what they find is scoped to what they may see: test_search.py); anonymous
visitors are sent to sign in."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# name: (method, anonymous, signed in)
MATRIX = {
    "search:search": ("get", 302, 200),
}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(name):
    method, anonymous, signed_in = MATRIX[name]
    url = reverse(name) + "?q=forum"
    response = getattr(Client(), method)(url)
    assert response.status_code == anonymous
    assert response["Location"].startswith(reverse("login"))
    client = Client()
    client.force_login(UserFactory())
    assert getattr(client, method)(url).status_code == signed_in


def test_a_post_is_refused():
    client = Client()
    client.force_login(UserFactory())
    assert client.post(reverse("search:search"), {"q": "forum"}).status_code == 405
