"""Every rule on mandates, through the services (hard refuses the save, soft warns) and on
the compliance page.

Which is which, and why:

HARD (refuse the save, ValidationError naming the field and the rule) – the record would
be wrong on its face, and nothing the secretariat decides later makes it right:
  R11 a second active chair or vice chair for the same term (also a DB constraint);
  R11 the chair outside the party the forum's rule names; chair and vice chair of the same
      party where the forum says they differ;
  R10 the chair held by the party that chairs the forum named in chair_party_differs_from
      (the tactical chair goes to the party not chairing the strategic forum);
  R5  an organisation without a seat in a forum that has seats; seats over-filled; one
      person in two seats; a deputy without a member; a representative without an
      organisation;
  R7  a co-opted person without the agenda items they join for;
  R9  two contact persons for one organisation in a structure.

SOFT (warn: a message after saving, and the compliance page) – states a forum may be in
for a while, or that a forum may decide on knowingly:
  R5  empty seats (seats are filled over time);
  R10 a chair term longer than the rotation period, an open-ended chair in a rotating
      forum, a chair held past the rotation period, a chair not rotated to another party or
      organisation (a forum may extend a chair by decision);
  R10/R11 a party that cannot be checked because the organisation belongs to no party.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forums.models import Forum
from mandates import rules, services
from mandates.models import Mandate
from tests.factories import ForumFactory, MandateFactory, SeatFactory, UserFactory

pytestmark = pytest.mark.django_db

Role = Mandate.Role
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def propose(actor, forum, role, organisation, *, person=None, **kwargs):
    kwargs.setdefault("valid_from", TODAY)
    return services.mandate_propose(
        actor=actor,
        person=person or UserFactory(organisation=organisation),
        forum=forum,
        role=role,
        organisation=organisation,
        **kwargs,
    )


def appoint(actor, forum, role, organisation, **kwargs):
    return propose(actor, forum, role, organisation, activate=True, **kwargs)


def refused(field, rule, call, *args, **kwargs):
    """Assert the call is refused with the rule named on the field; nothing saved."""
    before = Mandate.objects.count()
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    messages = error.value.message_dict[field]
    assert any(message.startswith(f"{rule}:") for message in messages), messages
    assert Mandate.objects.count() == before
    return messages


def codes(findings):
    return {(f.rule, f.code, f.severity) for f in findings}


# --- R11: one chair and one vice chair -----------------------------------------------------


def test_a_second_active_chair_for_the_same_term_is_refused(
    secretariat_user, strategic_forum, region_a, region_b
):
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    refused("role", "R11", appoint, secretariat_user, strategic_forum, Role.CHAIR, region_b)
    refused("role", "R11", propose, secretariat_user, strategic_forum, Role.CHAIR, region_b)


def test_a_successor_chair_is_proposed_but_activated_only_after_the_first_ends(
    secretariat_user, strategic_forum, region_a, region_b
):
    first = appoint(
        secretariat_user, strategic_forum, Role.CHAIR, region_a, valid_to=TODAY + 30 * DAY
    )
    successor = propose(
        secretariat_user, strategic_forum, Role.CHAIR, region_b, valid_from=TODAY + 31 * DAY
    )
    refused("role", "R11", services.mandate_activate, actor=secretariat_user, mandate=successor)
    services.mandate_end(actor=secretariat_user, mandate=first)
    services.mandate_activate(actor=secretariat_user, mandate=successor)


def test_a_second_vice_chair_is_refused(secretariat_user, strategic_forum, region_a, region_b):
    appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, region_a)
    refused("role", "R11", appoint, secretariat_user, strategic_forum, Role.VICE_CHAIR, region_b)


def test_chair_and_vice_chair_of_the_same_party_are_refused_where_they_must_differ(
    secretariat_user, strategic_forum, region_a, region_b, agency_a
):
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    refused(
        "organisation", "R11", appoint, secretariat_user, strategic_forum, Role.VICE_CHAIR, region_b
    )
    appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, agency_a)


def test_chair_and_vice_chair_of_one_party_are_fine_without_the_rule(
    secretariat_user, strategic_forum, region_a, region_b
):
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, region_b)


def test_the_chair_comes_from_the_party_the_forum_names(
    secretariat_user, strategic_forum, regions, region_a, agency_a
):
    strategic_forum.chair_party = regions
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    refused("organisation", "R11", appoint, secretariat_user, strategic_forum, Role.CHAIR, agency_a)
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    # ... and the vice chair from the other party (R11, "municipalities chair, VGR vice").
    refused(
        "organisation",
        "R11",
        appoint,
        secretariat_user,
        strategic_forum,
        Role.VICE_CHAIR,
        region_a,
    )


def test_unknown_party_only_warns(secretariat_user, strategic_forum, region_a, loner):
    strategic_forum.vice_chair_from_other_party = True
    strategic_forum.save()
    appoint(secretariat_user, strategic_forum, Role.CHAIR, region_a)
    vice = appoint(secretariat_user, strategic_forum, Role.VICE_CHAIR, loner)
    assert ("R11", "party_unknown", rules.SOFT) in codes(vice.warnings)


# --- R10: the tactical chair goes to the party not chairing the strategic forum ------------


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
    refused("organisation", "R10", appoint, secretariat_user, tactical, Role.CHAIR, region_b)
    appoint(secretariat_user, tactical, Role.CHAIR, agency_a)


def test_strategic_chair_of_the_tactical_chairs_party_is_refused(
    secretariat_user, linked, region_a, agency_a, agency_b
):
    strategic, tactical = linked
    appoint(secretariat_user, tactical, Role.CHAIR, agency_a)
    refused("organisation", "R10", appoint, secretariat_user, strategic, Role.CHAIR, agency_b)
    appoint(secretariat_user, strategic, Role.CHAIR, region_a)


def test_r10_compares_terms_not_just_the_present(secretariat_user, linked, region_a, region_b):
    strategic, tactical = linked
    appoint(secretariat_user, strategic, Role.CHAIR, region_a, valid_to=TODAY + 30 * DAY)
    # A regions chair of the tactical forum after the strategic term: fine.
    propose(secretariat_user, tactical, Role.CHAIR, region_b, valid_from=TODAY + 31 * DAY)


# --- R5: seats -----------------------------------------------------------------------------


def test_an_organisation_without_a_seat_is_refused(
    secretariat_user, operative_forum, region_a, agency_a
):
    SeatFactory(forum=operative_forum, organisation=region_a, count=2)
    refused("organisation", "R5", appoint, secretariat_user, operative_forum, Role.MEMBER, agency_a)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a)
    # Roles without a seat (secretary, co-opted) may come from anywhere.
    appoint(secretariat_user, operative_forum, Role.SECRETARY, agency_a)


def test_a_forum_without_seats_takes_any_organisation(secretariat_user, operative_forum, agency_a):
    appoint(secretariat_user, operative_forum, Role.MEMBER, agency_a)


def test_a_party_seat_seats_its_organisations(
    secretariat_user, operative_forum, regions, region_a, region_b, agency_a
):
    SeatFactory(forum=operative_forum, organisation=None, party=regions, count=2)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_b)
    refused("organisation", "R5", appoint, secretariat_user, operative_forum, Role.MEMBER, region_a)
    refused("organisation", "R5", appoint, secretariat_user, operative_forum, Role.MEMBER, agency_a)


def test_seats_over_filled_are_refused(secretariat_user, operative_forum, region_a):
    SeatFactory(forum=operative_forum, organisation=region_a, count=1)
    appoint(secretariat_user, operative_forum, Role.CHAIR, region_a, valid_to=TODAY + 10 * DAY)
    messages = refused(
        "organisation", "R5", appoint, secretariat_user, operative_forum, Role.MEMBER, region_a
    )
    assert "Region A" in messages[0]
    # A seat is free again after the term.
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a, valid_from=TODAY + 11 * DAY)


def test_one_person_holds_one_seat(secretariat_user, operative_forum, region_a):
    person = UserFactory(organisation=region_a)
    appoint(secretariat_user, operative_forum, Role.MEMBER, region_a, person=person)
    refused(
        "person", "R5", appoint, secretariat_user, operative_forum, Role.CHAIR, region_a,
        person=person,
    )  # fmt: skip


def test_a_representative_names_the_organisation(secretariat_user, operative_forum):
    refused("organisation", "R5", appoint, secretariat_user, operative_forum, Role.MEMBER, None)


def test_a_deputy_stands_in_for_a_member_of_the_forum(
    secretariat_user, operative_forum, tactical_forum, region_a
):
    refused("deputy_for", "R5", appoint, secretariat_user, operative_forum, Role.DEPUTY, region_a)
    elsewhere = appoint(secretariat_user, tactical_forum, Role.MEMBER, region_a)
    refused(
        "deputy_for", "R5", appoint, secretariat_user, operative_forum, Role.DEPUTY, region_a,
        deputy_for=elsewhere,
    )  # fmt: skip
    member = appoint(secretariat_user, operative_forum, Role.MEMBER, region_a)
    deputy = appoint(secretariat_user, operative_forum, Role.DEPUTY, region_a, deputy_for=member)
    assert deputy.deputy_for == member


# --- R7 and R9 -----------------------------------------------------------------------------


def test_a_co_opted_person_names_the_items(secretariat_user, operative_forum, agency_a):
    refused("scope", "R7", appoint, secretariat_user, operative_forum, Role.CO_OPTED, agency_a)
    appoint(secretariat_user, operative_forum, Role.CO_OPTED, agency_a, scope="Punkt 3: e-recept")


def test_one_contact_person_per_organisation_in_the_structure(
    secretariat_user, strategic_forum, operative_forum, agency_a, agency_b
):
    appoint(secretariat_user, strategic_forum, Role.CONTACT_PERSON, agency_a)
    refused(
        "organisation", "R9", appoint, secretariat_user, operative_forum, Role.CONTACT_PERSON,
        agency_a,
    )  # fmt: skip
    appoint(secretariat_user, operative_forum, Role.CONTACT_PERSON, agency_b)


def test_a_mandate_ends_after_it_starts(secretariat_user, operative_forum, region_a):
    with pytest.raises(ValidationError) as error:
        appoint(secretariat_user, operative_forum, Role.MEMBER, region_a, valid_to=TODAY - 1 * DAY)
    assert "valid_to" in error.value.message_dict


# --- R10 soft: rotation --------------------------------------------------------------------


@pytest.fixture
def rotating(strategic_forum):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    strategic_forum.save()
    return strategic_forum


def test_an_open_ended_or_long_chair_term_in_a_rotating_forum_warns(
    secretariat_user, rotating, region_a
):
    chair = appoint(secretariat_user, rotating, Role.CHAIR, region_a)
    assert ("R10", "chair_term_open", rules.SOFT) in codes(chair.warnings)
    services.mandate_end(actor=secretariat_user, mandate=chair)
    long = appoint(
        secretariat_user, rotating, Role.CHAIR, region_a,
        valid_from=TODAY + DAY, valid_to=TODAY + 800 * DAY,
    )  # fmt: skip
    assert ("R10", "chair_term_too_long", rules.SOFT) in codes(long.warnings)
    assert long.status == Mandate.Status.ACTIVE  # soft: saved anyway


def test_a_chair_not_rotated_between_parties_warns(
    secretariat_user, rotating, region_a, region_b, agency_a
):
    MandateFactory(
        forum=rotating,
        role=Role.CHAIR,
        organisation=region_a,
        status=Mandate.Status.ENDED,
        valid_from=TODAY - 400 * DAY,
        valid_to=TODAY - DAY,
    )
    again = appoint(secretariat_user, rotating, Role.CHAIR, region_b, valid_to=TODAY + 300 * DAY)
    assert ("R10", "chair_not_rotated", rules.SOFT) in codes(again.warnings)
    services.mandate_revoke(actor=secretariat_user, mandate=again, reason="fel part")
    other = appoint(secretariat_user, rotating, Role.CHAIR, agency_a, valid_to=TODAY + 300 * DAY)
    assert not other.warnings


def test_a_chair_not_rotated_among_organisations_warns(
    secretariat_user, strategic_forum, region_a, region_b
):
    strategic_forum.chair_rotation_months = 24
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    MandateFactory(
        forum=strategic_forum, role=Role.CHAIR, organisation=region_a,
        status=Mandate.Status.ENDED, valid_from=TODAY - 730 * DAY, valid_to=TODAY - DAY,
    )  # fmt: skip
    same = propose(
        secretariat_user, strategic_forum, Role.CHAIR, region_a, valid_to=TODAY + 700 * DAY
    )
    assert ("R10", "chair_not_rotated", rules.SOFT) in codes(same.warnings)
    other = propose(
        secretariat_user, strategic_forum, Role.CHAIR, region_b,
        valid_from=TODAY + 701 * DAY, valid_to=TODAY + 1400 * DAY,
    )  # fmt: skip
    assert ("R10", "chair_not_rotated", rules.SOFT) not in codes(other.warnings)


# --- the compliance view of a structure ----------------------------------------------------


def test_compliance_lists_empty_seats_as_warnings(structure, operative_forum, region_a):
    SeatFactory(forum=operative_forum, organisation=region_a, count=3)
    MandateFactory(forum=operative_forum, organisation=region_a)
    per_forum, _ = rules.structure_findings(structure)
    findings = dict(per_forum)[operative_forum]
    empty = [f for f in findings if f.code == "seats_empty"]
    assert [(f.rule, f.severity) for f in empty] == [("R5", rules.SOFT)]
    assert "2 av de 3" in empty[0].message


def test_compliance_shows_hard_breaches_left_by_changed_data(
    structure, operative_forum, region_a, agency_a
):
    """Seats defined after the mandates: the mandates now break R5."""
    MandateFactory(forum=operative_forum, organisation=region_a)
    MandateFactory(forum=operative_forum, organisation=region_a)
    MandateFactory(forum=operative_forum, organisation=agency_a)
    SeatFactory(forum=operative_forum, organisation=region_a, count=1)
    findings = dict(rules.structure_findings(structure)[0])[operative_forum]
    assert ("R5", "seats_overfilled", rules.HARD) in codes(findings)
    assert ("R5", "seat_not_allowed", rules.HARD) in codes(findings)


def test_compliance_finds_chair_party_breaches(structure, linked, region_a, region_b, agency_a):
    strategic, tactical = linked
    tactical.vice_chair_from_other_party = True
    tactical.save()
    MandateFactory(forum=strategic, role=Role.CHAIR, organisation=region_a)
    MandateFactory(forum=tactical, role=Role.CHAIR, organisation=region_b)
    MandateFactory(forum=tactical, role=Role.VICE_CHAIR, organisation=region_a)
    findings = dict(rules.structure_findings(structure)[0])
    assert ("R10", "chair_party_differs", rules.HARD) in codes(findings[tactical])
    assert ("R11", "chair_vice_chair_same_party", rules.HARD) in codes(findings[tactical])
    assert not codes(findings[strategic]) & {("R10", "chair_party_differs", rules.HARD)}


def test_compliance_warns_of_a_chair_held_past_the_rotation_period(
    structure, rotating, region_a, region_b, agency_a
):
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_a, status=Mandate.Status.ENDED,
        valid_from=TODAY - 500 * DAY, valid_to=TODAY - 201 * DAY,
    )  # fmt: skip
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_b, valid_from=TODAY - 200 * DAY
    )
    findings = dict(rules.structure_findings(structure)[0])[rotating]
    held = [f for f in findings if f.code == "chair_held_too_long"]
    assert held and held[0].severity == rules.SOFT
    assert ("R10", "chair_not_rotated", rules.SOFT) in codes(findings)


def test_compliance_is_quiet_for_a_forum_that_follows_the_rules(
    structure, rotating, region_a, agency_a
):
    SeatFactory(forum=rotating, organisation=region_a, count=1)
    SeatFactory(forum=rotating, organisation=agency_a, count=1)
    MandateFactory(forum=rotating, role=Role.CHAIR, organisation=region_a,
                   valid_from=TODAY - 30 * DAY, valid_to=TODAY + 300 * DAY)  # fmt: skip
    MandateFactory(forum=rotating, role=Role.MEMBER, organisation=agency_a)
    findings = dict(rules.structure_findings(structure)[0])[rotating]
    assert findings == []


def test_two_contact_persons_show_for_the_structure(
    structure, strategic_forum, operative_forum, agency_a
):
    MandateFactory(forum=strategic_forum, role=Role.CONTACT_PERSON, organisation=agency_a)
    MandateFactory(forum=operative_forum, role=Role.CONTACT_PERSON, organisation=agency_a)
    _per_forum, structure_wide = rules.structure_findings(structure)
    assert codes(structure_wide) == {("R9", "one_contact_person", rules.HARD)}


def test_structure_findings_read_in_a_fixed_number_of_queries(
    structure, django_assert_max_num_queries, region_a
):
    def grow(count):
        for _ in range(count):
            forum = ForumFactory(structure=structure)
            SeatFactory(forum=forum, organisation=region_a, count=2)
            MandateFactory(forum=forum, organisation=region_a, role=Role.CHAIR)

    grow(2)
    with django_assert_max_num_queries(8):
        rules.structure_findings(structure)
    grow(20)
    with django_assert_max_num_queries(8):
        rules.structure_findings(structure)


# --- date arithmetic -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (datetime.date(2024, 1, 1), datetime.date(2025, 1, 1), 12),
        (datetime.date(2024, 1, 31), datetime.date(2024, 2, 29), 0),
        (datetime.date(2024, 1, 15), datetime.date(2024, 3, 15), 2),
    ],
)
def test_months_between(start, end, months):
    assert rules.months_between(start, end) == months


def test_add_months_clamps_the_day():
    assert rules.add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert rules.add_months(datetime.date(2024, 11, 30), 3) == datetime.date(2025, 2, 28)
