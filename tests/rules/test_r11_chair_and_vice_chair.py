"""R11: one chair and one vice chair; the chair from the party the forum names, the vice
chair from the other (seed 002 "Arbetsformer": the municipalities chair, VGR appoints the
vice chair). Hard; a warning when a party is not known."""

import pytest

from kernel.rules import HARD, SOFT
from mandates import rules, services
from tests.factories import MandateFactory
from tests.rules.helpers import DAY, Role, appoint, codes, propose, refused

pytestmark = pytest.mark.django_db


def test_a_second_active_chair_for_the_same_term_is_refused(
    secretariat_user, strategic_forum, region_a, region_b
):
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    refused(
        "role", "R11.one_chair", appoint, secretariat_user, strategic_forum, Role.CHAIR, region_b
    )
    refused(
        "role", "R11.one_chair", propose, secretariat_user, strategic_forum, Role.CHAIR, region_b
    )


def test_a_successor_chair_is_proposed_but_activated_only_after_the_first_ends(
    secretariat_user, strategic_forum, region_a, region_b, today
):
    first = appoint(
        secretariat_user, strategic_forum, Role.CHAIR, region_a, valid_to=today + 30 * DAY
    )
    successor = propose(
        secretariat_user, strategic_forum, Role.CHAIR, region_b, valid_from=today + 31 * DAY
    )
    refused(
        "role", "R11.one_chair",
        services.mandate_activate, actor=secretariat_user, mandate=successor,
    )  # fmt: skip
    services.mandate_end(actor=secretariat_user, mandate=first)
    activated = services.mandate_activate(actor=secretariat_user, mandate=successor)
    assert activated.status == "active"


def test_a_second_vice_chair_is_refused(secretariat_user, strategic_forum, region_a, region_b):
    appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, region_a)
    refused(
        "role", "R11.one_vice_chair",
        appoint, secretariat_user, strategic_forum, Role.VICE_CHAIR, region_b,
    )  # fmt: skip


def test_chair_and_vice_chair_of_the_same_party_are_refused_where_they_must_differ(
    secretariat_user, strategic_forum, region_a, region_b, agency_a
):
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    refused(
        "organisation", "R11.chair_vice_chair_same_party",
        appoint, secretariat_user, strategic_forum, Role.VICE_CHAIR, region_b,
    )  # fmt: skip
    assert appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, agency_a).pk


def test_chair_and_vice_chair_of_one_party_are_fine_without_the_rule(
    secretariat_user, strategic_forum, region_a, region_b
):
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    assert appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, region_b).pk


def test_the_chair_comes_from_the_party_the_forum_names(
    secretariat_user, strategic_forum, regions, region_a, agency_a
):
    strategic_forum.chair_party = regions
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    refused(
        "organisation", "R11.chair_party",
        appoint, secretariat_user, strategic_forum, Role.CHAIR, agency_a,
    )  # fmt: skip
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    # ... and the vice chair from the other party ("municipalities chair, VGR vice").
    refused(
        "organisation", "R11.vice_chair_party",
        appoint, secretariat_user, strategic_forum, Role.VICE_CHAIR, region_a,
    )  # fmt: skip


def test_an_unknown_party_only_warns(secretariat_user, strategic_forum, region_a, loner):
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    vice = appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, loner)
    assert ("R11", "party_unknown", SOFT) in codes(vice.warnings)


def test_the_compliance_page_finds_chair_and_vice_chair_of_one_party(
    structure, strategic_forum, regions, region_a, region_b
):
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    MandateFactory(forum=strategic_forum, role=Role.CHAIR, organisation=region_a)
    vice = MandateFactory(forum=strategic_forum, role=Role.VICE_CHAIR, organisation=region_b)
    findings = dict(rules.structure_findings(structure)[0])[strategic_forum]
    same = [f for f in findings if f.code == "chair_vice_chair_same_party"]
    assert [(f.rule, f.level, f.mandate_id) for f in same] == [("R11", HARD, vice.pk)]


def test_the_compliance_page_finds_a_chair_outside_the_named_party(
    structure, strategic_forum, regions, agency_a
):
    strategic_forum.chair_party = regions
    strategic_forum.save()
    MandateFactory(forum=strategic_forum, role=Role.CHAIR, organisation=agency_a)
    findings = dict(rules.structure_findings(structure)[0])[strategic_forum]
    assert ("R11", "chair_party", HARD) in codes(findings)
