"""Who may see a case: the forums on its path, its followers and its structure's secretariat."""

import pytest
from django.contrib.auth.models import AnonymousUser

from escalation import services
from escalation.models import Case
from escalation.permissions import can_view_case
from escalation.selectors import case_get_visible
from tests.escalation.factories import escalated_case, raise_case
from tests.matrix import assert_matrix_row, matrix_params
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

PEOPLE = [
    "representative_user",  # member of the operative forum (origin)
    "operative_chair",
    "tactical_member",
    "chair_user",  # chair of the tactical forum
    "strategic_member",
    "follower_user",
    "secretariat_user",
    "other_secretariat_user",
    "outsider_user",
]


def _who_sees(request, case):
    return {name for name in PEOPLE if can_view_case(request.getfixturevalue(name), case)}


def test_at_the_origin_only_its_forum_followers_and_secretariat_see(request, case):
    assert _who_sees(request, case) == {
        "representative_user",
        "operative_chair",
        "follower_user",
        "secretariat_user",
    }


def test_after_escalation_the_higher_forum_sees_too(request, case, operative_chair, chair_user):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    expected = {"representative_user", "operative_chair", "follower_user", "secretariat_user"}
    assert _who_sees(request, case) == expected | {"tactical_member", "chair_user"}
    case = services.case_escalate(actor=chair_user, case=case, reason="Högre")
    expected |= {"tactical_member", "chair_user", "strategic_member"}
    assert _who_sees(request, case) == expected


def test_the_whole_path_still_sees_after_feedback(
    request, case, operative_chair, chair_user, strategic_chair
):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    case = services.case_escalate(actor=chair_user, case=case, reason="Högre")
    case = services.case_start_preparation(actor=strategic_chair, case=case)
    case = services.case_schedule(actor=strategic_chair, case=case)
    case = services.case_decide(actor=strategic_chair, case=case, outcome="Enighet")
    case = services.case_give_feedback(actor=strategic_chair, case=case, feedback="Enighet")
    assert case.current_forum == case.origin_forum
    assert {"tactical_member", "chair_user", "strategic_member"} <= _who_sees(request, case)


def test_stopping_to_follow_ends_a_followers_view(case, follower_user):
    services.case_unfollow(actor=follower_user, case=case)
    assert not can_view_case(follower_user, case)


def test_anonymous_sees_nothing(case):
    assert not Case.objects.restrict(AnonymousUser(), "view").exists()
    assert not can_view_case(AnonymousUser(), case)


def test_an_invisible_case_is_a_404(case, outsider_user):
    from django.http import Http404

    with pytest.raises(Http404):
        case_get_visible(user=outsider_user, reference=case.reference)
    with pytest.raises(Http404):
        case_get_visible(user=case.raised_by, reference="SAM-0000-0000")


def test_the_visible_list_is_one_query_however_many_cases(
    representative_user, operative_forum, secretariat_user
):
    """Lists filter with one condition: no permission check per row."""

    def count():
        queries, cases = count_queries(
            lambda: list(Case.objects.restrict(secretariat_user, "view"))
        )
        return queries, len(cases)

    for _ in range(3):
        raise_case(representative_user, operative_forum)
    few = count()
    for _ in range(20):
        escalated_case(operative_forum, raised_by=representative_user)
    many = count()
    assert few[0] == many[0] == 1
    assert (few[1], many[1]) == (3, 23)
    assert Case.objects.count() == 23


def test_a_member_of_the_target_forum_sees_escalated_demo_style_cases(
    representative_user, operative_forum, tactical_member, strategic_member
):
    """Cases stored with their events (as the demo loader does) follow the same rule."""
    case = escalated_case(operative_forum, raised_by=representative_user)
    assert can_view_case(tactical_member, case)
    assert not can_view_case(strategic_member, case)


# --- the matrix: every escalation view for each role ---------------------------------------


@pytest.fixture
def world(case, representative_user, chair_user, secretariat_user, structure):
    from tests.factories import CaseAttachmentFactory

    return {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
        "case": {"reference": case.reference},
        "step": {"reference": case.reference, "step": "forbered"},
        "attachment": {"reference": case.reference, "pk": CaseAttachmentFactory(case=case).pk},
        "structure": {"slug": structure.slug},
    }


# url name, its arguments in `world`, method, and the status for each of MATRIX_ROLES:
# anonymous, representative (raised the case, member of its forum), chair (of the tactical
# forum above: the case is not escalated, so not theirs to see), secretariat.
MATRIX = [
    ("escalation:my_cases", None, "get", "L 200 200 200"),
    ("escalation:case_raise", None, "get", "L 200 200 403"),
    ("escalation:organisation_options", None, "get", "L 200 200 403"),
    ("escalation:secretariat_cases", "structure", "get", "L 404 404 200"),
    ("escalation:case_detail", "case", "get", "L 200 404 200"),
    ("escalation:case_history", "case", "get", "L 200 404 200"),
    ("escalation:case_follow", "case", "post", "L 302 404 302"),
    ("escalation:case_unfollow", "case", "post", "L 302 404 302"),
    ("escalation:attachment_add", "case", "get", "L 200 404 200"),
    ("escalation:attachment_download", "attachment", "get", "L 200 404 200"),
    ("escalation:case_step", "step", "get", "L 403 404 200"),
]


@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), list(matrix_params(MATRIX))
)
def test_permission_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)
