"""Fixtures for the mandates tests: parties with organisations, other structures, media."""

import pytest

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from tests.factories import ForumFactory, OrganisationFactory, StructureFactory, UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary directory, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def regions(parties):
    return parties[0]


@pytest.fixture
def agencies(parties):
    return parties[1]


@pytest.fixture
def region_a(regions):
    return OrganisationFactory(name="Region A", short_name="RA", parties=[regions])


@pytest.fixture
def region_b(regions):
    return OrganisationFactory(name="Region B", short_name="RB", parties=[regions])


@pytest.fixture
def agency_a(agencies):
    return OrganisationFactory(name="Myndighet A", short_name="MA", parties=[agencies])


@pytest.fixture
def agency_b(agencies):
    return OrganisationFactory(name="Myndighet B", short_name="MB", parties=[agencies])


@pytest.fixture
def loner(db):
    """An organisation that belongs to no party."""
    return OrganisationFactory(name="Fristående", short_name="FS")


@pytest.fixture
def other_forum(db):
    """A forum of another structure, run by another secretariat."""
    return ForumFactory(name="Annan styrgrupp", tier=Forum.Tier.STRATEGIC)


@pytest.fixture
def other_secretariat_user(other_forum):
    user = UserFactory(username="annat-kansli")
    other_forum.structure.secretariat_staff.add(user)
    structure_secretariat_sync(structure=other_forum.structure)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Annan struktur")


def refreshed(user):
    """A fresh instance, so that no permission cache hides a change."""
    return type(user).objects.get(pk=user.pk)
