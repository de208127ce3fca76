"""The rules registry: every rule declares its code, title, clause, level and scope; the
mandate checks, the forum checks and the compliance page run it."""

import datetime
import io
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from kernel.rules import (
    FORUM,
    HARD,
    LEVELS,
    MANDATE,
    SCOPES,
    SOFT,
    Finding,
    RuleRegistry,
    raise_for_hard,
    registered_rules,
)
from mandates import rules
from tests.factories import (
    ForumFactory,
    MandateFactory,
    MeetingFactory,
    OrganisationFactory,
    SeatFactory,
    UserFactory,
)
from tests.querycount import assert_same_query_count
from tests.rules.helpers import DAY, Role, appoint

RULE_CODE = re.compile(r"\bR\d+\b")
# Pinned query counts of the pages that show the forum rules' findings, whatever the size.
COMPLIANCE_QUERIES = 14  # 13, and the meetings counted for the meeting frequency
# Of which the forum rules: the snapshot (7) and the meetings (1); the yearly cycle's panels
# (plans and priority areas, annual reports, direction documents): 5.
FORUM_PAGE_QUERIES = 26


def test_the_registry_lists_the_rules_of_the_seeds():
    codes = [rule.code for rule in registered_rules()]
    assert {"R5", "R7", "R9", "R10", "R11", "R12"} <= set(codes)
    assert codes == sorted(codes, key=lambda code: int(code[1:]))  # in the order of DOMAIN.md


@pytest.mark.parametrize("rule", registered_rules(), ids=lambda rule: rule.name)
def test_every_rule_declares_what_it_is(rule):
    assert re.fullmatch(r"R\d+", rule.code)
    assert rule.level in LEVELS
    assert rule.scope in SCOPES
    assert str(rule.title) and not RULE_CODE.search(str(rule.title))
    with translation.override("en"):
        assert re.search(r"seed 00\d", str(rule.clause)), rule.clause  # the seed it comes from
    assert callable(rule.check)


def test_each_scope_has_its_rules():
    mandate = {rule.code for rule in registered_rules(MANDATE)}
    forum = {rule.code for rule in registered_rules(FORUM)}
    assert {"R5", "R7", "R9", "R10", "R11"} <= mandate
    assert {"R5", "R9", "R10", "R11", "R12"} <= forum
    assert "R12" not in mandate  # a meeting frequency is not checked on a mandate


def test_run_stamps_each_finding_with_its_rule_and_level():
    local = RuleRegistry()

    @local.register(code="R99", title="Test", clause="seed 000", level=HARD, scope=MANDATE)
    def check(value):
        yield Finding(f"{value} is wrong", code="wrong", field="name")
        yield Finding("unsure", code="unsure", level=SOFT)

    findings = local.run(MANDATE, "x")
    assert [(f.rule, f.code, f.level, f.title) for f in findings] == [
        ("R99", "wrong", HARD, "Test"),
        ("R99", "unsure", SOFT, "Test"),
    ]
    assert local.run(FORUM, "x") == []
    with pytest.raises(ValidationError) as error:
        raise_for_hard(findings)
    (refusal,) = error.value.error_dict["name"]
    assert (refusal.code, refusal.message) == ("R99.wrong", "x is wrong")


def test_a_rule_without_a_clause_or_level_is_not_registered():
    local = RuleRegistry()
    with pytest.raises(ValueError):
        local.register(code="R1", title="t", clause="", level=HARD, scope=MANDATE)
    with pytest.raises(ValueError):
        local.register(code="R1", title="t", clause="seed 000", level="maybe", scope=MANDATE)


@pytest.mark.django_db
def test_a_mandate_ends_after_it_starts(secretariat_user, operative_forum, region_a, today):
    with pytest.raises(ValidationError) as error:
        appoint(secretariat_user, operative_forum, Role.MEMBER, region_a, valid_to=today - DAY)
    assert [e.code for e in error.value.error_dict["valid_to"]] == ["ends_before_start"]


@pytest.mark.django_db
def test_no_finding_names_a_rule_code(
    structure, strategic_forum, operative_forum, region_a, agency_a
):
    SeatFactory(forum=operative_forum, organisation=region_a, count=3)
    MandateFactory(forum=operative_forum, organisation=agency_a)
    MandateFactory(forum=strategic_forum, role=Role.CONTACT_PERSON, organisation=agency_a)
    MandateFactory(forum=operative_forum, role=Role.CONTACT_PERSON, organisation=agency_a)
    per_forum, structure_wide = rules.structure_findings(structure)
    findings = [f for _forum, items in per_forum for f in items] + structure_wide
    assert {f.rule for f in findings} == {"R5", "R9"}
    assert not [f.message for f in findings if RULE_CODE.search(f.message)]


