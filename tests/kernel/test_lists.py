"""The list helper pages with our page size whatever the query string asks."""

import pytest
from django.urls import reverse

from kernel.lists import PAGE_SIZE
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

ROW = '<tr class="'  # django-tables2 marks each body row even/odd; the header row has no class


@pytest.fixture
def secretariat_client(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def many_forums(structure):
    for _ in range(PAGE_SIZE + 3):
        ForumFactory(structure=structure)


def _rows(client, **query):
    response = client.get(reverse("forums:forum_list"), query)
    assert response.status_code == 200
    return response.content.decode().count(ROW)


def test_a_visitor_cannot_choose_the_page_size(secretariat_client, many_forums):
    assert _rows(secretariat_client) == PAGE_SIZE
    assert _rows(secretariat_client, per_page=100000) == PAGE_SIZE


@pytest.mark.parametrize("page", ["0", "-3", "x", "99999999999999999999", "1e9"])
def test_a_nonsense_page_number_shows_the_first_page(secretariat_client, many_forums, page):
    assert _rows(secretariat_client, page=page) == PAGE_SIZE


def test_a_page_past_the_end_shows_the_first_page(secretariat_client, many_forums):
    assert _rows(secretariat_client, page=2) >= 3
    assert _rows(secretariat_client, page=50) == PAGE_SIZE


def test_an_unknown_sort_column_is_ignored(secretariat_client, many_forums):
    assert _rows(secretariat_client, sort="no_such_column") == PAGE_SIZE
