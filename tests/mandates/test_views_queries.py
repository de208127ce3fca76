"""No N+1 on the mandate pages: pinned query counts, the same at 5 rows as at 50."""

import datetime

import pytest
from django.urls import reverse

from forums.models import Forum
from mandates.models import Mandate, MandateImportRow
from tests.clock import FROZEN_DAY
from tests.factories import (
    ForumFactory,
    MandateFactory,
    OrganisationFactory,
    SeatFactory,
    UserFactory,
)
from tests.mandates.factories import MandateImportFactory
from tests.querycount import assert_same_query_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


# Pinned query counts of the pages (the same at 5 rows as at 50).
QUERIES = {
    "mandate_list": 6,
    "forum_mandates": 17,
    "person_list": 5,
    "person_detail": 12,
    "compliance": 13,
    "import_detail": 4,
    "rotation": 10,
}


DAY = datetime.timedelta(days=1)


# --- no N+1 --------------------------------------------------------------------------------


@pytest.fixture
def grow_mandates(structure, region_a):
    """A forum whose deputies grow, each for a member and of an organisation of their own:
    the person, the forum, the organisation and the member stood in for are on every row."""
    forum = ForumFactory(structure=structure, name="Stor grupp")
    member = MandateFactory(forum=forum, organisation=region_a)

    def grow(count):
        for _ in range(count):
            MandateFactory(forum=forum, role=Mandate.Role.DEPUTY,
                           organisation=OrganisationFactory(), deputy_for=member)  # fmt: skip

    return forum, grow


MANDATE_ROW = 'data-mandate="'  # once on each row of a mandate table


def warmed(client, url):
    """Fetch once first: caches filled on a process's first request (content types) are not
    the page's queries."""
    assert client.get(url).status_code == 200
    return url


def test_the_mandate_list_does_not_grow_in_queries(client, secretariat_user, grow_mandates):
    client.force_login(secretariat_user)
    _forum, grow = grow_mandates
    url = warmed(client, reverse("mandates:mandate_list") + "?role=deputy&q=Stor+grupp")
    assert_same_query_count(client, url, grow, queries=QUERIES["mandate_list"], marker=MANDATE_ROW)


def test_the_forum_page_does_not_grow_in_queries(client, secretariat_user, grow_mandates):
    forum, grow = grow_mandates

    def grow_with_seats(count):
        grow(count)
        for _ in range(count):
            SeatFactory(forum=forum)

    client.force_login(secretariat_user)
    assert_same_query_count(
        client,
        warmed(client, reverse("mandates:forum_mandates", args=[forum.slug]) + "?role=deputy"),
        grow_with_seats,
        queries=QUERIES["forum_mandates"],
        marker=MANDATE_ROW,
    )


def test_the_person_list_does_not_grow_in_queries(client, secretariat_user):
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            UserFactory(title="Utvecklare", organisation=OrganisationFactory())

    assert_same_query_count(
        client,
        warmed(client, reverse("people:person_list") + "?q=Utvecklare"),
        grow,
        queries=QUERIES["person_list"],
        marker='data-person="',
    )


def test_the_person_page_does_not_grow_in_queries(client, secretariat_user, structure):
    person = UserFactory()
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            MandateFactory(person=person, forum=ForumFactory(structure=structure))

    assert_same_query_count(
        client,
        warmed(client, reverse("people:person_detail", args=[person.pk])),
        grow,
        queries=QUERIES["person_detail"],
        marker=MANDATE_ROW,
    )


def test_the_compliance_page_does_not_grow_in_queries(
    client, secretariat_user, structure, region_a
):
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            forum = ForumFactory(structure=structure, chair_rotation_months=12,
                                 chair_rotation_among="organisations")  # fmt: skip
            SeatFactory(forum=forum, organisation=region_a, count=3)
            MandateFactory(forum=forum, role=Mandate.Role.CHAIR, organisation=region_a,
                           valid_from=FROZEN_DAY - 500 * DAY)  # fmt: skip

    assert_same_query_count(
        client,
        reverse("mandates:compliance", args=[structure.slug]),
        grow,
        queries=QUERIES["compliance"],
        marker="Forum ",
        per_row=6,  # the heading, the links, and the chair's open term and long tenure
    )


def test_the_import_preview_does_not_grow_in_queries(client, secretariat_user, structure):
    mandate_import = MandateImportFactory(structure=structure, uploaded_by=secretariat_user,
                                          status="previewed")  # fmt: skip
    client.force_login(secretariat_user)
    numbers = iter(range(1, 1000))

    def grow(count):
        rows = [
            MandateImportRow(mandate_import=mandate_import, number=next(numbers),
                             data={"email": "x@example.se"}, errors=["Unknown forum “x”."])
            for _ in range(count)
        ]  # fmt: skip
        MandateImportRow.objects.bulk_create(rows)
        mandate_import.row_count += count
        mandate_import.save()

    assert_same_query_count(
        client,
        reverse("mandates:import_detail", args=[mandate_import.pk]),
        grow,
        queries=QUERIES["import_detail"],
        marker="x@example.se",
    )


def test_the_rotation_page_does_not_grow_in_queries(client, secretariat_user, strategic_forum):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    client.force_login(secretariat_user)
    start = [FROZEN_DAY - 20000 * DAY]

    def grow(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            SeatFactory(forum=strategic_forum, organisation=organisation)
            MandateFactory(forum=strategic_forum, role=Mandate.Role.CHAIR,
                           organisation=organisation, status=Mandate.Status.ENDED,
                           valid_from=start[0], valid_to=start[0] + 300 * DAY)  # fmt: skip
            start[0] += 365 * DAY

    assert_same_query_count(
        client,
        reverse("mandates:rotation", args=[strategic_forum.slug]),
        grow,
        queries=QUERIES["rotation"],
        marker="Organisation ",
    )
