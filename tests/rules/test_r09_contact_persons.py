"""R9: each agency names one contact person for the partnership (seed 003 "Kontaktytor på
myndigheterna"): one per organisation in the structure, whichever forum (hard)."""

import pytest

from kernel.rules import HARD
from mandates import rules
from tests.factories import MandateFactory
from tests.rules.helpers import Role, appoint, codes, refused

pytestmark = pytest.mark.django_db


def test_one_contact_person_per_organisation_in_the_structure(
    secretariat_user, strategic_forum, operative_forum, agency_a, agency_b
):
    appoint(secretariat_user, strategic_forum, Role.CONTACT_PERSON, agency_a)
    refused(
        "organisation", "R9.one_contact_person",
        appoint, secretariat_user, operative_forum, Role.CONTACT_PERSON, agency_a,
    )  # fmt: skip
    assert appoint(secretariat_user, operative_forum, Role.CONTACT_PERSON, agency_b).pk


def test_another_structure_has_its_own_contact_person(
    secretariat_user, strategic_forum, other_forum, other_secretariat_user, agency_a
):
    appoint(secretariat_user, strategic_forum, Role.CONTACT_PERSON, agency_a)
    assert appoint(other_secretariat_user, other_forum, Role.CONTACT_PERSON, agency_a).pk


def test_two_contact_persons_show_for_the_whole_structure(
    structure, strategic_forum, operative_forum, agency_a
):
    MandateFactory(forum=strategic_forum, role=Role.CONTACT_PERSON, organisation=agency_a)
    MandateFactory(forum=operative_forum, role=Role.CONTACT_PERSON, organisation=agency_a)
    per_forum, structure_wide = rules.structure_findings(structure)
    assert codes(structure_wide) == {("R9", "one_contact_person", HARD)}
    assert not any(f.rule == "R9" for _forum, findings in per_forum for f in findings)
