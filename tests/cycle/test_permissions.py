"""The yearly cycle's permission matrix: every URL name of the `cycle` namespace, and what
each role gets from it (see tests/matrix.py). Each topic adds its rows."""

import pytest

from tests.matrix import assert_matrix_row, matrix_params

MATRIX = []


@pytest.fixture
def world(structure, operative_forum, representative_user, chair_user, secretariat_user):
    """The shared targets of the cycle's matrix; each topic adds its own keys."""
    return {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
        # --- figures and follow-up (issue 13) ---
        "structure_year": {"slug": structure.slug, "year": 2026},
        "structure_year_chart": {"slug": structure.slug, "year": 2026, "key": "case_flow"},
    }


# --- figures and follow-up (issue 13): the structure's forums' members and secretariat see
# the follow-up of the structure's year; anyone else finds nothing (tests/cycle/test_follow_up).
MATRIX += [
    ("cycle:follow_up", "structure_year", "get", "L 200 200 200"),
    ("cycle:follow_up_chart", "structure_year_chart", "get", "L 200 200 200"),
]
# --- end of figures and follow-up ---


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), list(matrix_params(MATRIX))
)
def test_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)
