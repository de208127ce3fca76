"""Services of the forums app for a forum's charter (with versions) and its seats."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forums import services
from forums.models import AssignmentItem, CharterVersion, Seat
from tests.factories import AssignmentItemFactory, OrganisationFactory, PartyFactory, SeatFactory
from tests.forums.service_helpers import field_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


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
