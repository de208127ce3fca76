"""The permission matrix of the two-factor pages (samverkan.two_factor, namespace
`two_factor`): every page is about the signed-in person, so anyone signed in may open it and
nobody else (sent to log in). A GET of a POST-only button is a 405."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

L = "login"
# name: (anonymous, member, secretariat); the member and the secretariat have no
# authenticator, and their test sessions count as verified (tests/conftest.py).
MATRIX = {
    "two_factor:setup": (L, 200, 200),
    "two_factor:start": (L, 405, 405),
    "two_factor:verify": (L, 302, 302),  # nothing to verify: on to the overview
    "two_factor:recovery": (L, 200, 200),
    "two_factor:recovery_regenerate": (L, 200, 200),
    "two_factor:disable": (L, 200, 200),
}
ROLES = ("anonymous", "member", "secretariat")


@pytest.mark.parametrize(
    ("name", "role", "expected"),
    [
        pytest.param(name, role, expected, id=f"{name.split(':')[1]}-{role}")
        for name, row in MATRIX.items()
        for role, expected in zip(ROLES, row, strict=True)
    ],
)
def test_matrix(client, name, role, expected, representative_user, secretariat_user):
    user = {"anonymous": None, "member": representative_user, "secretariat": secretariat_user}
    if user[role] is not None:
        client.force_login(user[role])
    response = client.get(reverse(name))
    if expected == L:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected
