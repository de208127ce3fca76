"""The chair rotation plan (R10): least served first, never twice in a row, R10 links."""

import datetime

import pytest
from django.urls import reverse

from forums.models import Forum
from mandates import services
from mandates.composition import composition_for_forum
from mandates.models import Mandate
from mandates.rotation import rotation_plan
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
ON = datetime.date(2026, 3, 1)


def chair(forum, organisation, start, end, status=Mandate.Status.ENDED):
    return MandateFactory(
        forum=forum,
        role=Mandate.Role.CHAIR,
        organisation=organisation,
        status=status,
        valid_from=start,
        valid_to=end,
    )


def holders(plan):
    """Who holds the chair in the proposed periods (not the current or an appointed one)."""
    return [p.candidate.name if p.candidate else None for p in plan.periods if p.proposed]


@pytest.fixture
def by_parties(strategic_forum, regions, agencies):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    strategic_forum.save()
    return strategic_forum


@pytest.fixture
def by_organisations(strategic_forum):
    strategic_forum.chair_rotation_months = 24
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    organisations = [
        OrganisationFactory(name=name)
        for name in ("Region Jönköpings län", "Region Kalmar län", "Region Östergötland")
    ]
    for organisation in organisations:
        SeatFactory(forum=strategic_forum, organisation=organisation, count=2)
    return strategic_forum, organisations


def test_no_plan_without_a_rule(strategic_forum):
    assert rotation_plan(strategic_forum, on=ON) is None


def test_two_parties_alternate_and_never_twice_in_a_row(by_parties, regions, agencies):
    plan = rotation_plan(by_parties, periods=6, on=ON)
    names = holders(plan)
    assert set(names) == {str(regions), str(agencies)}
    assert all(a != b for a, b in zip(names, names[1:], strict=False))
    assert plan.periods[0].start == ON
    assert plan.periods[0].end == datetime.date(2027, 2, 28)
    assert plan.periods[1].start == datetime.date(2027, 3, 1)


def test_the_least_served_party_goes_first(by_parties, regions, agencies, region_a, agency_a):
    chair(by_parties, region_a, datetime.date(2021, 3, 1), datetime.date(2023, 2, 28))
    chair(by_parties, agency_a, datetime.date(2023, 3, 1), datetime.date(2024, 2, 29))
    chair(by_parties, region_a, datetime.date(2024, 3, 1), datetime.date(2025, 2, 28))
    plan = rotation_plan(by_parties, periods=3, on=ON)
    # Regions held it 36 months, agencies 12: agencies first, then the regions (not twice).
    assert holders(plan) == [str(agencies), str(regions), str(agencies)]
    served = {c.key: c.served_months for c in plan.candidates}
    assert served == {regions.pk: 36, agencies.pk: 12}


def test_the_current_chair_is_followed_by_another_party(by_parties, regions, agencies, region_a):
    chair(by_parties, region_a, datetime.date(2025, 9, 1), datetime.date(2026, 8, 31),
          status=Mandate.Status.ACTIVE)  # fmt: skip
    plan = rotation_plan(by_parties, periods=2, on=ON)
    current = plan.periods[0]
    assert current.current and current.candidate == plan.candidates_by_key[regions.pk]
    assert plan.periods[1].start == datetime.date(2026, 9, 1)
    assert holders(plan) == [str(agencies), str(regions)]


def test_organisations_rotate_fairly_over_time(by_organisations):
    forum, (jonkoping, kalmar, ostergotland) = by_organisations
    chair(forum, jonkoping, datetime.date(2020, 3, 1), datetime.date(2022, 2, 28))
    chair(forum, ostergotland, datetime.date(2022, 3, 1), datetime.date(2024, 2, 29))
    chair(forum, kalmar, datetime.date(2024, 3, 1), datetime.date(2026, 2, 28))
    plan = rotation_plan(forum, periods=6, on=ON)
    names = holders(plan)
    # All served 24 months: the one who held it longest ago goes first, in turn.
    assert names == [
        "Region Jönköpings län",
        "Region Östergötland",
        "Region Kalmar län",
        "Region Jönköpings län",
        "Region Östergötland",
        "Region Kalmar län",
    ]
    assert {c.planned for c in plan.candidates} == {2}


