"""Fixtures every test can use: a small structure on three tiers and a user in each role."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from kernel.auth_levels import STRONG_AUTH_SESSION_KEY
from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync
from tests.celery_worker import celery_worker_process
from tests.clock import frozen_day  # noqa: F401 - a fixture for every test
from tests.factories import (
    ForumFactory,
    MandateFactory,
    OrganisationFactory,
    PartyFactory,
    StructureFactory,
    UserFactory,
)

PASSWORD = "pw"  # the password UserFactory gives everyone


class OneFactorClient(Client):
    """A test client whose log-in is the password alone: the two-factor tests use it."""

    strong_auth = False


@pytest.fixture(autouse=True)
def _logged_in_with_two_factors(monkeypatch):
    """`client.login` and `client.force_login` give a session proved with a second factor
    (as if the person had entered a code), so that the tests of everything else see the
    portal a signed-in secretariat or administrator sees. The two-factor tests use
    `OneFactorClient` (fixture `one_factor_client`), which does not."""
    original = Client._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        if getattr(self, "strong_auth", True):
            session = self.session
            session[STRONG_AUTH_SESSION_KEY] = "test"
            session.save()

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture
def one_factor_client():
    return OneFactorClient()


@pytest.fixture
def structure(db):
    return StructureFactory(name="Testpartnerskapet", slug="testpartnerskapet")


@pytest.fixture
def parties(structure):
    return PartyFactory(structure=structure, name="Regionerna"), PartyFactory(
        structure=structure, name="Myndigheterna"
    )


@pytest.fixture
def strategic_forum(structure):
    return ForumFactory(structure=structure, name="Styrgruppen", tier=Forum.Tier.STRATEGIC)


@pytest.fixture
def tactical_forum(strategic_forum):
    return ForumFactory(
        structure=strategic_forum.structure,
        name="Samordningsgruppen",
        tier=Forum.Tier.TACTICAL,
        escalates_to=strategic_forum,
        appointed_by=strategic_forum,
    )


@pytest.fixture
def operative_forum(tactical_forum):
    return ForumFactory(
        structure=tactical_forum.structure,
        name="Arbetsgruppen",
        tier=Forum.Tier.OPERATIVE,
        escalates_to=tactical_forum,
        appointed_by=tactical_forum,
    )


def _mandate(person, forum, role):
    mandate = MandateFactory(
        person=person,
        forum=forum,
        role=role,
        organisation=person.organisation,
        status=Mandate.Status.ACTIVE,
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
        valid_to=timezone.localdate() + datetime.timedelta(days=365),
    )
    forum_permissions_sync(person=person, forum=forum)
    return mandate


@pytest.fixture
def secretariat_user(structure):
    """Secretariat staff of `structure`."""
    user = UserFactory(username="kansli", first_name="Karin", last_name="Kansli")
    structure.secretariat_staff.add(user)
    structure_secretariat_sync(structure=structure)
    return user


@pytest.fixture
def chair_user(tactical_forum):
    """The chair of the tactical forum."""
    user = UserFactory(
        username="ordf",
        first_name="Olle",
        last_name="Ordförande",
        organisation=OrganisationFactory(),
    )
    _mandate(user, tactical_forum, Mandate.Role.CHAIR)
    return user


@pytest.fixture
def representative_user(operative_forum):
    """A member of the operative forum."""
    user = UserFactory(
        username="ledamot",
        first_name="Lena",
        last_name="Ledamot",
        organisation=OrganisationFactory(),
    )
    _mandate(user, operative_forum, Mandate.Role.MEMBER)
    return user


@pytest.fixture
def outsider_user(db):
    """A logged-in person with no mandate and no secretariat role."""
    return UserFactory(username="utomstaende")


@pytest.fixture
def give_mandate():
    """Give a person an active mandate in a forum: give_mandate(person, forum, role)."""
    return _mandate


@pytest.fixture
def celery_worker(tmp_path):
    """A real Celery worker (see tests/celery_worker.py); yields the directory of e-mails."""
    with celery_worker_process(tmp_path) as mail_dir:
        yield mail_dir


@pytest.fixture(autouse=True)
def _fresh_rate_limits(monkeypatch):
    """Each test counts its own rate-limit hits (the cache is shared by the whole run)."""
    import uuid

    from samverkan.accounts import ratelimit

    monkeypatch.setattr(ratelimit, "PREFIX", f"accounts:rate:{uuid.uuid4().hex}")
