"""Secretariat workspace views of structures, secretariat, parties, organisations."""

import pytest
from django.urls import reverse

from forums.models import Forum, Organisation
from tests.factories import OrganisationFactory, SeatFactory
from tests.forums.view_helpers import field_error

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


# --- Structures, parties, organisations ----------------------------------------------------------


def test_secretariat_adds_people_by_username_or_email(secretariat_client, structure, outsider_user):
    url = reverse("forums:structure_secretariat", kwargs={"slug": structure.slug})
    me = structure.secretariat_staff.get()
    response = secretariat_client.post(url, {"staff": [me.pk], "add": outsider_user.email})
    assert response.status_code == 302
    assert set(structure.secretariat_staff.all()) == {me, outsider_user}
    response = secretariat_client.post(url, {"staff": [me.pk], "add": "finns-inte"})
    assert "finns-inte" in field_error(response, "add")


def test_the_last_secretariat_member_cannot_leave(secretariat_client, structure):
    url = reverse("forums:structure_secretariat", kwargs={"slug": structure.slug})
    response = secretariat_client.post(url, {"add": ""})
    assert response.status_code == 200
    assert structure.secretariat_staff.count() == 1


def test_party_and_organisation_forms(secretariat_client, structure):
    response = secretariat_client.post(
        reverse("forums:party_create", kwargs={"slug": structure.slug}),
        {"name": "Kommunerna", "short_name": "K"},
    )
    assert response.status_code == 302
    party = structure.parties.get(name="Kommunerna")
    response = secretariat_client.post(
        reverse("forums:organisation_create"),
        {
            "name": "Göteborgsregionen",
            "kind": Organisation.Kind.MUNICIPAL_ASSOCIATION,
            "parties": [party.pk],
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Göteborgsregionen").parties.get() == party
    duplicate = secretariat_client.post(
        reverse("forums:party_create", kwargs={"slug": structure.slug}), {"name": "kommunerna"}
    )
    assert field_error(duplicate, "name")


def test_organisation_keeps_parties_of_structures_the_editor_does_not_run(
    secretariat_client, parties, other_structure
):
    foreign = other_structure.parties.create(name="Främmande part")
    organisation = OrganisationFactory(parties=[foreign])
    response = secretariat_client.post(
        reverse("forums:organisation_update", kwargs={"pk": organisation.pk}),
        {"name": organisation.name, "kind": organisation.kind, "parties": [parties[0].pk]},
    )
    assert response.status_code == 302
    assert set(organisation.parties.all()) == {foreign, parties[0]}


def test_archive_and_restore_through_the_pages(secretariat_client, structure):
    archive = reverse("forums:structure_archive", kwargs={"slug": structure.slug})
    assert secretariat_client.post(archive).status_code == 302
    structure.refresh_from_db()
    assert structure.archived_at is not None
    listing = secretariat_client.get(reverse("forums:structure_list")).content.decode()
    assert structure.name not in listing
    listing = secretariat_client.get(reverse("forums:structure_list"), {"archived": "on"})
    assert structure.name in listing.content.decode()
    secretariat_client.post(reverse("forums:structure_restore", kwargs={"slug": structure.slug}))
    structure.refresh_from_db()
    assert structure.archived_at is None


def test_archiving_an_organisation_with_seats_shows_a_message(secretariat_client, strategic_forum):
    seat = SeatFactory(forum=strategic_forum)
    url = reverse("forums:organisation_archive", kwargs={"pk": seat.organisation_id})
    response = secretariat_client.post(url, follow=True)
    assert strategic_forum.name in response.content.decode()
    seat.organisation.refresh_from_db()
    assert seat.organisation.archived_at is None


def test_structure_page_has_map_and_list(secretariat_client, structure, operative_forum):
    html = secretariat_client.get(
        reverse("forums:structure_detail", kwargs={"slug": structure.slug})
    ).content.decode()
    assert "<svg" in html
    tree = html[html.index('id="tree-heading"') :]
    for forum in Forum.objects.filter(structure=structure):
        assert f'href="{forum.get_absolute_url()}"' in tree


def test_a_representative_sees_only_their_forums_on_the_map(
    representative_user, structure, operative_forum, tactical_forum
):
    html = (
        client_for(representative_user)
        .get(reverse("forums:structure_detail", kwargs={"slug": structure.slug}))
        .content.decode()
    )
    assert operative_forum.get_absolute_url() in html
    assert tactical_forum.get_absolute_url() not in html


def test_the_secretariat_sets_whether_the_structure_is_a_partnership(secretariat_client, structure):
    """Partnership is a setting the form explains, not something read from the parties."""
    url = reverse("forums:structure_update", kwargs={"slug": structure.slug})
    page = secretariat_client.get(url).content.decode()
    assert "Besluten är gemensamma ställningstaganden som inte binder någon part" in page
    assert "Att strukturen har två parter gör den inte till ett partnerskap" in page
    data = {
        "name": structure.name,
        "slug": structure.slug,
        "case_reference_prefix": "SAM",
        "escalated_case_deadline_days": 60,
    }
    secretariat_client.post(url, {**data, "is_partnership": "on"})
    structure.refresh_from_db()
    assert structure.is_partnership
    detail = secretariat_client.get(structure.get_absolute_url()).content.decode()
    assert "gemensamma ställningstaganden" in detail
    secretariat_client.post(url, data)
    structure.refresh_from_db()
    assert not structure.is_partnership
