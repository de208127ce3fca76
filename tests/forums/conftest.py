"""Fixtures for the forums tests: a second structure, its secretariat, and the five roles
the permission matrix is about."""

import pytest
from django.test import Client

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from tests.factories import ForumFactory, OrganisationFactory, StructureFactory, UserFactory


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Andra strukturen", slug="andra-strukturen")


@pytest.fixture
def other_forum(other_structure):
    return ForumFactory(structure=other_structure, name="Annat råd", tier=Forum.Tier.STRATEGIC)


@pytest.fixture
def other_secretariat_user(other_structure):
    """Secretariat staff of another structure."""
    user = UserFactory(username="annat-kansli")
    other_structure.secretariat_staff.add(user)
    structure_secretariat_sync(structure=other_structure)
    return user


@pytest.fixture
def other_representative_user(tactical_forum, give_mandate):
    """A member of the tactical forum: same structure, but not the operative forum."""
    user = UserFactory(username="annan-ledamot", organisation=OrganisationFactory())
    give_mandate(user, tactical_forum, Mandate.Role.MEMBER)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin-test", is_superuser=True, is_staff=True)


ROLES = ("anonymous", "representative", "other_representative", "secretariat", "other_secretariat")


@pytest.fixture
def role_user(
    request,
    representative_user,
    other_representative_user,
    secretariat_user,
    other_secretariat_user,
):
    """Look a role up by name: None for anonymous."""
    users = {
        "anonymous": None,
        "representative": representative_user,
        "other_representative": other_representative_user,
        "secretariat": secretariat_user,
        "other_secretariat": other_secretariat_user,
    }
    return users.__getitem__


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def secretariat_client(secretariat_user):
    return client_for(secretariat_user)
