"""Services of the forums app for structures, their secretariat, parties and organisations."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from forums import services
from forums.models import Organisation, Party, Structure
from forums.permissions import can_manage_structure
from kernel.errors import DomainError
from tests.factories import OrganisationFactory, SeatFactory, UserFactory
from tests.forums.service_helpers import field_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def fresh(user):
    """The user again, without guardian's or Django's permission caches."""
    return type(user).objects.get(pk=user.pk)


# --- Structures --------------------------------------------------------------------------------


def test_structure_create_needs_the_add_permission(outsider_user):
    with pytest.raises(PermissionDenied):
        services.structure_create(actor=outsider_user, data={"name": "Ny struktur"})
    assert not Structure.objects.filter(name="Ny struktur").exists()


def test_structure_creator_becomes_its_secretariat(outsider_user):
    outsider_user.user_permissions.add(Permission.objects.get(codename="add_structure"))
    actor = fresh(outsider_user)
    structure = services.structure_create(actor=actor, data={"name": "Ny struktur för test"})
    assert structure.slug == "ny-struktur-for-test"
    assert list(structure.secretariat_staff.all()) == [actor]
    assert can_manage_structure(fresh(actor), structure)
    assert structure.history.first().history_user == actor


def test_structure_name_must_be_unique(superuser, structure):
    with pytest.raises(ValidationError) as excinfo:
        services.structure_create(actor=superuser, data={"name": structure.name.upper()})
    assert "name" in field_errors(excinfo)


def test_structure_update_only_by_its_secretariat(
    structure, secretariat_user, other_secretariat_user
):
    with pytest.raises(PermissionDenied):
        services.structure_update(
            actor=other_secretariat_user, structure=structure, data={"description": "x"}
        )
    services.structure_update(
        actor=secretariat_user, structure=structure, data={"description": "Ny"}
    )
    structure.refresh_from_db()
    assert structure.description == "Ny"


def test_structure_is_archived_and_restored_not_deleted(structure, secretariat_user):
    services.structure_archive(actor=secretariat_user, structure=structure)
    structure.refresh_from_db()
    assert structure.archived_at is not None
    with pytest.raises(DomainError):
        services.structure_archive(actor=secretariat_user, structure=structure)
    services.structure_restore(actor=secretariat_user, structure=structure)
    structure.refresh_from_db()
    assert structure.archived_at is None
    reasons = list(structure.history.values_list("history_change_reason", flat=True)[:2])
    assert reasons == ["structure restored", "structure archived"]


@pytest.mark.parametrize("who", ["representative_user", "other_secretariat_user", "outsider_user"])
def test_only_secretariat_or_admin_change_the_secretariat(request, structure, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.structure_secretariat_set(actor=actor, structure=structure, staff=[actor])
    assert actor not in structure.secretariat_staff.all()


def test_secretariat_set_grants_and_revokes(structure, secretariat_user, outsider_user):
    services.structure_secretariat_set(
        actor=secretariat_user, structure=structure, staff=[outsider_user]
    )
    assert can_manage_structure(fresh(outsider_user), structure)
    assert not can_manage_structure(fresh(secretariat_user), structure)
    assert list(structure.secretariat_staff.all()) == [outsider_user]


def test_admin_sets_the_secretariat_and_may_empty_it(structure, secretariat_user, superuser):
    services.structure_secretariat_set(actor=superuser, structure=structure, staff=[])
    assert not can_manage_structure(fresh(secretariat_user), structure)


def test_secretariat_cannot_remove_the_last_member(structure, secretariat_user):
    with pytest.raises(ValidationError) as excinfo:
        services.structure_secretariat_set(actor=secretariat_user, structure=structure, staff=[])
    assert "secretariat_staff" in field_errors(excinfo)
    assert can_manage_structure(fresh(secretariat_user), structure)


def test_inactive_people_cannot_join_the_secretariat(structure, secretariat_user):
    inactive = UserFactory(is_active=False)
    with pytest.raises(ValidationError) as excinfo:
        services.structure_secretariat_set(
            actor=secretariat_user, structure=structure, staff=[secretariat_user, inactive]
        )
    assert "secretariat_staff" in field_errors(excinfo)


# --- Parties -------------------------------------------------------------------------------------


def test_party_create_and_unique_name(structure, secretariat_user, parties):
    party = services.party_create(
        actor=secretariat_user, structure=structure, data={"name": "Kommunerna"}
    )
    assert party.structure == structure
    with pytest.raises(ValidationError) as excinfo:
        services.party_create(
            actor=secretariat_user, structure=structure, data={"name": parties[0].name}
        )
    assert "name" in field_errors(excinfo)


def test_party_of_another_structure_is_not_editable(parties, other_secretariat_user):
    with pytest.raises(PermissionDenied):
        services.party_update(actor=other_secretariat_user, party=parties[0], data={"name": "X"})


def test_party_holding_seats_cannot_be_archived(parties, secretariat_user, strategic_forum):
    seat = SeatFactory(forum=strategic_forum, organisation=None, party=parties[0], count=2)
    with pytest.raises(DomainError, match=strategic_forum.name):
        services.party_archive(actor=secretariat_user, party=parties[0])
    seat.count = 0
    seat.save()
    services.party_archive(actor=secretariat_user, party=parties[0])
    parties[0].refresh_from_db()
    assert parties[0].archived_at is not None
    assert Party.objects.filter(pk=parties[0].pk).exists()


# --- Organisations -----------------------------------------------------------------------------


def test_organisation_register_is_for_secretariat_staff(outsider_user, representative_user):
    for actor in (outsider_user, representative_user):
        with pytest.raises(PermissionDenied):
            services.organisation_create(
                actor=actor, data={"name": "Region Test", "kind": Organisation.Kind.REGION}
            )


def test_organisation_create_with_parties_of_own_structure(secretariat_user, parties):
    organisation = services.organisation_create(
        actor=secretariat_user,
        data={"name": "Region Test", "kind": Organisation.Kind.REGION},
        parties=[parties[0]],
    )
    assert list(organisation.parties.all()) == [parties[0]]


def test_organisation_name_unique(secretariat_user):
    OrganisationFactory(name="Region Test")
    with pytest.raises(ValidationError) as excinfo:
        services.organisation_create(
            actor=secretariat_user, data={"name": "region test", "kind": Organisation.Kind.REGION}
        )
    assert "name" in field_errors(excinfo)


def test_organisation_parties_of_other_structures_cannot_be_changed(
    other_secretariat_user, parties
):
    organisation = OrganisationFactory(parties=[parties[0]])
    with pytest.raises(ValidationError) as excinfo:
        services.organisation_update(
            actor=other_secretariat_user, organisation=organisation, data={}, parties=[]
        )
    assert "parties" in field_errors(excinfo)
    assert list(organisation.parties.all()) == [parties[0]]


def test_organisation_with_seats_cannot_be_archived(secretariat_user, strategic_forum):
    seat = SeatFactory(forum=strategic_forum, count=1)
    with pytest.raises(DomainError):
        services.organisation_archive(actor=secretariat_user, organisation=seat.organisation)
    services.seat_set(actor=secretariat_user, forum=strategic_forum, seats=[])
    services.organisation_archive(actor=secretariat_user, organisation=seat.organisation)
    seat.organisation.refresh_from_db()
    assert seat.organisation.archived_at is not None
