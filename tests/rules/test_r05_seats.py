"""R5: seats per organisation or party (seed 002 "Sammansättning"; seed 003 note 1).

Hard: a representative names the organisation; the organisation has a seat in a forum that
has seats; seats are not over-filled; one person holds one seat; a deputy stands in for a
member of the same forum. Soft: empty seats (they are filled over time).
"""

import pytest

from kernel.rules import HARD, SOFT
from mandates import rules
from tests.factories import MandateFactory, SeatFactory, UserFactory
from tests.rules.helpers import DAY, Role, appoint, codes, refused

pytestmark = pytest.mark.django_db


def test_an_organisation_without_a_seat_is_refused(
    secretariat_user, operative_forum, region_a, agency_a
):
    SeatFactory(forum=operative_forum, organisation=region_a, count=2)
    messages = refused(
        "organisation", "R5.seat_not_allowed",
        appoint, secretariat_user, operative_forum, Role.MEMBER, agency_a,
    )  # fmt: skip
    assert messages == ["Myndighet A har ingen plats i Arbetsgruppen."]
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a)
    # Roles without a seat (secretary, co-opted) may come from anywhere.
    appoint(secretariat_user, operative_forum, Role.SECRETARY, agency_a)


def test_a_forum_without_seats_takes_any_organisation(secretariat_user, operative_forum, agency_a):
    assert appoint(secretariat_user, operative_forum, Role.MEMBER, agency_a).pk


def test_a_party_seat_seats_its_organisations(
    secretariat_user, operative_forum, regions, region_a, region_b, agency_a
):
    SeatFactory(forum=operative_forum, organisation=None, party=regions, count=2)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_b)
    refused(
        "organisation", "R5.seats_overfilled",
        appoint, secretariat_user, operative_forum, Role.MEMBER, region_a,
    )  # fmt: skip
    refused(
        "organisation", "R5.seat_not_allowed",
        appoint, secretariat_user, operative_forum, Role.MEMBER, agency_a,
    )  # fmt: skip


def test_seats_over_filled_are_refused(secretariat_user, operative_forum, region_a, today):
    SeatFactory(forum=operative_forum, organisation=region_a, count=1)
    appoint(secretariat_user, operative_forum, Role.CHAIR, region_a, valid_to=today + 10 * DAY)
    messages = refused(
        "organisation", "R5.seats_overfilled",
        appoint, secretariat_user, operative_forum, Role.MEMBER, region_a,
    )  # fmt: skip
    assert "Region A" in messages[0]
    # A seat is free again after the term.
    later = appoint(
        secretariat_user, operative_forum, Role.MEMBER, region_a, valid_from=today + 11 * DAY
    )
    assert later.pk


def test_one_person_holds_one_seat(secretariat_user, operative_forum, region_a):
    person = UserFactory(organisation=region_a)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a, person=person)
    refused(
        "person", "R5.person_twice",
        appoint, secretariat_user, operative_forum, Role.CHAIR, region_a, person=person,
    )  # fmt: skip


def test_a_representative_names_the_organisation(secretariat_user, operative_forum):
    refused(
        "organisation", "R5.organisation_required",
        appoint, secretariat_user, operative_forum, Role.MEMBER, None,
    )  # fmt: skip


def test_a_deputy_stands_in_for_a_member_of_the_forum(
    secretariat_user, operative_forum, tactical_forum, region_a
):
    refused(
        "deputy_for", "R5.deputy_for_required",
        appoint, secretariat_user, operative_forum, Role.DEPUTY, region_a,
    )  # fmt: skip
    elsewhere = appoint(secretariat_user, tactical_forum, Role.MEMBER, region_a)
    refused(
        "deputy_for", "R5.deputy_for_invalid",
        appoint, secretariat_user, operative_forum, Role.DEPUTY, region_a, deputy_for=elsewhere,
    )  # fmt: skip
    member = appoint(secretariat_user, operative_forum, Role.MEMBER, region_a)
    deputy = appoint(secretariat_user, operative_forum, Role.DEPUTY, region_a, deputy_for=member)
    assert deputy.deputy_for == member


# --- a forum as it stands (the compliance page) --------------------------------------------


def test_empty_seats_warn(structure, operative_forum, region_a):
    SeatFactory(forum=operative_forum, organisation=region_a, count=3)
    MandateFactory(forum=operative_forum, organisation=region_a)
    findings = dict(rules.structure_findings(structure)[0])[operative_forum]
    empty = [f for f in findings if f.code == "seats_empty"]
    assert [(f.rule, f.level) for f in empty] == [("R5", SOFT)]
    assert "2 av de 3" in empty[0].message
    assert str(empty[0].title) == "Tomma platser"


def test_breaches_left_by_changed_data_show_as_hard(structure, operative_forum, region_a, agency_a):
    """Seats defined after the mandates: the mandates now break R5."""
    MandateFactory(forum=operative_forum, organisation=region_a)
    MandateFactory(forum=operative_forum, organisation=region_a)
    agency_mandate = MandateFactory(forum=operative_forum, organisation=agency_a)
    SeatFactory(forum=operative_forum, organisation=region_a, count=1)
    findings = dict(rules.structure_findings(structure)[0])[operative_forum]
    assert ("R5", "seats_overfilled", HARD) in codes(findings)
    not_allowed = [f for f in findings if f.code == "seat_not_allowed"]
    assert [f.mandate_id for f in not_allowed] == [agency_mandate.pk]


@pytest.mark.parametrize(
    "count, filled, said",
    [
        (1, 0, "Platsen för Region A i Operativ grupp är tom."),
        (3, 0, "Alla 3 platser för Region A i Operativ grupp är tomma."),
        (3, 2, "1 av de 3 platserna för Region A i Operativ grupp är tom."),
        (5, 3, "2 av de 5 platserna för Region A i Operativ grupp är tomma."),
    ],
)
def test_empty_seats_said_as_a_person_would(count, filled, said):
    """Not "1 av de 1 platserna ... är tomma"; and what to do about it."""
    from django.utils import translation

    from mandates.rules.r05_seats import empty_seats_message

    with translation.override("sv"):
        message = empty_seats_message(
            forum="Operativ grupp", seat="Region A", count=count, free=count - filled
        )
    assert message.startswith(said)
    assert "mandat" in message.split(said)[1]