def test_one_who_never_chaired_goes_first(by_organisations):
    forum, (jonkoping, kalmar, ostergotland) = by_organisations
    chair(forum, jonkoping, datetime.date(2022, 3, 1), datetime.date(2024, 2, 29))
    chair(forum, kalmar, datetime.date(2024, 3, 1), datetime.date(2026, 2, 28))
    assert holders(rotation_plan(forum, periods=1, on=ON)) == ["Region Östergötland"]


def test_the_least_served_organisation_goes_first(by_organisations):
    forum, (jonkoping, kalmar, ostergotland) = by_organisations
    chair(forum, jonkoping, datetime.date(2018, 3, 1), datetime.date(2022, 2, 28))
    chair(forum, ostergotland, datetime.date(2022, 3, 1), datetime.date(2023, 2, 28))
    chair(forum, kalmar, datetime.date(2023, 3, 1), datetime.date(2026, 2, 28))
    plan = rotation_plan(forum, periods=3, on=ON)
    # Östergötland 12 months, Kalmar 36, Jönköping 48.
    assert holders(plan) == ["Region Östergötland", "Region Kalmar län", "Region Östergötland"]


def test_a_single_candidate_holds_it_again(strategic_forum, region_a):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    SeatFactory(forum=strategic_forum, organisation=region_a)
    assert holders(rotation_plan(strategic_forum, periods=2, on=ON)) == ["Region A", "Region A"]


def test_the_tactical_plan_passes_over_the_strategic_chairs_party(
    by_parties, tactical_forum, regions, agencies, agency_a
):
    """R10: the tactical chair goes to the party not chairing the strategic forum."""
    tactical_forum.chair_rotation_months = 12
    tactical_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    tactical_forum.chair_party_differs_from = by_parties
    tactical_forum.save()
    # The tactical forum has never had a chair; the regions served the strategic one least.
    chair(by_parties, agency_a, datetime.date(2025, 3, 1), datetime.date(2026, 2, 28))
    strategic = holders(rotation_plan(by_parties, periods=4, on=ON))
    tactical = holders(rotation_plan(tactical_forum, periods=4, on=ON))
    r, a = str(regions), str(agencies)
    assert strategic == [r, a, r, a]
    assert tactical == [a, r, a, r]
    assert all(s != t for s, t in zip(strategic, tactical, strict=True))


# --- a chair appointed from a later day ------------------------------------------------------


def test_a_chair_appointed_from_tomorrow_is_in_the_plan_not_proposed_over(by_organisations):
    forum, (jonkoping, kalmar, ostergotland) = by_organisations
    chair(forum, kalmar, datetime.date(2024, 3, 1), datetime.date(2026, 2, 28))
    tomorrow = ON + DAY
    appointed = chair(forum, jonkoping, tomorrow, datetime.date(2028, 2, 29),
                      status=Mandate.Status.ACTIVE)  # fmt: skip
    plan = rotation_plan(forum, periods=2, on=ON)
    first = plan.periods[0]
    assert (first.start, first.end, first.upcoming, first.current, first.proposed) == (
        tomorrow, datetime.date(2028, 2, 29), True, False, False,
    )  # fmt: skip
    assert (first.candidate.name, first.person_name) == (
        "Region Jönköpings län",
        str(appointed.person),
    )
    # The proposals follow it, and do not give Jönköping the chair again next.
    assert plan.periods[1].start == datetime.date(2028, 3, 1)
    assert holders(plan) == ["Region Östergötland", "Region Kalmar län"]
    # On the day it starts it is the current chair.
    current = rotation_plan(forum, periods=1, on=tomorrow).periods[0]
    assert (current.current, current.start, current.candidate.name) == (
        True, tomorrow, "Region Jönköpings län",
    )  # fmt: skip


