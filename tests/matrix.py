"""The permission matrix of an app: every URL name, and what each role gets from it.

A row is `(url name, target, method, "A R C S")`: the `world` fixture's URL kwargs for the
target, and the status for anonymous, representative, chair and secretariat; `L` means
"sent to log in first" (a 302 to the login page).
"""

import pytest
from django.urls import reverse

MATRIX_ROLES = ("anonymous", "representative", "chair", "secretariat")
L = 302


def matrix_params(matrix):
    """One pytest param per row and role: (name, target, method, role, expected)."""
    for name, target, method, codes in matrix:
        statuses = dict(zip(MATRIX_ROLES, codes.split(), strict=True))
        for role in MATRIX_ROLES:
            expected = L if statuses[role] == "L" else int(statuses[role])
            case_id = f"{name.split(':')[1]}-{method}-{role}"
            yield pytest.param(name, target, method, role, expected, id=case_id)


def assert_matrix_row(client, world, name, target, method, role, expected):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=world[target] if target else {})
    response = getattr(client, method)(url)
    assert response.status_code == expected, (name, role, url, response.status_code)
    if user is None and expected == L:
        assert response["Location"].startswith(reverse("login"))
