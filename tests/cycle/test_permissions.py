"""The yearly cycle's permission matrix: every URL name of the `cycle` namespace, and what
each role gets from it (see tests/matrix.py). Each topic adds its rows."""

import pytest

from tests.matrix import assert_matrix_row, matrix_params

MATRIX = []


@pytest.fixture
def world(operative_forum, tactical_forum, representative_user, chair_user, secretariat_user):
    """Roles: anonymous, representative (member of the operative forum), chair (of the
    tactical forum), secretariat (runs the structure). Each topic adds its targets."""
    world = {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
    }
    world.update(_direction_world(secretariat_user, tactical_forum, operative_forum))
    return world


# --- Direction documents (inriktningsdokument) -------------------------------------------


def _direction_world(secretariat_user, tactical_forum, operative_forum):
    from cycle import services
    from tests.cycle.direction_helpers import document_data

    document = services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    return {
        "tactical_forum": {"slug": tactical_forum.slug},
        "direction_document": {"pk": document.pk},
        "direction_version": {"pk": document.versions.get().pk},
    }


MATRIX += [
    ("cycle:direction_document_create", "tactical_forum", "get", "L 404 403 200"),
    ("cycle:direction_document_detail", "direction_document", "get", "L 404 200 200"),
    ("cycle:direction_document_edit", "direction_document", "get", "L 404 403 200"),
    ("cycle:direction_version_draft", "direction_document", "get", "L 404 403 200"),
    ("cycle:direction_version_edit", "direction_version", "get", "L 404 403 200"),
    ("cycle:direction_version_agenda", "direction_version", "get", "L 404 403 200"),
]

# --- End of direction documents ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "target", "method", "role", "expected"), matrix_params(MATRIX))
def test_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)
