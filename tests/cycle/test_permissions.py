"""The yearly cycle's permission matrix: every URL name of the `cycle` namespace, and what
each role gets from it (see tests/matrix.py). Each topic adds its rows."""

import pytest

from tests.matrix import assert_matrix_row, matrix_params

MATRIX = []


@pytest.fixture
def world(
    structure,
    strategic_forum,
    tactical_forum,
    operative_forum,
    representative_user,
    chair_user,
    secretariat_user,
):
    """The operative forum (not public) of the conftest structure; the representative sits
    in it, the chair chairs the tactical forum above (and sits in neither the strategic nor
    the operative forum), the secretariat runs the structure. Each topic adds its objects,
    in a block of its own."""
    from tests.cycle.plan_world import plan_objects

    from .report_helpers import draft, quick_adopted

    plan = plan_objects(secretariat_user, strategic_forum, operative_forum)
    world = {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
        "forum": {"slug": operative_forum.slug},
        # --- priority areas and action plans ---
        "priority_set": {"pk": plan["priority_set"].pk},
        "priority_area": {"pk": plan["priority_area"].pk},
        "priority_area_move": {"pk": plan["priority_area"].pk, "direction": "up"},
        "action_plan": {"pk": plan["plan"].pk},
        "activity": {"pk": plan["activity"].pk},
        # --- figures and follow-up ---
        "structure_year": {"slug": structure.slug, "year": 2026},
        "structure_year_chart": {"slug": structure.slug, "year": 2026, "key": "case_flow"},
        # --- annual reports ---
        "draft_report": {"pk": draft(operative_forum, secretariat_user, 2025).pk},
        "draft_report_text": {
            "pk": draft(operative_forum, secretariat_user, 2024).pk,
            "key": "meetings",
        },
        "adopted_report": {"pk": quick_adopted(operative_forum, secretariat_user, 2023).pk},
    }
    world.update(_direction_world(secretariat_user, tactical_forum, operative_forum))
    return world




# --- figures and follow-up: the structure's forums' members and secretariat see the
# follow-up of the structure's year; anyone else finds nothing (tests/cycle/test_follow_up).
MATRIX += [
    ("cycle:follow_up", "structure_year", "get", "L 200 200 200"),
    ("cycle:follow_up_chart", "structure_year_chart", "get", "L 200 200 200"),
]
# --- end of figures and follow-up ---


# --- annual reports (url name, target, method, anonymous representative chair secretariat) --
# A forum's members and its secretariat read drafts; only the secretariat drafts; whoever may
# see the forum reads the adopted reports (this forum is not public: the public page is 404).
MATRIX += [
    ("cycle:annual_report_create", "forum", "get", "L 403 404 200"),
    ("cycle:annual_report_create", "forum", "post", "L 403 404 200"),
    ("cycle:annual_report_detail", "draft_report", "get", "L 200 404 200"),
    ("cycle:annual_report_detail", "adopted_report", "get", "L 200 404 200"),
    ("cycle:annual_report_text", "draft_report_text", "get", "L 403 404 200"),
    ("cycle:annual_report_text", "draft_report_text", "post", "L 403 404 200"),
    ("cycle:annual_report_agenda", "draft_report", "get", "L 403 404 200"),
    ("cycle:annual_report_agenda", "draft_report", "post", "L 403 404 200"),
    ("cycle:annual_report_sent", "adopted_report", "get", "L 403 404 200"),
    ("cycle:annual_report_sent", "adopted_report", "post", "L 403 404 200"),
    ("cycle:annual_report_pdf", "draft_report", "get", "404 200 404 200"),
    ("cycle:annual_report_pdf", "adopted_report", "get", "404 200 404 200"),
    ("cycle:annual_report_docx", "draft_report", "get", "404 200 404 200"),
    ("cycle:annual_report_docx", "adopted_report", "get", "404 200 404 200"),
    ("cycle:annual_report_public", "adopted_report", "get", "404 404 404 404"),
]

# The same forum made public: anyone reads its adopted reports, never its drafts.
PUBLIC_MATRIX = [
    ("cycle:annual_report_public", "adopted_report", "get", "200 200 200 200"),
    ("cycle:annual_report_public", "draft_report", "get", "404 404 404 404"),
    ("cycle:annual_report_pdf", "adopted_report", "get", "200 200 200 200"),
    ("cycle:annual_report_pdf", "draft_report", "get", "404 200 404 200"),
    ("cycle:annual_report_docx", "adopted_report", "get", "200 200 200 200"),
    ("cycle:annual_report_detail", "adopted_report", "get", "L 200 200 200"),
    ("cycle:annual_report_detail", "draft_report", "get", "L 200 404 200"),
    ("cycle:annual_report_sent", "adopted_report", "get", "L 403 403 200"),
]
# --- end of annual reports ---


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


# --- priority areas and action plans ---------------------------------------------------------
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
@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), list(matrix_params(MATRIX))
)
def test_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), matrix_params(PUBLIC_MATRIX)
)
def test_public_matrix(client, world, operative_forum, name, target, method, role, expected):
    operative_forum.is_public = True
    operative_forum.save()
    assert_matrix_row(client, world, name, target, method, role, expected)
