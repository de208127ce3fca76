"""Services of the forums app for forums: tiers, escalation targets, steering, wind-down."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from forums import services
from forums.models import Forum
from kernel.errors import DomainError
from tests.clock import FROZEN_DAY
from tests.factories import ForumFactory, PartyFactory
from tests.forums.service_helpers import field_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def forum_data(**overrides):
    data = {
        "name": "Ny arbetsgrupp",
        "tier": Forum.Tier.OPERATIVE,
        "kind": Forum.Kind.WORKING_GROUP,
    }
    data.update(overrides)
    return data


# --- Forums: the rules -------------------------------------------------------------------------


def test_secretariat_creates_an_operative_forum_under_a_tactical_one(
    structure, secretariat_user, tactical_forum
):
    forum = services.forum_create(
        actor=secretariat_user,
        structure=structure,
        data=forum_data(escalates_to=tactical_forum, appointed_by=tactical_forum),
    )
    assert forum.escalates_to == tactical_forum
    assert forum.slug == "ny-arbetsgrupp"
    assert forum.history.first().history_user == secretariat_user


def test_forum_create_in_another_structure_is_refused(other_structure, secretariat_user):
    with pytest.raises(PermissionDenied):
        services.forum_create(actor=secretariat_user, structure=other_structure, data=forum_data())


def test_forum_create_in_an_archived_structure_is_refused(structure, secretariat_user):
    structure.archived_at = timezone.now()
    structure.save()
    with pytest.raises(DomainError):
        services.forum_create(actor=secretariat_user, structure=structure, data=forum_data())


def _refused(field, **call):
    before = Forum.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        call.pop("service", services.forum_create)(**call)
    assert field in field_errors(excinfo), field_errors(excinfo)
    assert Forum.objects.count() == before
    return field_errors(excinfo)[field]


def test_escalation_target_must_be_exactly_one_tier_up(
    structure, secretariat_user, strategic_forum
):
    messages = _refused(
        "escalates_to",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(escalates_to=strategic_forum),
    )
    assert "exakt en nivå upp" in messages[0]


def test_escalation_target_cannot_be_on_the_same_tier(structure, secretariat_user, tactical_forum):
    _refused(
        "escalates_to",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(tier=Forum.Tier.TACTICAL, escalates_to=tactical_forum),
    )


def test_escalation_target_must_be_in_the_same_structure(
    structure, secretariat_user, other_structure
):
    foreign_tactical = ForumFactory(
        structure=other_structure,
        tier=Forum.Tier.TACTICAL,
        escalates_to=ForumFactory(structure=other_structure),
    )
    _refused(
        "escalates_to",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(escalates_to=foreign_tactical),
    )


def test_strategic_forum_has_no_escalation_target(structure, secretariat_user, strategic_forum):
    messages = _refused(
        "escalates_to",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(tier=Forum.Tier.STRATEGIC, escalates_to=strategic_forum),
    )
    assert "strategiskt forum" in messages[0]


def test_escalation_target_wound_down_is_refused(structure, secretariat_user, tactical_forum):
    Forum.objects.filter(pk=tactical_forum.pk).update(
        active_from=FROZEN_DAY - datetime.timedelta(days=100),
        active_to=FROZEN_DAY - datetime.timedelta(days=1),
    )
    tactical_forum.refresh_from_db()
    _refused(
        "escalates_to",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(escalates_to=tactical_forum),
    )


def test_changing_the_tier_cannot_break_forums_escalating_here(
    secretariat_user, tactical_forum, operative_forum
):
    _refused(
        "tier",
        service=services.forum_update,
        actor=secretariat_user,
        forum=tactical_forum,
        data={"tier": Forum.Tier.OPERATIVE, "escalates_to": None},
    )
    tactical_forum.refresh_from_db()
    assert tactical_forum.tier == Forum.Tier.TACTICAL


def test_a_cycle_of_appointing_forums_is_refused(
    secretariat_user, strategic_forum, tactical_forum, operative_forum
):
    # strategic appointed tactical, tactical appointed operative; operative cannot appoint
    # the strategic forum.
    messages = _refused(
        "appointed_by",
        service=services.forum_update,
        actor=secretariat_user,
        forum=strategic_forum,
        data={"appointed_by": operative_forum},
    )
    assert all(name in messages[0] for name in ("Styrgruppen", "Arbetsgruppen"))
    strategic_forum.refresh_from_db()
    assert strategic_forum.appointed_by is None


def test_a_forum_cannot_appoint_itself(secretariat_user, strategic_forum):
    _refused(
        "appointed_by",
        service=services.forum_update,
        actor=secretariat_user,
        forum=strategic_forum,
        data={"appointed_by": strategic_forum},
    )


def test_a_cycle_of_steering_forums_is_refused(secretariat_user, strategic_forum, tactical_forum):
    services.forum_update(
        actor=secretariat_user, forum=strategic_forum, data={}, steers=[tactical_forum]
    )
    tactical_forum.refresh_from_db()
    assert tactical_forum.steered_by == strategic_forum
    _refused(
        "steers",
        service=services.forum_update,
        actor=secretariat_user,
        forum=tactical_forum,
        data={},
        steers=[strategic_forum],
    )
    strategic_forum.refresh_from_db()
    assert strategic_forum.steered_by is None


def test_steering_is_cleared_for_forums_no_longer_listed(
    secretariat_user, strategic_forum, tactical_forum
):
    services.forum_update(
        actor=secretariat_user, forum=strategic_forum, data={}, steers=[tactical_forum]
    )
    services.forum_update(actor=secretariat_user, forum=strategic_forum, data={}, steers=[])
    tactical_forum.refresh_from_db()
    assert tactical_forum.steered_by is None


def test_a_forum_cannot_be_wound_down_before_it_started(structure, secretariat_user):
    messages = _refused(
        "active_to",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(
            tier=Forum.Tier.STRATEGIC,
            active_from=datetime.date(2026, 3, 1),
            active_to=datetime.date(2026, 2, 1),
        ),
    )
    assert "2026-03-01" in messages[0]


def test_wind_down_before_start_is_refused(secretariat_user, operative_forum):
    Forum.objects.filter(pk=operative_forum.pk).update(active_from=datetime.date(2026, 3, 1))
    operative_forum.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        services.forum_wind_down(
            actor=secretariat_user, forum=operative_forum, on=datetime.date(2026, 2, 1)
        )
    assert "active_to" in field_errors(excinfo)
    operative_forum.refresh_from_db()
    assert operative_forum.active_to is None


def test_wind_down_is_refused_while_active_forums_escalate_here(
    secretariat_user, tactical_forum, operative_forum
):
    with pytest.raises(ValidationError) as excinfo:
        services.forum_wind_down(actor=secretariat_user, forum=tactical_forum, on=FROZEN_DAY)
    assert operative_forum.name in field_errors(excinfo)["active_to"][0]


def test_operative_forum_is_wound_down(secretariat_user, operative_forum):
    forum = services.forum_wind_down(actor=secretariat_user, forum=operative_forum, on=FROZEN_DAY)
    assert forum.active_to == FROZEN_DAY
    assert Forum.objects.filter(pk=operative_forum.pk).exists()
    assert forum.history.first().history_change_reason == "forum wound down"


def test_wind_down_by_another_structure_is_refused(other_secretariat_user, operative_forum):
    with pytest.raises(PermissionDenied):
        services.forum_wind_down(actor=other_secretariat_user, forum=operative_forum, on=FROZEN_DAY)


def test_forum_name_unique_in_its_structure(structure, secretariat_user, strategic_forum):
    _refused(
        "name",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(tier=Forum.Tier.STRATEGIC, name=strategic_forum.name),
    )


def test_reserved_address_words_are_not_forum_slugs(structure, secretariat_user):
    _refused(
        "slug",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(tier=Forum.Tier.STRATEGIC, slug="strukturer"),
    )
    forum = services.forum_create(
        actor=secretariat_user,
        structure=structure,
        data=forum_data(tier=Forum.Tier.STRATEGIC, name="Strukturer"),
    )
    assert forum.slug == "strukturer-2"


def test_chair_party_must_be_of_the_structure(structure, secretariat_user, other_structure):
    _refused(
        "chair_party",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(
            tier=Forum.Tier.STRATEGIC, chair_party=PartyFactory(structure=other_structure)
        ),
    )


def test_rotation_needs_a_period(structure, secretariat_user):
    _refused(
        "chair_rotation_months",
        actor=secretariat_user,
        structure=structure,
        data=forum_data(
            tier=Forum.Tier.STRATEGIC, chair_rotation_among=Forum.RotationAmong.PARTIES
        ),
    )
