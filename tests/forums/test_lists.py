"""The forums' list pages: a FilterSet and a Table each, sortable, paged without COUNT, and as
many queries for a full page as for a few rows (the extra rows really render)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import Organisation
from forums.permissions import structure_secretariat_sync
from kernel.lists import PAGE_SIZE
from tests.factories import ForumFactory, OrganisationFactory, StructureFactory
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db

ROW = '<tr class="'  # django-tables2 marks each body row even/odd; the header row has no class


def _names(response):
    """The linked names in the table's first column, in order."""
    return re.findall(
        r'<tr class="[^"]*">\s*<td[^>]*><a href="[^"]+">([^<(]+?)(?: \(|</a>)', response.text
    )


def _grow_structures(user):
    def grow(n):
        for _ in range(n):
            structure = StructureFactory(secretariat_staff=[user])
            structure_secretariat_sync(structure=structure)
            ForumFactory(structure=structure)

    return grow


# --- Query counts: pinned, and the extra rows are on the page -----------------------------------


def test_forum_list_query_count_is_pinned_and_rows_render(secretariat_client, structure):
    def grow(n):
        for _ in range(n):
            ForumFactory(structure=structure)

    assert_same_query_count(
        secretariat_client,
        reverse("forums:forum_list"),
        grow,
        queries=FORUM_LIST_QUERIES,
        marker=ROW,
        small=5,
        large=PAGE_SIZE,
    )


def test_structure_list_query_count_is_pinned_and_rows_render(secretariat_client, secretariat_user):
    # The secretariat already runs one structure: 5 and then a full page of 25 rows.
    assert_same_query_count(
        secretariat_client,
        reverse("forums:structure_list"),
        _grow_structures(secretariat_user),
        queries=STRUCTURE_LIST_QUERIES,
        marker=ROW,
        small=4,
        large=PAGE_SIZE - 1,
    )


def test_organisation_list_query_count_is_pinned_and_rows_render(secretariat_client, parties):
    def grow(n):
        for _ in range(n):
            OrganisationFactory(parties=list(parties))

    assert_same_query_count(
        secretariat_client,
        reverse("forums:organisation_list"),
        grow,
        queries=ORGANISATION_LIST_QUERIES,
        marker=ROW,
        small=5,
        large=PAGE_SIZE,
    )


# Session and user, the structures the user runs, one query for the page of rows (one row ahead
# instead of a COUNT), and the filter's choices (forums, organisations: structures, parties) or
# the add-structure permission check (structures); the parties column is one prefetch.
FORUM_LIST_QUERIES = 6
STRUCTURE_LIST_QUERIES = 6
ORGANISATION_LIST_QUERIES = 7


# --- Paging without COUNT -------------------------------------------------------------------------


def test_lists_page_without_counting(secretariat_client, structure, parties):
    for i in range(PAGE_SIZE + 3):
        ForumFactory(structure=structure, name=f"Grupp {i:02d}")
        OrganisationFactory(name=f"Organisation {i:02d}")
    for name in ("forums:forum_list", "forums:organisation_list"):
        url = reverse(name)
        with CaptureQueriesContext(connection) as queries:
            first = secretariat_client.get(url)
        assert not [q["sql"] for q in queries if "COUNT(*)" in q["sql"]], name
        assert first.text.count(ROW) == PAGE_SIZE
        assert 'rel="next"' in first.text
        second = secretariat_client.get(url, {"page": 2})
        assert second.text.count(ROW) >= 3
        assert 'rel="prev"' in second.text and 'rel="next"' not in second.text


# --- Sorting ------------------------------------------------------------------------------------


def test_forum_list_sorts_by_name_both_ways(secretariat_client, structure):
    for name in ("Beta", "Alfa", "Gamma"):
        ForumFactory(structure=structure, name=name)
    url = reverse("forums:forum_list")
    ascending = _names(secretariat_client.get(url, {"sort": "name"}))
    descending = _names(secretariat_client.get(url, {"sort": "-name"}))
    assert ascending == sorted(ascending) and len(ascending) == 3
    assert descending == list(reversed(ascending))
    assert 'href="?sort=-name"' in secretariat_client.get(url, {"sort": "name"}).text


def test_structure_list_sorts_by_forum_count(secretariat_client, secretariat_user):
    many = StructureFactory(name="Många", secretariat_staff=[secretariat_user])
    few = StructureFactory(name="Få", secretariat_staff=[secretariat_user])
    for structure, count in ((many, 3), (few, 1)):
        structure_secretariat_sync(structure=structure)
        for _ in range(count):
            ForumFactory(structure=structure)
    url = reverse("forums:structure_list")
    assert _names(secretariat_client.get(url, {"sort": "-forum_count"}))[:2] == ["Många", "Få"]
    assert _names(secretariat_client.get(url, {"sort": "forum_count"}))[-2:] == ["Få", "Många"]


def test_organisation_list_sorts_by_name_descending(secretariat_client):
    for name in ("Aorg", "Borg", "Corg"):
        OrganisationFactory(name=name)
    names = _names(secretariat_client.get(reverse("forums:organisation_list"), {"sort": "-name"}))
    assert [n for n in names if n in {"Aorg", "Borg", "Corg"}] == ["Corg", "Borg", "Aorg"]


# --- Filtering ----------------------------------------------------------------------------------


def test_organisation_list_filters(secretariat_client, parties):
    region = OrganisationFactory(name="Region Norr", kind=Organisation.Kind.REGION)
    OrganisationFactory(name="Bolaget", kind=Organisation.Kind.COMPANY)
    member = OrganisationFactory(name="Medlemmen", parties=[parties[0]])
    gone = OrganisationFactory(name="Nedlagd")
    Organisation.objects.filter(pk=gone.pk).update(archived_at="2026-01-01T00:00Z")
    url = reverse("forums:organisation_list")

    def names(**params):
        return set(_names(secretariat_client.get(url, params)))

    assert "Nedlagd" not in names() and {"Region Norr", "Bolaget", "Medlemmen"} <= names()
    assert names(kind=Organisation.Kind.REGION) == {region.name} | {
        o.name for o in Organisation.objects.filter(kind=Organisation.Kind.REGION, archived_at=None)
    }
    assert names(party=parties[0].pk) == {member.name} | {
        o.name for o in parties[0].organisations.filter(archived_at=None)
    }
    assert names(q="norr") == {"Region Norr"}
    assert names(archived="on") == {"Nedlagd"}


def test_structure_list_search_and_archived_only_for_their_secretariat(
    secretariat_client, structure, other_structure, other_forum, representative_user
):
    url = reverse("forums:structure_list")
    assert set(_names(secretariat_client.get(url, {"q": "test"}))) == {structure.name}
    other_forum.is_public = True
    other_forum.save()
    other_structure.archived_at = "2026-01-01T00:00Z"
    other_structure.save()
    # Visible through its public forum, but archived: only its own secretariat lists it.
    assert _names(secretariat_client.get(url, {"archived": "on"})) == []
