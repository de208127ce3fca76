"""The OParl lists make the same number of queries at 5 rows as at 50 (pinned)."""

import pytest
from django.urls import reverse

from tests.factories import MandateFactory, MeetingFactory
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_forum(operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    return operative_forum


def _url(name, forum):
    return reverse(f"oparl:{name}", args=[forum.structure_id])


@pytest.mark.parametrize(
    ("name", "marker", "queries"),
    [
        ("body_people", '1.1/Person"', 3),
        ("body_memberships", '1.1/Membership"', 2),
        ("body_organizations", "organization/", 4),
    ],
)
def test_mandate_lists(client, public_forum, name, marker, queries):
    def grow(n):
        for _ in range(n):
            MandateFactory(forum=public_forum)

    assert_same_query_count(client, _url(name, public_forum), grow, queries=queries, marker=marker)


def test_meeting_list(client, public_forum):
    def grow(n):
        for _ in range(n):
            MeetingFactory(forum=public_forum, location="Rum 1")

    assert_same_query_count(
        client, _url("body_meetings", public_forum), grow, queries=4, marker='1.1/Meeting"'
    )
