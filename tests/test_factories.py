import pytest

from forums.models import Forum
from tests import factories

ALL_FACTORIES = [
    factories.UserFactory,
    factories.NotificationFactory,
    factories.StructureFactory,
    factories.PartyFactory,
    factories.OrganisationFactory,
    factories.ForumFactory,
    factories.AssignmentItemFactory,
    factories.SeatFactory,
    factories.MandateFactory,
    factories.CaseFactory,
    factories.CaseEventFactory,
    factories.CaseAttachmentFactory,
    factories.FollowFactory,
    factories.MeetingFactory,
    factories.AgendaItemFactory,
    factories.AttendanceFactory,
    factories.DecisionFactory,
    factories.MinutesFactory,
    factories.MinutesApprovalFactory,
    factories.ActionItemFactory,
]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", ALL_FACTORIES, ids=lambda f: f.__name__)
def test_factory_creates_a_saved_instance(factory_class):
    instance = factory_class()

    assert instance.pk is not None
    assert str(instance)


@pytest.mark.django_db
def test_tactical_forum_escalates_to_strategic_forum_of_same_structure():
    strategic = factories.ForumFactory()

    tactical = factories.ForumFactory(tier=Forum.Tier.TACTICAL, escalates_to=strategic)

    tactical.refresh_from_db()
    assert tactical.escalates_to == strategic
    assert tactical.structure == strategic.structure


@pytest.mark.django_db
def test_traits_build_an_escalation_chain_in_one_structure():
    operative = factories.ForumFactory(operative=True)

    tactical = operative.escalates_to
    strategic = tactical.escalates_to
    assert [operative.tier, tactical.tier, strategic.tier] == [3, 2, 1]
    assert strategic.escalates_to is None
    assert {operative.structure_id, tactical.structure_id, strategic.structure_id} == {
        strategic.structure_id
    }


@pytest.mark.django_db
def test_approved_minutes_have_an_approval_time_and_are_locked():
    minutes = factories.MinutesFactory(approved=True)

    assert minutes.approved_at is not None
    assert minutes.is_locked
