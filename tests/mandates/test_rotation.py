"""The chair rotation plan (R10): least served first, never twice in a row, R10 links."""

import datetime

import pytest

from forums.models import Forum
from mandates.models import Mandate
from mandates.rotation import rotation_plan
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory

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
    """Who holds the chair in the planned periods (not the current one)."""
    return [p.candidate.name if p.candidate else None for p in plan.periods if not p.current]


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
