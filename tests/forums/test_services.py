"""Services of the forums app, on PostgreSQL: permissions, validation by field, history."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from forums import services
from forums.models import (
    AssignmentItem,
    CharterVersion,
    Forum,
    Organisation,
    Party,
    Seat,
    Structure,
)
from forums.permissions import can_manage_structure
from kernel.errors import DomainError
from tests.clock import FROZEN_DAY
from tests.factories import (
    AssignmentItemFactory,
    ForumFactory,
    OrganisationFactory,
    PartyFactory,
    SeatFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def fresh(user):
    """The user again, without guardian's or Django's permission caches."""
    return type(user).objects.get(pk=user.pk)


def field_errors(excinfo):
    return excinfo.value.message_dict


def forum_data(**overrides):
    data = {
        "name": "Ny arbetsgrupp",
        "tier": Forum.Tier.OPERATIVE,
        "kind": Forum.Kind.WORKING_GROUP,
    }
    data.update(overrides)
    return data


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


# --- Charter -----------------------------------------------------------------------------------


def test_charter_update_keeps_a_version_with_who_and_when(secretariat_user, operative_forum):
    version = services.charter_update(
        actor=secretariat_user,
        forum=operative_forum,
        purpose="Samordna arbetet.",
        general=["Bereda ärenden.", "  ", "Rapportera uppåt."],
        specific=["Ta fram en handlingsplan."],
        note="Första versionen",
    )
    assert (version.number, version.created_by) == (2, secretariat_user)
    baseline = CharterVersion.objects.get(forum=operative_forum, number=1)
    assert baseline.purpose == "To collaborate."  # the factory's charter, kept before it changed
    assert baseline.created_by is None
    assert version.general_assignments == ["Bereda ärenden.", "Rapportera uppåt."]
    items = AssignmentItem.objects.filter(forum=operative_forum).order_by("kind", "order")
    assert [(i.kind, i.order, i.text) for i in items] == [
        ("general", 1, "Bereda ärenden."),
        ("general", 2, "Rapportera uppåt."),
        ("specific", 1, "Ta fram en handlingsplan."),
    ]
    operative_forum.refresh_from_db()
    assert operative_forum.purpose == "Samordna arbetet."


def test_an_unchanged_charter_makes_no_version(secretariat_user, operative_forum):
    kwargs = {"purpose": "P", "general": ["A"], "specific": []}
    services.charter_update(actor=secretariat_user, forum=operative_forum, **kwargs)
    count = CharterVersion.objects.count()
    assert services.charter_update(actor=secretariat_user, forum=operative_forum, **kwargs) is None
    assert CharterVersion.objects.count() == count


def test_charter_items_reordered_and_removed_stay_in_the_versions(
    secretariat_user, strategic_forum
):
    strategic_forum.purpose = ""
    strategic_forum.save()
    services.charter_update(
        actor=secretariat_user,
        forum=strategic_forum,
        purpose="",
        general=["A", "B", "C"],
        specific=[],
    )
    version = services.charter_update(
        actor=secretariat_user, forum=strategic_forum, purpose="", general=["C", "A"], specific=[]
    )
    assert version.number == 2  # no baseline: the charter was empty
    texts = list(
        AssignmentItem.objects.filter(forum=strategic_forum)
        .order_by("order")
        .values_list("text", flat=True)
    )
    assert texts == ["C", "A"]
    assert CharterVersion.objects.get(forum=strategic_forum, number=1).general_assignments == [
        "A",
        "B",
        "C",
    ]
    deleted = AssignmentItem.history.filter(history_type="-").get()
    assert deleted.history_user == secretariat_user


def test_charter_update_only_by_the_structures_secretariat(
    operative_forum, other_secretariat_user, representative_user
):
    for actor in (other_secretariat_user, representative_user):
        with pytest.raises(PermissionDenied):
            services.charter_update(
                actor=actor, forum=operative_forum, purpose="X", general=[], specific=[]
            )
    assert not CharterVersion.objects.exists()


def test_existing_items_are_kept_in_the_baseline(secretariat_user, operative_forum):
    AssignmentItemFactory(forum=operative_forum, kind="specific", order=1, text="Gammal uppgift")
    services.charter_update(
        actor=secretariat_user, forum=operative_forum, purpose="Ny", general=[], specific=[]
    )
    baseline = CharterVersion.objects.get(forum=operative_forum, number=1)
    assert baseline.specific_assignments == ["Gammal uppgift"]


# --- Seats -------------------------------------------------------------------------------------


def test_seats_per_organisation_and_party(secretariat_user, operative_forum, parties):
    organisation = OrganisationFactory()
    seats = services.seat_set(
        actor=secretariat_user,
        forum=operative_forum,
        seats=[
            {"organisation": organisation, "party": None, "count": 5},
            {"organisation": None, "party": parties[0], "count": 1},
        ],
    )
    assert {(s.organisation, s.party, s.count) for s in seats} == {
        (organisation, None, 5),
        (None, parties[0], 1),
    }


def test_seats_below_zero_are_refused_and_nothing_is_saved(secretariat_user, operative_forum):
    organisation = OrganisationFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.seat_set(
            actor=secretariat_user,
            forum=operative_forum,
            seats=[
                {"organisation": OrganisationFactory(), "party": None, "count": 2},
                {"organisation": organisation, "party": None, "count": -1},
            ],
        )
    assert "count" in field_errors(excinfo)
    assert not Seat.objects.filter(forum=operative_forum).exists()


def test_a_seat_is_for_an_organisation_or_a_party(secretariat_user, operative_forum, parties):
    with pytest.raises(ValidationError) as excinfo:
        services.seat_set(
            actor=secretariat_user,
            forum=operative_forum,
            seats=[{"organisation": OrganisationFactory(), "party": parties[0], "count": 1}],
        )
    assert "organisation" in field_errors(excinfo)


def test_a_party_of_another_structure_gets_no_seat(
    secretariat_user, operative_forum, other_structure
):
    with pytest.raises(ValidationError) as excinfo:
        services.seat_set(
            actor=secretariat_user,
            forum=operative_forum,
            seats=[{"party": PartyFactory(structure=other_structure), "count": 1}],
        )
    assert "party" in field_errors(excinfo)


def test_a_seat_no_longer_listed_is_set_to_zero_not_deleted(secretariat_user, operative_forum):
    seat = SeatFactory(forum=operative_forum, count=3)
    assert services.seat_set(actor=secretariat_user, forum=operative_forum, seats=[]) == []
    seat.refresh_from_db()
    assert seat.count == 0
    assert seat.history.first().history_user == secretariat_user


def test_seats_only_by_the_structures_secretariat(other_secretariat_user, operative_forum):
    with pytest.raises(PermissionDenied):
        services.seat_set(actor=other_secretariat_user, forum=operative_forum, seats=[])


def test_superuser_manages_any_structure(superuser, operative_forum):
    services.seat_set(
        actor=superuser,
        forum=operative_forum,
        seats=[{"organisation": OrganisationFactory(), "count": 1}],
    )
    assert Seat.objects.filter(forum=operative_forum, count=1).exists()
