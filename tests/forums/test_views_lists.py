"""Secretariat workspace lists: search, filter, pagination, query counts, work links."""

import datetime
import re

import pytest
from django.urls import reverse

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync
from tests.clock import FROZEN_DAY
from tests.factories import (
    ForumFactory,
    MandateFactory,
    OrganisationFactory,
    SeatFactory,
    StructureFactory,
    UserFactory,
)
from tests.querycount import assert_same_query_count

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


# --- Lists: search, filter, pagination, query counts --------------------------------------------


def test_forum_list_search_and_filters(secretariat_client, operative_forum, tactical_forum):
    url = reverse("forums:forum_list")

    def names(**params):
        html = secretariat_client.get(url, params).content.decode()
        return set(re.findall(r'<td[^>]*><a href="/forum/[^"]+">([^<]+)</a></td>', html))

    assert names() == {"Styrgruppen", "Samordningsgruppen", "Arbetsgruppen"}
    assert names(q="arbets") == {"Arbetsgruppen"}
    assert names(tier=Forum.Tier.TACTICAL) == {"Samordningsgruppen"}
    assert names(structure="testpartnerskapet", kind="steering_group") == {
        "Styrgruppen",
        "Samordningsgruppen",
        "Arbetsgruppen",
    }
    Forum.objects.filter(pk=operative_forum.pk).update(
        active_from=FROZEN_DAY - datetime.timedelta(days=10),
        active_to=FROZEN_DAY - datetime.timedelta(days=1),
    )
    assert names(status="wound_down") == {"Arbetsgruppen"}
    assert "Arbetsgruppen" not in names(status="active")


def test_forum_list_paginates(secretariat_client, structure):
    for i in range(30):
        ForumFactory(structure=structure, name=f"Grupp {i:02d}")
    first = secretariat_client.get(reverse("forums:forum_list")).content.decode()
    second = secretariat_client.get(reverse("forums:forum_list"), {"page": 2}).content.decode()
    assert "Grupp 00" in first and "Grupp 29" not in first
    assert "Grupp 29" in second
    assert 'rel="next"' in first


def _grow_forums(structure):
    def grow(n):
        for _ in range(n):
            parent = ForumFactory(structure=structure, tier=Forum.Tier.TACTICAL, escalates_to=None)
            ForumFactory(structure=structure, tier=Forum.Tier.OPERATIVE, escalates_to=parent)

    return grow


def test_forum_list_same_queries_at_5_and_50_forums(secretariat_client, structure):
    assert_same_query_count(
        secretariat_client,
        reverse("forums:forum_list"),
        _grow_forums(structure),
        queries=6,
        marker="Forum ",
        per_row=5,
        small=2,
        large=10,
    )


def test_forum_list_same_queries_for_a_representative(representative_user, operative_forum):
    def grow(n):
        for _ in range(n):
            forum = ForumFactory(structure=operative_forum.structure)
            MandateFactory(forum=forum, person=representative_user)
            forum_permissions_sync(person=representative_user, forum=forum)

    assert_same_query_count(
        client_for(representative_user),
        reverse("forums:forum_list"),
        grow,
        queries=6,
        marker="Forum ",
        per_row=1,
        small=2,
        large=15,
    )


def test_structure_list_same_queries_at_5_and_50(secretariat_client, secretariat_user):
    def grow(n):
        for _ in range(n):
            structure = StructureFactory(secretariat_staff=[secretariat_user])
            structure_secretariat_sync(structure=structure)
            ForumFactory(structure=structure)

    assert_same_query_count(
        secretariat_client,
        reverse("forums:structure_list"),
        grow,
        queries=6,
        marker="Structure ",
        per_row=1,
        small=2,
        large=15,
    )


def test_organisation_list_same_queries_at_5_and_50(secretariat_client, parties):
    def grow(n):
        for _ in range(n):
            OrganisationFactory(parties=list(parties))

    assert_same_query_count(
        secretariat_client,
        reverse("forums:organisation_list"),
        grow,
        queries=7,
        marker="Organisation ",
        per_row=3,
        small=2,
        large=15,
    )


def test_structure_page_same_queries_at_5_and_50_forums(secretariat_client, structure):
    url = reverse("forums:structure_detail", kwargs={"slug": structure.slug})
    assert_same_query_count(
        secretariat_client, url, _grow_forums(structure), queries=10, marker="Forum ", per_row=10
    )


def test_forum_page_same_queries_at_5_and_50_members(secretariat_client, operative_forum, parties):
    def grow(n):
        for _ in range(n):
            organisation = OrganisationFactory(parties=[parties[0]])
            SeatFactory(forum=operative_forum, organisation=organisation)
            MandateFactory(forum=operative_forum, organisation=organisation)
            MandateFactory(
                forum=operative_forum,
                organisation=OrganisationFactory(),
                role=Mandate.Role.DEPUTY,
                person=UserFactory(),
            )

    SeatFactory(forum=operative_forum, organisation=None, party=parties[1], count=2)
    assert_same_query_count(
        secretariat_client,
        operative_forum.get_absolute_url(),
        grow,
        # 14, the forum rules' snapshot (mandates.panels.rule_findings_panel) and the yearly
        # cycle's panels: plans and priority areas, annual reports, direction documents
        queries=25,
        marker="Organisation ",
        per_row=4,  # the composition, the members, and the deputy's organisation without a seat
    )


def test_public_list_same_queries_at_5_and_50(client, structure):
    def grow(n):
        for _ in range(n):
            ForumFactory(structure=StructureFactory(), is_public=True)

    assert_same_query_count(
        client, reverse("public_forums:forum_list"), grow, queries=1, marker="Forum ", per_row=1
    )


def test_work_links_are_offered_only_to_those_who_may_follow_them(
    client, operative_forum, representative_user, outsider_user
):
    operative_forum.is_public = True
    operative_forum.save()
    url = operative_forum.get_absolute_url()

    client.force_login(representative_user)
    assert 'id="forum-meetings-link"' in client.get(url).text

    client.force_login(outsider_user)  # may read the public forum, not its meetings
    response = client.get(url)
    assert response.status_code == 200
    assert 'id="forum-meetings-link"' not in response.text
