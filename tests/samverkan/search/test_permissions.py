"""The permission matrix of the search page (the `search` namespace): every signed-in person
may search (what each finds is scoped to what they may see: test_search.py); anonymous
visitors are sent to sign in. The page only reads (GET); a POST is refused."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.matrix import assert_matrix_row, matrix_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(representative_user, chair_user, secretariat_user):
    return {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
    }


# url name, its arguments in `world`, method, and the status for each of MATRIX_ROLES:
# anonymous, representative, chair, secretariat.
MATRIX = [
    ("search:search", None, "get", "L 200 200 200"),
    ("search:search", None, "post", "L 405 405 405"),
]


@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), list(matrix_params(MATRIX))
)
def test_permission_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)


def test_a_person_without_any_mandate_may_search(client):
    client.force_login(UserFactory())
    assert client.get(reverse("search:search"), {"q": "forum"}).status_code == 200
