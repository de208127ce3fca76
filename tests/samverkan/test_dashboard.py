import pytest
from django.urls import reverse

from mandates.models import Mandate
from tests.factories import ForumFactory, MandateFactory, MeetingFactory
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_dashboard_shows_own_current_mandates_only(client, representative_user, chair_user):
    client.force_login(representative_user)
    response = client.get(reverse("dashboard"))
    mandates = list(response.context["mandates"])
    assert [m.person for m in mandates] == [representative_user]
    assert "Arbetsgruppen" in response.text
    assert "Samordningsgruppen" not in response.text  # the chair's forum, not this user's


def test_ended_and_future_mandates_are_not_current(client, outsider_user, operative_forum):
    MandateFactory(person=outsider_user, forum=operative_forum, status=Mandate.Status.ENDED)
    MandateFactory(
        person=outsider_user, forum=operative_forum, valid_from="2999-01-01", valid_to=None
    )
    client.force_login(outsider_user)
    response = client.get(reverse("dashboard"))
    assert list(response.context["mandates"]) == []


def test_secretariat_sees_the_structures_it_runs(client, secretariat_user, structure):
    client.force_login(secretariat_user)
    response = client.get(reverse("dashboard"))
    assert list(response.context["structures"]) == [structure]


def test_dashboard_query_count_does_not_grow_with_mandates(client, outsider_user, structure):
    client.force_login(outsider_user)

    def grow(count):
        for _ in range(count):
            forum = ForumFactory(structure=structure)
            MandateFactory(person=outsider_user, forum=forum)
            MeetingFactory(forum=forum, starts_at="2999-01-01T09:00Z", ends_at="2999-01-01T10:00Z")

    assert_same_query_count(
        client,
        reverse("dashboard"),
        grow,
        queries=12,
        marker=f'<td><a href="{reverse("mandates:forum_mandates", args=["x"]).removesuffix("x/")}',
    )


@pytest.mark.parametrize(
    ("role", "rule", "approves"),
    [
        (Mandate.Role.SECRETARY, "chair_and_member", False),
        (Mandate.Role.SECRETARY, "chair", False),
        (Mandate.Role.MEMBER, "chair", False),
        (Mandate.Role.MEMBER, "chair_and_member", True),
        (Mandate.Role.VICE_CHAIR, "chair_and_other_party_member", True),
        (Mandate.Role.CHAIR, "chair", True),
    ],
)
def test_what_you_may_do_follows_the_forums_approval_rule(
    client, outsider_user, structure, role, rule, approves
):
    from django.utils import translation

    forum = ForumFactory(structure=structure, minutes_approval=rule)
    MandateFactory(person=outsider_user, forum=forum, role=role)
    client.force_login(outsider_user)
    with translation.override("en"):
        response = client.get(reverse("dashboard"), HTTP_ACCEPT_LANGUAGE="en")
    [mandate] = response.context["mandates"]
    assert any("Approve the minutes" in str(a) for a in mandate.abilities) is approves
    assert not any("sign minutes" in str(a) for a in mandate.abilities)