@pytest.mark.django_db
def test_structure_findings_read_in_a_fixed_number_of_queries(
    structure, django_assert_num_queries, region_a
):
    def grow(count):
        for _ in range(count):
            forum = ForumFactory(structure=structure, min_meetings_per_year=4)
            SeatFactory(forum=forum, organisation=region_a, count=2)
            MandateFactory(forum=forum, organisation=region_a, role=Role.CHAIR)

    # The forums, the seven of the snapshot, and the meetings for R12.
    grow(2)
    with django_assert_num_queries(9):
        rules.structure_findings(structure)
    grow(20)
    with django_assert_num_queries(9):
        rules.structure_findings(structure)


@pytest.mark.django_db
def test_the_compliance_page_lists_every_rule_with_its_clause_and_findings(
    client, secretariat_user, structure, operative_forum, region_a
):
    SeatFactory(forum=operative_forum, organisation=region_a, count=2)
    client.force_login(secretariat_user)
    page = client.get(reverse("mandates:compliance", args=[structure.slug]))
    assert page.status_code == 200
    entries = {entry.code: entry for entry in page.context["rules"]}
    assert {rule.code for rule in registered_rules()} == set(entries)
    seats = next(e for e in page.context["rules"] if e.title == rules.r05_seats.TITLE)
    assert (seats.refuses, seats.warns, seats.hard_count, seats.soft_count) == (True, False, 0, 0)
    empty = next(e for e in page.context["rules"] if str(e.title) == "Tomma platser")
    assert (empty.refuses, empty.soft_count) == (False, 1)
    assert entries["R12"].findings == []
    html = page.text
    section = html[html.index('id="rules-heading"') :]
    assert "Mötesfrekvens" in section and "underlag 002, ”Mötesfrekvens”" in section
    assert "Tomma platser" in section
    visible = re.sub(r'data-(rule|code)="[^"]*"', "", section)
    assert not RULE_CODE.search(visible)
    # Each finding names its rule by title.
    assert "Varning (Tomma platser):" in html


def test_the_list_rules_command_names_every_rule_and_its_clause():
    out = io.StringIO()
    call_command("list_rules", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(registered_rules())
    assert any(line.startswith("R12") and "seed 002, “Mötesfrekvens”" in line for line in lines), (
        lines
    )
    out = io.StringIO()
    call_command("list_rules", scope=MANDATE, language="sv", stdout=out)
    assert "R12" not in out.getvalue() and "underlag 000" in out.getvalue()


# --- the pages that show the findings stay bounded ------------------------------------------

DECEMBER = datetime.datetime(2026, 12, 17, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))


def _forum_breaking_the_chair_and_frequency_rules(structure, organisation):
    """A forum with a two-year chair in a yearly rotation (R10) and one meeting of four
    (R12, in December): two warnings that must show on its pages."""
    forum = ForumFactory(structure=structure, chair_rotation_months=12,
                         chair_rotation_among="organisations", min_meetings_per_year=4)  # fmt: skip
    SeatFactory(forum=forum, organisation=organisation, count=1)
    MandateFactory(
        forum=forum,
        role=Role.CHAIR,
        organisation=organisation,
        valid_from=datetime.date(2026, 1, 1),
        valid_to=datetime.date(2027, 12, 31),
    )
    MeetingFactory(forum=forum, starts_at=DECEMBER - datetime.timedelta(days=200))
    return forum


@pytest.mark.django_db
def test_the_compliance_page_with_chair_and_frequency_warnings_stays_bounded(
    client, secretariat_user, structure, region_a
):
    with time_machine.travel(DECEMBER, tick=False):
        client.force_login(secretariat_user)

        def grow(count):
            for _ in range(count):
                _forum_breaking_the_chair_and_frequency_rules(structure, region_a)

        assert_same_query_count(
            client,
            reverse("mandates:compliance", args=[structure.slug]),
            grow,
            queries=COMPLIANCE_QUERIES,
            marker='data-code="year_cannot_reach_minimum"',
        )
        page = client.get(reverse("mandates:compliance", args=[structure.slug])).text
        assert page.count('data-code="chair_term_too_long"') == 50


@pytest.mark.django_db
def test_the_forum_page_with_chair_and_frequency_warnings_stays_bounded(
    client, secretariat_user, structure, region_a
):
    """At a small and a large structure (forums), and a small and a large forum (members)."""
    with time_machine.travel(DECEMBER, tick=False):
        forum = _forum_breaking_the_chair_and_frequency_rules(structure, region_a)
        client.force_login(secretariat_user)

        def grow(count):
            for _ in range(count):
                _forum_breaking_the_chair_and_frequency_rules(structure, region_a)
                organisation = OrganisationFactory()
                SeatFactory(forum=forum, organisation=organisation, count=1)
                MandateFactory(forum=forum, organisation=organisation,
                               person=UserFactory(last_name="Ledamotsson"))  # fmt: skip

        url = reverse("forums:forum_detail", args=[forum.slug])
        assert_same_query_count(
            client, url, grow, queries=FORUM_PAGE_QUERIES, marker="Ledamotsson", per_row=2
        )
        found = client.get(url).text
        assert 'data-code="chair_term_too_long"' in found
        assert 'data-code="year_cannot_reach_minimum"' in found
