"""R10: the tactical chair goes to the party not chairing the strategic forum (seed 003
"Taktisk samordningsgrupp"). Hard, both ways, by overlapping terms."""

import pytest

from kernel.rules import HARD, SOFT
from mandates import rules
from tests.factories import MandateFactory
from tests.rules.helpers import DAY, Role, appoint, codes, propose, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(strategic_forum, tactical_forum):
    tactical_forum.chair_party_differs_from = strategic_forum
    tactical_forum.save()
    return strategic_forum, tactical_forum


def test_tactical_chair_of_the_strategic_chairs_party_is_refused(
    secretariat_user, linked, region_a, region_b, agency_a
):
    strategic, tactical = linked
    appoint(secretariat_user, strategic, Role.CHAIR, region_a)
    refused(
        "organisation", "R10.chair_party_differs",
        appoint, secretariat_user, tactical, Role.CHAIR, region_b,
    )  # fmt: skip
    assert appoint(secretariat_user, tactical, Role.CHAIR, agency_a).pk


def test_strategic_chair_of_the_tactical_chairs_party_is_refused(
    secretariat_user, linked, region_a, agency_a, agency_b
):
    strategic, tactical = linked
    appoint(secretariat_user, tactical, Role.CHAIR, agency_a)
    refused(
        "organisation", "R10.chair_party_differs",
        appoint, secretariat_user, strategic, Role.CHAIR, agency_b,
    )  # fmt: skip
    assert appoint(secretariat_user, strategic, Role.CHAIR, region_a).pk


def test_terms_are_compared_not_just_the_present(
    secretariat_user, linked, region_a, region_b, today
):
    strategic, tactical = linked
    appoint(secretariat_user, strategic, Role.CHAIR, region_a, valid_to=today + 30 * DAY)
    # A regions chair of the tactical forum after the strategic term: fine.
    later = propose(secretariat_user, tactical, Role.CHAIR, region_b, valid_from=today + 31 * DAY)
    assert later.pk


def test_an_unknown_party_only_warns(secretariat_user, linked, region_a, loner):
    strategic, tactical = linked
    appoint(secretariat_user, strategic, Role.CHAIR, region_a)
    chair = appoint(secretariat_user, tactical, Role.CHAIR, loner)
    assert ("R10", "party_unknown", SOFT) in codes(chair.warnings)


def test_the_compliance_page_finds_both_chairs_with_one_party(
    structure, linked, region_a, region_b
):
    strategic, tactical = linked
    MandateFactory(forum=strategic, role=Role.CHAIR, organisation=region_a)
    chair = MandateFactory(forum=tactical, role=Role.CHAIR, organisation=region_b)
    findings = dict(rules.structure_findings(structure)[0])
    differs = [f for f in findings[tactical] if f.code == "chair_party_differs"]
    assert [(f.rule, f.level, f.mandate_id) for f in differs] == [("R10", HARD, chair.pk)]
    # Reported once, on the forum that names the other.
    assert not [f for f in findings[strategic] if f.code == "chair_party_differs"]
