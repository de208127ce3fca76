"""Public pages: no login, public forums only, and only the contact details people publish."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums import panels
from forums.panels import PUBLIC, Panel, register_panel
from mandates.models import Mandate
from tests.clock import FROZEN_DAY
from tests.factories import ForumFactory, MandateFactory, OrganisationFactory, UserFactory
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


@pytest.fixture
def public_forum(operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    return operative_forum


def detail(client, forum):
    return client.get(reverse("public_forums:forum_detail", kwargs={"slug": forum.slug}))


def test_list_shows_public_forums_only(client, public_forum, tactical_forum, structure):
    ForumFactory(
        structure=structure,
        name="Avvecklad grupp",
        is_public=True,
        active_from=FROZEN_DAY - datetime.timedelta(days=30),
        active_to=FROZEN_DAY - datetime.timedelta(days=1),
    )
    html = client.get(reverse("public_forums:forum_list")).content.decode()
    assert public_forum.name in html
    assert tactical_forum.name not in html
    assert "Avvecklad grupp" not in html


def test_a_non_public_forum_is_not_found(client, tactical_forum):
    assert detail(client, tactical_forum).status_code == 404


def test_a_public_forum_of_an_archived_structure_is_not_found(client, public_forum, structure):
    structure.archived_at = timezone.now()
    structure.save()
    assert detail(client, public_forum).status_code == 404


def test_page_shows_charter_and_members_with_published_contact_details(client, public_forum):
    public_forum.purpose = "Samverka om läkemedel."
    public_forum.save()
    public_forum.assignments.create(kind="general", order=1, text="Bereda frågor.")
    published = UserFactory(
        first_name="Petra",
        last_name="Publik",
        email="petra@example.org",
        phone="070-174 06 10",
        publish_email=True,
        publish_phone=True,
    )
    private = UserFactory(
        first_name="Hemlig",
        last_name="Person",
        email="hemlig@example.org",
        phone="070-174 06 11",
        publish_email=False,
        publish_phone=False,
    )
    half = UserFactory(
        first_name="Halv",
        last_name="Öppen",
        email="halv@example.org",
        phone="070-174 06 12",
        publish_email=True,
        publish_phone=False,
    )
    organisation = OrganisationFactory(name="Region Kalmar län")
    for person, role in (
        (published, Mandate.Role.CHAIR),
        (private, Mandate.Role.MEMBER),
        (half, Mandate.Role.MEMBER),
    ):
        MandateFactory(person=person, forum=public_forum, organisation=organisation, role=role)
    MandateFactory(
        person=UserFactory(first_name="Före", last_name="Detta"),
        forum=public_forum,
        status=Mandate.Status.ENDED,
    )
    response = detail(client, public_forum)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samverka om läkemedel." in html and "Bereda frågor." in html
    assert "Petra Publik" in html and "petra@example.org" in html and "070-174 06 10" in html
    assert "Hemlig Person" in html and "Region Kalmar län" in html
    assert "hemlig@example.org" not in html and "070-174 06 11" not in html
    assert "halv@example.org" in html and "070-174 06 12" not in html
    assert "Före Detta" not in html


def test_nothing_else_is_shown_without_login(client, public_forum, secretariat_user):
    html = detail(client, public_forum).content.decode()
    for private in ("composition-heading", "Edit forum", "medlemmar.csv", "Karin Kansli"):
        assert private not in html
    # the workspace pages send anonymous visitors elsewhere
    response = client.get(public_forum.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "public_forums:forum_detail", kwargs={"slug": public_forum.slug}
    )


def test_other_apps_add_published_sections(client, public_forum, tmp_path, settings, monkeypatch):
    template = tmp_path / "published.html"
    template.write_text('<section aria-label="Minutes">Approved minutes of {{ name }}</section>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]

    def minutes(request, forum):
        return Panel("published.html", {"name": forum.name})

    monkeypatch.setattr(panels, "_REGISTRY", list(panels._REGISTRY))  # undone after the test
    register_panel(PUBLIC)(minutes)
    html = detail(client, public_forum).content.decode()
    assert f"Approved minutes of {public_forum.name}" in html


def test_the_members_and_the_minutes_come_from_their_apps(client, public_forum):
    html = detail(client, public_forum).content.decode()
    members = html.index('id="members-heading"')
    minutes = html.index('id="public-minutes-heading"')
    assert html.index('id="charter-heading"') < members < minutes


def test_public_page_same_queries_at_5_and_50_members(client, public_forum):
    def grow(n):
        for _ in range(n):
            MandateFactory(forum=public_forum, person=UserFactory(publish_email=True))

    assert_same_query_count(
        client,
        reverse("public_forums:forum_detail", kwargs={"slug": public_forum.slug}),
        grow,
        queries=5,  # 4, and the adopted annual reports (cycle.panels.reports)
        marker="@example.org",
        per_row=2,
    )
