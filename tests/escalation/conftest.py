"""Fixtures of the escalation tests: the people around a case on all three tiers."""

import pytest

from escalation import services
from mandates.models import Mandate
from tests.escalation.factories import pdf_upload, raise_case
from tests.factories import OrganisationFactory, StructureFactory, UserFactory

Role = Mandate.Role


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Attachments go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def operative_chair(operative_forum, give_mandate):
    """The chair of the operative forum (leads it: may escalate its cases)."""
    user = UserFactory(
        username="opchair",
        first_name="Oskar",
        last_name="Operativ",
        organisation=OrganisationFactory(),
    )
    give_mandate(user, operative_forum, Role.CHAIR)
    return user


@pytest.fixture
def strategic_chair(strategic_forum, give_mandate):
    user = UserFactory(
        username="stratchair",
        first_name="Stina",
        last_name="Strateg",
        organisation=OrganisationFactory(),
    )
    give_mandate(user, strategic_forum, Role.CHAIR)
    return user


@pytest.fixture
def tactical_member(tactical_forum, give_mandate):
    user = UserFactory(username="taktiker", organisation=OrganisationFactory())
    give_mandate(user, tactical_forum, Role.MEMBER)
    return user


@pytest.fixture
def strategic_member(strategic_forum, give_mandate):
    user = UserFactory(username="strateg", organisation=OrganisationFactory())
    give_mandate(user, strategic_forum, Role.MEMBER)
    return user


@pytest.fixture
def other_secretariat_user(db):
    """Secretariat staff of another structure."""
    from forums.permissions import structure_secretariat_sync

    other = StructureFactory(name="Annan struktur", slug="annan-struktur")
    user = UserFactory(username="annatkansli")
    other.secretariat_staff.add(user)
    structure_secretariat_sync(structure=other)
    return user


@pytest.fixture
def follower_user(db):
    """A person with no mandate who follows the case (see `case`)."""
    return UserFactory(username="foljare")


@pytest.fixture
def case(representative_user, operative_forum, follower_user):
    """A case the representative raised in the operative forum; follower_user follows it."""
    from escalation.models import Follow

    case = raise_case(representative_user, operative_forum, title="Gemensam rutin för läkemedel")
    Follow.objects.create(user=follower_user, case=case)
    return case


@pytest.fixture
def escalated(case, operative_chair, representative_user):
    """The case escalated from the operative to the tactical forum, with an attachment."""
    services.case_attachment_add(actor=representative_user, case=case, upload=pdf_upload())
    return services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
