"""The case pages: who sees what (the visibility matrix)."""

import pytest
from django.urls import reverse

from escalation.models import Follow
from tests.escalation.view_helpers import _urls

pytestmark = pytest.mark.django_db


def _login(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


# Who sees an escalated case: the forums on its path, followers, the structure's secretariat.
VISIBILITY = [
    ("anonymous", 302),
    ("representative_user", 200),  # member of the origin forum
    ("tactical_member", 200),  # member of the higher forum, after the escalation
    ("follower_user", 200),
    ("secretariat_user", 200),
    ("other_secretariat_user", 404),
    ("strategic_member", 404),  # not on the path (yet)
    ("outsider_user", 404),
]


@pytest.mark.parametrize(("who", "status"), VISIBILITY)
@pytest.mark.parametrize("page", ["detail", "history", "download"])
def test_visibility_matrix_for_case_pages(client, request, escalated, who, status, page):
    _login(client, request, who)
    response = client.get(_urls(escalated)[page])
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("representative_user", 200),  # raised it
        ("tactical_member", 200),  # may raise cases where it is now
        ("chair_user", 200),  # leads the forum where it is now
        ("secretariat_user", 200),
        ("follower_user", 403),  # sees it, may not add to it
        ("other_secretariat_user", 404),
        ("outsider_user", 404),
    ],
)
def test_visibility_matrix_for_adding_attachments(client, request, escalated, who, status):
    _login(client, request, who)
    assert client.get(_urls(escalated)["attach"]).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("representative_user", 403),
        ("operative_chair", 403),  # led the origin, not the forum where it is now
        ("tactical_member", 403),
        ("chair_user", 200),
        ("secretariat_user", 403),  # the secretariat moves cases but does not escalate
        ("follower_user", 403),
        ("other_secretariat_user", 404),
        ("strategic_member", 404),
        ("outsider_user", 404),
    ],
)
def test_visibility_matrix_for_the_escalate_step(client, request, escalated, who, status):
    _login(client, request, who)
    url = reverse("escalation:case_step", args=[escalated.reference, "eskalera"])
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("secretariat_user", 200),
        ("chair_user", 200),
        ("operative_chair", 403),
        ("representative_user", 403),
        ("follower_user", 403),
        ("other_secretariat_user", 404),
        ("outsider_user", 404),
    ],
)
def test_visibility_matrix_for_the_prepare_step(client, request, escalated, who, status):
    _login(client, request, who)
    url = reverse("escalation:case_step", args=[escalated.reference, "forbered"])
    assert client.get(url).status_code == status


@pytest.mark.parametrize(("who", "status"), VISIBILITY)
def test_visibility_matrix_for_following(client, request, escalated, who, status):
    _login(client, request, who)
    response = client.post(reverse("escalation:case_follow", args=[escalated.reference]))
    expected = 302 if status == 200 else status
    assert response.status_code == expected
    if who not in ("anonymous",) and status == 200:
        assert Follow.objects.filter(case=escalated, user=request.getfixturevalue(who)).exists()


@pytest.mark.parametrize(("who", "status"), VISIBILITY)
def test_visibility_matrix_for_unfollowing(client, request, escalated, who, status):
    _login(client, request, who)
    response = client.post(reverse("escalation:case_unfollow", args=[escalated.reference]))
    assert response.status_code == (302 if status == 200 else status)
    if who == "follower_user":
        assert not escalated.follows.filter(user__username="foljare").exists()
    else:
        assert escalated.follows.filter(user__username="foljare").exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("secretariat_user", 200),
        ("other_secretariat_user", 404),
        ("chair_user", 404),
        ("representative_user", 404),
        ("outsider_user", 404),
    ],
)
def test_visibility_matrix_for_the_secretariat_page(client, request, structure, who, status):
    _login(client, request, who)
    url = reverse("escalation:secretariat_cases", args=[structure.slug])
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("representative_user", 200),
        ("tactical_member", 200),
        ("secretariat_user", 200),
        ("outsider_user", 200),
    ],
)
def test_visibility_matrix_for_my_cases(client, request, escalated, who, status):
    _login(client, request, who)
    response = client.get(reverse("escalation:my_cases"))
    assert response.status_code == status
    if status == 200:
        shown = escalated.reference in response.text
        user = response.wsgi_request.user
        mine = escalated.raised_by == user or escalated.follows.filter(user=user).exists()
        assert shown == mine


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("representative_user", 200),
        ("chair_user", 200),
        ("secretariat_user", 403),
        ("outsider_user", 403),
    ],
)
def test_visibility_matrix_for_raising(client, request, who, status, operative_forum):
    _login(client, request, who)
    assert client.get(reverse("escalation:case_raise")).status_code == status
