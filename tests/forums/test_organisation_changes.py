"""An organisation's own fields (name, kind, website) and its archiving may be changed only by
the secretariat of a structure that uses it, or an administrator. A structure uses an
organisation that is in one of its parties, has a seat or a mandate in one of its forums, or
is one of its secretariat organisations. One that no structure uses may be changed by anyone
who runs a structure; any secretariat member may still put it in their own parties.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from forums import services
from forums.models import Organisation
from forums.permissions import can_change_organisation
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db

RENAME = {"name": "Nytt namn", "short_name": "NN", "kind": "region", "website": ""}


@pytest.fixture
def uses(structure, parties, strategic_forum):
    """Ways in which `structure` comes to use an organisation."""
    return {
        "party": lambda org: org.parties.add(parties[0]),
        "seat": lambda org: SeatFactory(forum=strategic_forum, organisation=org),
        "mandate": lambda org: MandateFactory(forum=strategic_forum, organisation=org),
        "secretariat": lambda org: structure.secretariat_organisations.add(org),
    }


@pytest.fixture
def used_here(parties):
    """An organisation that only `structure` uses (through a party)."""
    return OrganisationFactory(name="Region Här", parties=[parties[0]])


@pytest.mark.parametrize("use", ["party", "seat", "mandate", "secretariat"])
def test_the_secretariat_of_a_structure_that_uses_it_may_change_it(
    use, uses, secretariat_user, other_secretariat_user
):
    organisation = OrganisationFactory()
    uses[use](organisation)

    assert can_change_organisation(secretariat_user, organisation)
    assert not can_change_organisation(other_secretariat_user, organisation)
    services.organisation_update(actor=secretariat_user, organisation=organisation, data=RENAME)
    organisation.refresh_from_db()
    assert organisation.name == "Nytt namn"


def test_another_structures_secretariat_may_not_rename_it(other_secretariat_user, used_here):
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            actor=other_secretariat_user, organisation=used_here, data=RENAME
        )
    used_here.refresh_from_db()
    assert used_here.name == "Region Här"


def test_another_structures_secretariat_may_not_archive_or_restore_it(
    other_secretariat_user, secretariat_user, used_here
):
    with pytest.raises(PermissionDenied):
        services.organisation_archive(actor=other_secretariat_user, organisation=used_here)
    services.organisation_archive(actor=secretariat_user, organisation=used_here)
    with pytest.raises(PermissionDenied):
        services.organisation_restore(actor=other_secretariat_user, organisation=used_here)
    used_here.refresh_from_db()
    assert used_here.archived_at is not None


def test_another_structures_secretariat_may_still_put_it_in_their_own_party(
    other_secretariat_user, other_structure, used_here
):
    own_party = other_structure.parties.create(name="Egen part")
    unchanged = {
        "name": used_here.name,
        "short_name": used_here.short_name,
        "kind": used_here.kind,
        "website": used_here.website,
    }

    services.organisation_update(
        actor=other_secretariat_user,
        organisation=used_here,
        data=unchanged,
        parties=[*used_here.parties.all(), own_party],
    )

    assert own_party in used_here.parties.all()


def test_an_administrator_may_change_any(superuser, used_here):
    services.organisation_update(actor=superuser, organisation=used_here, data=RENAME)
    services.organisation_archive(actor=superuser, organisation=used_here)
    used_here.refresh_from_db()
    assert (used_here.name, used_here.archived_at is not None) == ("Nytt namn", True)


def test_an_organisation_no_structure_uses_may_be_changed_by_any_secretariat(
    other_secretariat_user, representative_user
):
    organisation = OrganisationFactory()

    services.organisation_update(
        actor=other_secretariat_user, organisation=organisation, data=RENAME
    )

    assert Organisation.objects.get(pk=organisation.pk).name == "Nytt namn"
    assert not can_change_organisation(representative_user, organisation)


def test_the_restriction_lists_only_what_the_user_may_change(
    secretariat_user, other_secretariat_user, used_here
):
    unused = OrganisationFactory()
    changeable = Organisation.objects.restrict(other_secretariat_user, "change")
    assert set(changeable) == {unused}
    assert set(Organisation.objects.restrict(secretariat_user, "change")) == {unused, used_here}


# --- Through the pages -----------------------------------------------------------------------


def test_the_edit_page_shows_the_fields_locked(other_secretariat_user, used_here):
    response = client_for(other_secretariat_user).get(
        reverse("forums:organisation_update", kwargs={"pk": used_here.pk})
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert all(form.fields[name].disabled for name in ("name", "short_name", "kind", "website"))
    assert "du kan bara ändra vilka av dina parter" in response.content.decode()


def test_a_hand_made_post_renaming_it_is_refused(other_secretariat_user, used_here):
    response = client_for(other_secretariat_user).post(
        reverse("forums:organisation_update", kwargs={"pk": used_here.pk}),
        {**RENAME, "parties": []},
    )

    assert response.status_code == 403
    used_here.refresh_from_db()
    assert used_here.name == "Region Här"


@pytest.mark.parametrize("view", ["forums:organisation_archive", "forums:organisation_restore"])
def test_a_hand_made_post_archiving_it_is_refused(view, other_secretariat_user, used_here):
    client = client_for(other_secretariat_user)
    url = reverse(view, kwargs={"pk": used_here.pk})

    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    used_here.refresh_from_db()
    assert used_here.archived_at is None


def test_the_list_offers_archiving_only_where_allowed(
    secretariat_user, other_secretariat_user, used_here
):
    archive = reverse("forums:organisation_archive", kwargs={"pk": used_here.pk})
    listing = reverse("forums:organisation_list")

    assert archive in client_for(secretariat_user).get(listing).content.decode()
    assert archive not in client_for(other_secretariat_user).get(listing).content.decode()