def test_whole_periods_before_a_later_appointed_chair_are_proposed(by_organisations):
    forum, (jonkoping, kalmar, ostergotland) = by_organisations
    start = datetime.date(2028, 6, 1)  # more than one 24-month period from ON
    chair(forum, kalmar, start, datetime.date(2030, 5, 31), status=Mandate.Status.ACTIVE)
    plan = rotation_plan(forum, periods=2, on=ON)
    assert [(p.start, p.upcoming) for p in plan.periods] == [
        (ON, False),  # a whole period fits before it
        (start, True),
        (datetime.date(2030, 6, 1), False),
    ]
    first, after = holders(plan)
    assert "Region Kalmar län" not in (first, after)  # it holds the chair in between


def test_the_linked_forum_passes_over_a_strategic_chair_appointed_from_tomorrow(
    by_parties, tactical_forum, regions, agencies, region_a
):
    tactical_forum.chair_rotation_months = 12
    tactical_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    tactical_forum.chair_party_differs_from = by_parties
    tactical_forum.save()
    chair(by_parties, region_a, ON + DAY, ON + 364 * DAY, status=Mandate.Status.ACTIVE)
    tactical = rotation_plan(tactical_forum, periods=1, on=ON)
    assert holders(tactical) == [str(agencies)]  # the regions chair the strategic forum


def test_the_seat_table_the_plan_and_the_lists_agree_on_a_chair_from_tomorrow(
    client, secretariat_user, strategic_forum, frozen_day
):
    """A chair appointed from tomorrow: the seat is filled from that day, the plan's period
    starts that day with that chair, and the mandate reads as appointed from that day."""
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    kalmar, jonkoping = (
        OrganisationFactory(name=name) for name in ("Region Kalmar län", "Region Jönköpings län")
    )
    for organisation in (kalmar, jonkoping):
        SeatFactory(forum=strategic_forum, organisation=organisation, count=1)
    tomorrow = frozen_day + DAY
    appointed = services.mandate_propose(
        actor=secretariat_user, person=UserFactory(organisation=kalmar), forum=strategic_forum,
        role=Mandate.Role.CHAIR, organisation=kalmar, valid_from=tomorrow,
        valid_to=frozen_day + 365 * DAY, activate=True,
    )  # fmt: skip
    assert appointed.status == Mandate.Status.ACTIVE

    row = next(r for r in composition_for_forum(strategic_forum).seats if r.label == kalmar.name)
    period = rotation_plan(strategic_forum, periods=1).periods[0]
    assert (row.held, row.upcoming, row.filled_from) == (0, [appointed], tomorrow)
    assert (period.start, period.upcoming, period.candidate.name) == (tomorrow, True, kalmar.name)

    day = tomorrow.isoformat()
    client.force_login(secretariat_user)
    mandates_page = client.get(reverse("mandates:forum_mandates", args=[strategic_forum.slug]))
    mandate_row = mandates_page.text.split(f'data-mandate="{appointed.pk}"')[1].split("</tr>")[0]
    assert f"Utsett, från {day}" in mandate_row and "Aktiv" not in mandate_row
    assert f"Tillsatt från {day}" in mandates_page.text
    forum_page = client.get(reverse("forums:forum_detail", args=[strategic_forum.slug])).text
    assert f"Tillsatt från {day}" in forum_page and f"ordförande, från {day}" in forum_page
    rotation_page = client.get(reverse("mandates:rotation", args=[strategic_forum.slug])).text
    assert f"Utsedd: {appointed.person}, från {day}" in rotation_page
    detail = client.get(appointed.get_absolute_url()).text
    assert f"Utsett, från {day}" in detail.split('id="mandate-status"')[1].split("</dd>")[0]
