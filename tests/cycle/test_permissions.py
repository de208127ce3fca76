"""The yearly cycle's permission matrix: every URL name of the `cycle` namespace, and what
each role gets from it (see tests/matrix.py). Each topic adds its rows."""

import pytest

from tests.matrix import assert_matrix_row, matrix_params

MATRIX = []


# --- priority areas and action plans ---------------------------------------------------------
# representative: a member of the operative forum (whose plan this is); chair: the tactical
# forum's chair (sits in neither the strategic nor the operative forum); secretariat: runs
# the structure. Drafting is the secretariat's; members read.


@pytest.fixture
def world(strategic_forum, operative_forum, representative_user, chair_user, secretariat_user):
    from tests.cycle.plan_world import plan_objects

    objects = plan_objects(secretariat_user, strategic_forum, operative_forum)
    return {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
        "forum": {"slug": operative_forum.slug},
        "priority_set": {"pk": objects["priority_set"].pk},
        "priority_area": {"pk": objects["priority_area"].pk},
        "priority_area_move": {"pk": objects["priority_area"].pk, "direction": "up"},
        "action_plan": {"pk": objects["plan"].pk},
        "activity": {"pk": objects["activity"].pk},
    }


MATRIX += [
    ("cycle:priority_set_create", "forum", "get", "L 403 404 200"),
    ("cycle:priority_set_detail", "priority_set", "get", "L 404 404 200"),
    ("cycle:priority_set_edit", "priority_set", "get", "L 404 404 200"),
    ("cycle:priority_set_put_on_agenda", "priority_set", "get", "L 404 404 200"),
    ("cycle:priority_area_add", "priority_set", "get", "L 404 404 200"),
    ("cycle:priority_area_edit", "priority_area", "get", "L 404 404 200"),
    ("cycle:priority_area_links", "priority_area", "get", "L 404 404 200"),
    ("cycle:priority_area_move", "priority_area_move", "post", "L 404 404 302"),
    ("cycle:priority_area_remove", "priority_area", "post", "L 404 404 302"),
    ("cycle:action_plan_create", "forum", "get", "L 403 404 200"),
    ("cycle:action_plan_detail", "action_plan", "get", "L 200 404 200"),
    ("cycle:action_plan_edit", "action_plan", "get", "L 403 404 200"),
    ("cycle:action_plan_put_on_agenda", "action_plan", "get", "L 403 404 200"),
    ("cycle:action_plan_pdf", "action_plan", "get", "L 200 404 200"),
    ("cycle:action_plan_docx", "action_plan", "get", "L 200 404 200"),
    ("cycle:activity_add", "action_plan", "get", "L 403 404 200"),
    ("cycle:activity_edit", "activity", "get", "L 403 404 200"),
    ("cycle:activity_remove", "activity", "post", "L 403 404 302"),
    ("cycle:activity_follow_up", "activity", "get", "L 403 404 200"),
]
# --- end of priority areas and action plans --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "target", "method", "role", "expected"), matrix_params(MATRIX))
def test_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)
