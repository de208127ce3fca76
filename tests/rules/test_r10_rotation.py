"""R10: the chair rotates (seed 001 "Ordförandes uppdrag": every two years; seed 003
"Strategisk styrgrupp": yearly between the parties). Soft: a forum may extend a chair by
decision, so the rules warn and the mandate is saved."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model

from forums.models import Forum
from kernel.rules import SOFT
from mandates import rules, services
from mandates.models import Mandate
from tests.factories import MandateFactory, SeatFactory
from tests.rules.helpers import (
    DAY,
    RULE_CODE,
    Role,
    appoint,
    codes,
    compliance_page,
    forum_page,
    page_findings,
    propose,
    visible_text,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rotating(strategic_forum):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    strategic_forum.save()
    return strategic_forum


def test_an_open_ended_or_long_chair_term_in_a_rotating_forum_warns(
    secretariat_user, rotating, region_a, today
):
    chair = appoint(secretariat_user, rotating, Role.CHAIR, region_a)
    assert ("R10", "chair_term_open", SOFT) in codes(chair.warnings)
    services.mandate_end(actor=secretariat_user, mandate=chair)
    long = appoint(
        secretariat_user, rotating, Role.CHAIR, region_a,
        valid_from=today + DAY, valid_to=today + 800 * DAY,
    )  # fmt: skip
    assert ("R10", "chair_term_too_long", SOFT) in codes(long.warnings)
    assert long.status == Mandate.Status.ACTIVE  # soft: saved anyway


def test_a_chair_term_within_the_period_is_quiet(secretariat_user, rotating, region_a, today):
    chair = appoint(secretariat_user, rotating, Role.CHAIR, region_a, valid_to=today + 300 * DAY)
    assert chair.warnings == []


def test_a_chair_not_rotated_between_parties_warns(
    secretariat_user, rotating, region_a, region_b, agency_a, today
):
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_a, status=Mandate.Status.ENDED,
        valid_from=today - 400 * DAY, valid_to=today - DAY,
    )  # fmt: skip
    again = appoint(secretariat_user, rotating, Role.CHAIR, region_b, valid_to=today + 300 * DAY)
    assert ("R10", "chair_not_rotated", SOFT) in codes(again.warnings)
    services.mandate_revoke(actor=secretariat_user, mandate=again, reason="fel part")
    other = appoint(secretariat_user, rotating, Role.CHAIR, agency_a, valid_to=today + 300 * DAY)
    assert not other.warnings


def test_a_chair_not_rotated_among_organisations_warns(
    secretariat_user, strategic_forum, region_a, region_b, today
):
    strategic_forum.chair_rotation_months = 24
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    MandateFactory(
        forum=strategic_forum, role=Role.CHAIR, organisation=region_a,
        status=Mandate.Status.ENDED, valid_from=today - 730 * DAY, valid_to=today - DAY,
    )  # fmt: skip
    same = propose(
        secretariat_user, strategic_forum, Role.CHAIR, region_a, valid_to=today + 700 * DAY
    )
    assert ("R10", "chair_not_rotated", SOFT) in codes(same.warnings)
    other = propose(
        secretariat_user, strategic_forum, Role.CHAIR, region_b,
        valid_from=today + 701 * DAY, valid_to=today + 1400 * DAY,
    )  # fmt: skip
    assert ("R10", "chair_not_rotated", SOFT) not in codes(other.warnings)


def test_the_compliance_page_warns_of_a_chair_held_past_the_period(
    structure, rotating, region_a, region_b, today
):
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_a, status=Mandate.Status.ENDED,
        valid_from=today - 500 * DAY, valid_to=today - 201 * DAY,
    )  # fmt: skip
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_b, valid_from=today - 200 * DAY
    )
    findings = dict(rules.structure_findings(structure)[0])[rotating]
    held = [f for f in findings if f.code == "chair_held_too_long"]
    assert [(f.rule, f.level) for f in held] == [("R10", SOFT)]
    assert "2024-10-18" in held[0].message  # since the regions took it, without a break
    assert ("R10", "chair_not_rotated", SOFT) in codes(findings)


def test_the_compliance_page_is_quiet_for_a_forum_that_follows_the_rules(
    structure, rotating, region_a, agency_a, today
):
    SeatFactory(forum=rotating, organisation=region_a, count=1)
    SeatFactory(forum=rotating, organisation=agency_a, count=1)
    MandateFactory(forum=rotating, role=Role.CHAIR, organisation=region_a,
                   valid_from=today - 30 * DAY, valid_to=today + 300 * DAY)  # fmt: skip
    MandateFactory(forum=rotating, role=Role.MEMBER, organisation=agency_a)
    findings = dict(rules.structure_findings(structure)[0])[rotating]
    assert findings == []


# --- the finding stays for as long as it holds (not only once after a save) ----------------


def test_a_chair_term_longer_than_the_period_stays_on_the_forum_and_compliance_pages(
    client, secretariat_user, structure, rotating, region_a, agency_a, today
):
    SeatFactory(forum=rotating, organisation=region_a, count=1)
    SeatFactory(forum=rotating, organisation=agency_a, count=1)
    chair = appoint(secretariat_user, rotating, Role.CHAIR, region_a, valid_to=today + 729 * DAY)
    assert ("R10", "chair_term_too_long", SOFT) in codes(chair.warnings)  # the save warns
    # Later, unrelated saves: a member appointed, then changed.
    member = appoint(secretariat_user, rotating, Role.MEMBER, agency_a)
    services.mandate_update(
        actor=secretariat_user, mandate=member, scope="Företräder myndigheten.", reason="Ändrat"
    )
    # The forum rule reads the term as it stands, every time.
    (finding,) = [
        f
        for f in dict(rules.structure_findings(structure)[0])[rotating]
        if f.code == "chair_term_too_long"
    ]
    assert (finding.rule, finding.level, finding.mandate_id) == ("R10", SOFT, chair.pk)
    pages = {
        "forum page, secretariat": forum_page(client, secretariat_user, rotating),
        "forum page, the chair": forum_page(client, chair.person, rotating),
        "compliance page": compliance_page(client, secretariat_user, structure),
    }
    for name, html in pages.items():
        assert ("R10", "chair_term_too_long") in page_findings(html), name
        text = visible_text(html)
        assert "Varning (Ordförandeskapet roterar):" in text, name
        assert str(chair.person) in text and "2026-03-02" in text and "2028-02-29" in text, name
        assert not RULE_CODE.search(text), name
    # Brought in line (the term ends within the period), the warning goes.
    services.mandate_update(
        actor=secretariat_user, mandate=chair, valid_to=today + 300 * DAY, reason="Ett år"
    )
    assert ("R10", "chair_term_too_long") not in page_findings(
        forum_page(client, secretariat_user, rotating)
    )
    assert ("R10", "chair_term_too_long") not in page_findings(
        compliance_page(client, secretariat_user, structure)
    )


def test_a_chair_held_past_the_period_shows_on_the_forum_page(
    client, secretariat_user, structure, rotating, region_a, region_b, agency_a, today
):
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_a, status=Mandate.Status.ENDED,
        valid_from=today - 500 * DAY, valid_to=today - 201 * DAY,
    )  # fmt: skip
    MandateFactory(
        forum=rotating, role=Role.CHAIR, organisation=region_b,
        valid_from=today - 200 * DAY, valid_to=today + 100 * DAY,
    )  # fmt: skip
    appoint(secretariat_user, rotating, Role.MEMBER, agency_a)  # a later, unrelated save
    found = page_findings(forum_page(client, secretariat_user, rotating))
    assert {("R10", "chair_held_too_long"), ("R10", "chair_not_rotated")} <= found
    assert ("R10", "chair_held_too_long") in page_findings(
        compliance_page(client, secretariat_user, structure)
    )


def test_a_chair_appointed_from_a_later_day_is_checked_before_it_starts(
    secretariat_user, structure, rotating, region_a, today
):
    chair = appoint(
        secretariat_user, rotating, Role.CHAIR, region_a,
        valid_from=today + DAY, valid_to=today + 800 * DAY,
    )  # fmt: skip
    findings = dict(rules.structure_findings(structure)[0])[rotating]
    assert [(f.code, f.mandate_id) for f in findings if f.code == "chair_term_too_long"] == [
        ("chair_term_too_long", chair.pk)
    ]


def test_the_demo_strategic_chair_of_the_partnership_is_flagged(client):
    """The demo's strategic steering group rotates its chair yearly, and its chair sits for
    two years (2026 and 2027): the forum page and the compliance page say so."""
    from samverkan.demo.loader import load_demo

    moment = datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        load_demo()
        forum = Forum.objects.get(slug="pks-styrgrupp")
        assert forum.chair_rotation_months == 12
        chair = Mandate.objects.get(forum=forum, role=Role.CHAIR, status=Mandate.Status.ACTIVE)
        assert rules.term_months(chair) == 24
        secretariat = get_user_model().objects.get(username="sekretariat")
        for html in (
            forum_page(client, secretariat, forum),
            compliance_page(client, secretariat, forum.structure),
        ):
            assert ("R10", "chair_term_too_long") in page_findings(html)
            assert str(chair.person) in visible_text(html)


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
