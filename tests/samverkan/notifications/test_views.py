"""The notification pages: the list (filter by kind and unread, paged), opening a notice, the
buttons, the choices, and the bell with its one query."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kernel.models import Notification, NotificationPreference
from kernel.services import notification_deliveries
from tests.factories import NotificationFactory, UserFactory
from tests.querycount import assert_same_query_count, count_queries

pytestmark = pytest.mark.django_db
LIST = reverse("notifications:notification_list")


@pytest.fixture
def person():
    return UserFactory()


@pytest.fixture
def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def test_the_list_filters_by_kind_and_unread(signed_in, person):
    NotificationFactory(recipient=person, kind=Notification.Kind.CASE, title="Ärendet rörde sig")
    NotificationFactory(
        recipient=person, kind=Notification.Kind.MINUTES, title="Protokoll att justera"
    )
    read = NotificationFactory(recipient=person, kind=Notification.Kind.CASE, title="Gammal")
    read.read_at = read.created_at
    read.save()
    NotificationFactory(title="Någon annans")
    page = signed_in.get(LIST).content.decode()
    assert "Ärendet rörde sig" in page and "Protokoll att justera" in page and "Gammal" in page
    assert "Någon annans" not in page
    page = signed_in.get(LIST, {"kind": "minutes"}).content.decode()
    assert "Protokoll att justera" in page and "Ärendet rörde sig" not in page
    page = signed_in.get(LIST, {"state": "unread"}).content.decode()
    assert "Ärendet rörde sig" in page and "Gammal" not in page
    page = signed_in.get(LIST, {"state": "read"}).content.decode()
    assert "Gammal" in page and "Ärendet rörde sig" not in page
    # Odd filters and pages: the list, never a 500.
    for query in ({"kind": "nonsense"}, {"state": "x"}, {"page": "99999999999"}, {"page": "x"}):
        assert signed_in.get(LIST, query).status_code == 200


def test_the_list_is_paged(signed_in, person):
    NotificationFactory.create_batch(51, recipient=person)
    first = signed_in.get(LIST).content.decode()
    assert first.count('href="/aviseringar/') >= 50
    second = signed_in.get(LIST, {"page": 2}).content.decode()
    assert "Notification" in second


def test_opening_marks_read_and_goes_to_the_object(signed_in, person):
    notice = NotificationFactory(recipient=person, link="/arenden/SAM-1/")
    response = signed_in.get(reverse("notifications:notification_open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/arenden/SAM-1/"
    notice.refresh_from_db()
    assert notice.read_at is not None


@pytest.mark.parametrize("link", ["", "https://evil.example/", "//evil.example/x", "javascript:x"])
def test_a_notice_without_a_portal_link_opens_the_list(signed_in, person, link):
    notice = NotificationFactory(recipient=person, link=link)
    response = signed_in.get(reverse("notifications:notification_open", args=[notice.pk]))
    assert response["Location"] == LIST


def test_mark_read_and_mark_all_read_confirm(signed_in, person):
    one, *_rest = NotificationFactory.create_batch(3, recipient=person, title="Möte")
    other = NotificationFactory()
    response = signed_in.post(reverse("notifications:notification_mark_read", args=[one.pk]))
    assert response["Location"] == LIST
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["“Möte” är markerad som läst."]
    response = signed_in.post(reverse("notifications:notification_mark_all_read"))
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == (
        "2 aviseringar är markerade som lästa."
    )
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_the_list_has_plain_forms_for_the_buttons(signed_in, person):
    notice = NotificationFactory(recipient=person)
    page = signed_in.get(LIST).content.decode()
    mark = reverse("notifications:notification_mark_read", args=[notice.pk])
    assert f'<form method="post" action="{mark}">' in page
    assert 'action="/aviseringar/alla-lasta/"' in page
    assert "csrfmiddlewaretoken" in page


def test_preferences_are_saved_per_kind(signed_in, person):
    url = reverse("notifications:notification_preferences")
    assert signed_in.get(url).status_code == 200
    data = {kind.value: "immediate" for kind in Notification.Kind}
    data["minutes"] = "daily"
    data["mandate"] = "portal"
    response = signed_in.post(url, data)
    assert response.status_code == 302
    deliveries = notification_deliveries(person)
    assert deliveries["minutes"] == "daily" and deliveries["mandate"] == "portal"
    assert deliveries["case"] == NotificationPreference.DEFAULT
    # A value that is not a choice: the form again, nothing stored.
    response = signed_in.post(url, {**data, "case": "fax"})
    assert response.status_code == 200
    assert notification_deliveries(person)["case"] == NotificationPreference.DEFAULT


def test_the_bell_shows_the_unread_count_in_words(signed_in, person):
    page = signed_in.get(reverse("dashboard")).content.decode()
    assert "Aviseringar, inga olästa" in page
    NotificationFactory.create_batch(3, recipient=person)
    NotificationFactory(recipient=UserFactory())
    page = signed_in.get(reverse("dashboard")).content.decode()
    assert "Aviseringar, 3 olästa" in page
    assert f'href="{LIST}"' in page


def _bell_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    sql = [q["sql"] for q in context.captured_queries if '"samverkan_notification"' in q["sql"]]
    return sql, response


def test_the_bell_costs_at_most_one_cheap_query(signed_in, person):
    """Signing in counts the unread notices; a page then reads the count from the cache. A
    new or read notice makes the next page count again, once."""
    url = reverse("notifications:notification_preferences")
    sql, response = _bell_queries(signed_in, url)
    assert sql == [] and "Aviseringar, inga olästa" in response.content.decode()
    NotificationFactory.create_batch(2, recipient=person)
    NotificationFactory(recipient=UserFactory())  # someone else's changes nothing here
    sql, response = _bell_queries(signed_in, url)
    assert len(sql) == 1 and "COUNT(" in sql[0] and '"read_at" IS NULL' in sql[0]
    assert "Aviseringar, 2 olästa" in response.content.decode()
    sql, response = _bell_queries(signed_in, url)
    assert sql == [] and "Aviseringar, 2 olästa" in response.content.decode()
    # Read one: the bell counts again.
    signed_in.post(reverse("notifications:notification_mark_all_read"))
    sql, response = _bell_queries(signed_in, url)
    assert len(sql) == 1 and "Aviseringar, inga olästa" in response.content.decode()


def test_a_page_with_the_bell_costs_the_same_as_one_without():
    """The bell adds no query to a page (its count is cached): the same count as the page
    without a signed-in person's notices."""
    person = UserFactory()
    client = Client()
    client.force_login(person)
    url = reverse("notifications:notification_preferences")
    client.get(url)
    before, _response = count_queries(client.get, url)
    NotificationFactory.create_batch(3, recipient=person)
    client.get(url)  # counts once
    after, response = count_queries(client.get, url)
    assert before == after
    assert "Aviseringar, 3 olästa" in response.content.decode()


def test_the_list_query_count_is_pinned(signed_in, person):
    def grow(n):
        NotificationFactory.create_batch(n, recipient=person, title="Rad")

    assert_same_query_count(
        signed_in, LIST, grow, queries=QUERIES, marker='<span class="visually-hidden">: Rad</span>'
    )


# the session, the person, the bell's count (new notices: counted once), the page of notices
# (one row ahead, no COUNT)
QUERIES = 4
