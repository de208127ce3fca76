"""Composition check: seats defined against mandates held (R5), in a constant number of queries."""

import datetime

import pytest

from mandates.composition import composition_for_forum
from mandates.models import Mandate
from tests.clock import FROZEN_DAY
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def seat_mandate(forum, organisation, role=Mandate.Role.MEMBER, **kwargs):
    return MandateFactory(forum=forum, organisation=organisation, role=role, **kwargs)


def rows_by_label(composition):
    return {row.label: row for row in composition.seats}


def test_empty_seat(operative_forum):
    seat = SeatFactory(forum=operative_forum, count=2)
    composition = composition_for_forum(operative_forum)
    row = rows_by_label(composition)[seat.organisation.name]
    assert (row.count, row.held, row.state) == (2, 0, "empty")
    assert [other.state for other in composition.seats] == ["empty"]


def test_filled_and_over_filled_seats(operative_forum):
    filled = SeatFactory(forum=operative_forum, count=1)
    over = SeatFactory(forum=operative_forum, count=1)
    seat_mandate(operative_forum, filled.organisation, Mandate.Role.CHAIR)
    seat_mandate(operative_forum, over.organisation)
    seat_mandate(operative_forum, over.organisation, Mandate.Role.VICE_CHAIR)
    rows = rows_by_label(composition_for_forum(operative_forum))
    assert rows[filled.organisation.name].state == "ok"
    assert rows[over.organisation.name].state == "over_filled"
    assert rows[over.organisation.name].held == 2


def test_some_but_not_all_seats_filled(operative_forum):
    seat = SeatFactory(forum=operative_forum, count=5)
    seat_mandate(operative_forum, seat.organisation)
    row = rows_by_label(composition_for_forum(operative_forum))[seat.organisation.name]
    assert (row.held, row.state) == (1, "vacant")


def test_mandate_for_an_organisation_without_a_seat(operative_forum):
    SeatFactory(forum=operative_forum, count=1)
    stray = OrganisationFactory(name="Utan plats")
    mandate = seat_mandate(operative_forum, stray)
    composition = composition_for_forum(operative_forum)
    assert [(row.organisation, row.holders) for row in composition.unseated] == [(stray, [mandate])]


def test_party_seat_is_filled_by_any_of_its_organisations(operative_forum, parties):
    SeatFactory(forum=operative_forum, organisation=None, party=parties[0], count=2)
    first, second = (
        OrganisationFactory(parties=[parties[0]]),
        OrganisationFactory(parties=[parties[0]]),
    )
    seat_mandate(operative_forum, first)
    seat_mandate(operative_forum, second)
    row = rows_by_label(composition_for_forum(operative_forum))[str(parties[0])]
    assert row.is_party and (row.held, row.state) == (2, "ok")


def test_own_organisation_seat_comes_before_the_partys(operative_forum, parties):
    organisation = OrganisationFactory(parties=[parties[0]])
    SeatFactory(forum=operative_forum, organisation=None, party=parties[0], count=1)
    SeatFactory(forum=operative_forum, organisation=organisation, count=1)
    seat_mandate(operative_forum, organisation)
    rows = rows_by_label(composition_for_forum(operative_forum))
    assert rows[organisation.name].held == 1
    assert rows[str(parties[0])].held == 0


def test_only_active_mandates_in_force_in_seat_roles_count(operative_forum):
    seat = SeatFactory(forum=operative_forum, count=1)
    organisation = seat.organisation
    seat_mandate(operative_forum, organisation, Mandate.Role.DEPUTY)
    seat_mandate(operative_forum, organisation, Mandate.Role.SECRETARY)
    seat_mandate(operative_forum, organisation, status=Mandate.Status.PROPOSED)
    seat_mandate(operative_forum, organisation, status=Mandate.Status.ENDED)
    seat_mandate(
        operative_forum,
        organisation,
        valid_from=FROZEN_DAY - datetime.timedelta(days=50),
        valid_to=FROZEN_DAY - datetime.timedelta(days=1),
    )
    row = rows_by_label(composition_for_forum(operative_forum))[organisation.name]
    assert row.state == "empty"
    assert (row.held, row.upcoming) == (0, [])


def test_a_mandate_from_a_later_day_fills_the_seat_from_that_day(operative_forum):
    seat = SeatFactory(forum=operative_forum, count=1)
    later = FROZEN_DAY + datetime.timedelta(days=5)
    coming = seat_mandate(operative_forum, seat.organisation, valid_from=later)
    row = rows_by_label(composition_for_forum(operative_forum))[seat.organisation.name]
    assert (row.held, row.upcoming, row.filled_from, row.state) == (
        0, [coming], later, "filled_from",
    )  # fmt: skip
    # On that day it holds the seat.
    row = rows_by_label(composition_for_forum(operative_forum, on=later))[seat.organisation.name]
    assert (row.held, row.upcoming, row.state) == (1, [], "ok")


def test_a_seat_of_two_is_filled_from_the_later_of_two_coming_mandates(operative_forum):
    seat = SeatFactory(forum=operative_forum, count=2)
    first, second = (FROZEN_DAY + datetime.timedelta(days=n) for n in (3, 9))
    seat_mandate(operative_forum, seat.organisation, valid_from=second)
    seat_mandate(operative_forum, seat.organisation, valid_from=first)
    row = rows_by_label(composition_for_forum(operative_forum))[seat.organisation.name]
    assert (row.filled_from, row.state) == (second, "filled_from")


def test_a_seat_set_to_zero_shows_only_when_held(operative_forum):
    hidden = SeatFactory(forum=operative_forum, count=0)
    shown = SeatFactory(forum=operative_forum, count=0)
    seat_mandate(operative_forum, shown.organisation)
    rows = rows_by_label(composition_for_forum(operative_forum))
    assert hidden.organisation.name not in rows
    assert rows[shown.organisation.name].state == "over_filled"


def _grow(forum, parties, n):
    for _ in range(n):
        organisation = OrganisationFactory(parties=[parties[0]])
        SeatFactory(forum=forum, organisation=organisation, count=1)
        seat_mandate(forum, organisation)
        seat_mandate(forum, OrganisationFactory(parties=[parties[1]]))


def test_queries_do_not_grow_with_the_forum(operative_forum, parties):
    SeatFactory(forum=operative_forum, organisation=None, party=parties[1], count=10)
    _grow(operative_forum, parties, 3)
    few, _ = count_queries(composition_for_forum, operative_forum)
    _grow(operative_forum, parties, 30)
    many, composition = count_queries(composition_for_forum, operative_forum)
    assert few == many <= 3
    assert composition.held_total == 66
