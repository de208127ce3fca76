"""R12: a minimum meeting frequency (seed 002 "Mötesfrekvens": at least four a year; seed
003 "Strategisk styrgrupp": at least twice). Soft: it warns when the year can no longer
reach the minimum (counting at most one meeting a week). It lives in meetings and registers
itself from the app's ready()."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from kernel.rules import FORUM, SOFT, registered_rules
from mandates import rules
from meetings.models import Meeting
from meetings.rules import weeks_left_in_year
from tests.factories import MeetingFactory
from tests.rules.helpers import (
    RULE_CODE,
    Role,
    appoint,
    compliance_page,
    forum_page,
    page_findings,
    visible_text,
)

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def meeting_on(forum, day, **kwargs):
    starts = datetime.datetime(day.year, day.month, day.day, 9, tzinfo=STOCKHOLM)
    return MeetingFactory(forum=forum, starts_at=starts, **kwargs)


@pytest.fixture
def meets_four_times(operative_forum):
    operative_forum.min_meetings_per_year = 4
    operative_forum.save()
    return operative_forum


def frequency(structure, forum, day):
    findings = dict(rules.structure_findings(structure, on=day)[0])[forum]
    return [f for f in findings if f.rule == "R12"]


def test_r12_is_a_forum_rule_of_the_registry():
    (rule,) = [rule for rule in registered_rules() if rule.code == "R12"]
    assert (rule.scope, rule.level, rule.name) == (
        FORUM,
        SOFT,
        "meetings.rules.meeting_frequency",
    )


def test_a_year_that_can_no_longer_reach_the_minimum_warns(structure, meets_four_times):
    day = datetime.date(2030, 12, 15)  # two weeks left
    meeting_on(meets_four_times, datetime.date(2030, 3, 1))
    (finding,) = frequency(structure, meets_four_times, day)
    assert (finding.code, finding.level, finding.forum_id) == (
        "year_cannot_reach_minimum",
        SOFT,
        meets_four_times.pk,
    )
    assert "2030" in finding.message and "3" in finding.message


def test_a_year_that_can_still_reach_it_is_quiet(structure, meets_four_times):
    meeting_on(meets_four_times, datetime.date(2030, 3, 1))
    assert frequency(structure, meets_four_times, datetime.date(2030, 2, 1)) == []


def test_a_year_that_reached_it_is_quiet(structure, meets_four_times):
    for month in (2, 4, 6, 9):
        meeting_on(meets_four_times, datetime.date(2030, month, 1))
    assert frequency(structure, meets_four_times, datetime.date(2030, 12, 30)) == []


def test_cancelled_meetings_and_other_years_do_not_count(structure, meets_four_times):
    for month in (2, 4, 6):
        meeting_on(meets_four_times, datetime.date(2030, month, 1), status=Meeting.Status.CANCELLED)
    meeting_on(meets_four_times, datetime.date(2029, 9, 1))
    meeting_on(meets_four_times, datetime.date(2030, 9, 1))
    assert len(frequency(structure, meets_four_times, datetime.date(2030, 12, 15))) == 1


def test_a_forum_without_a_minimum_is_quiet(structure, operative_forum):
    assert frequency(structure, operative_forum, datetime.date(2030, 12, 30)) == []


def test_weeks_left_in_the_year():
    assert weeks_left_in_year(datetime.date(2030, 12, 15)) == 2
    assert weeks_left_in_year(datetime.date(2030, 12, 31)) == 0


def test_the_compliance_page_shows_the_warning(
    client, secretariat_user, structure, meets_four_times, today
):
    december = datetime.datetime(today.year, 12, 20, 9, tzinfo=STOCKHOLM)
    with time_machine.travel(december, tick=False):
        client.force_login(secretariat_user)  # a session of that day
        page = client.get(reverse("mandates:compliance", args=[structure.slug]))
    findings = dict(page.context["per_forum"])[meets_four_times]
    assert [f.code for f in findings if f.rule == "R12"] == ["year_cannot_reach_minimum"]
    assert "Varning (Mötesfrekvens):" in page.text


def test_the_forum_page_and_the_compliance_page_show_it_for_as_long_as_it_holds(
    client, secretariat_user, representative_user, structure, meets_four_times, region_a, today
):
    year = today.year
    with time_machine.travel(datetime.datetime(year, 12, 17, 9, tzinfo=STOCKHOLM), tick=False):
        meeting_on(meets_four_times, datetime.date(year, 3, 1))  # one of four, two weeks left
        # A later, unrelated save through the services: a member appointed to the forum.
        appoint(secretariat_user, meets_four_times, Role.MEMBER, region_a)
        pages = {
            "forum page, secretariat": forum_page(client, secretariat_user, meets_four_times),
            "forum page, a member": forum_page(client, representative_user, meets_four_times),
            "compliance page": compliance_page(client, secretariat_user, structure),
        }
        for name, html in pages.items():
            assert ("R12", "year_cannot_reach_minimum") in page_findings(html), name
            text = visible_text(html)
            assert "Varning (Mötesfrekvens):" in text and meets_four_times.name in text, name
            assert not RULE_CODE.search(text), name
        # Two more meetings planned: the year can reach the minimum again, the warning goes.
        meeting_on(meets_four_times, datetime.date(year, 12, 21))
        meeting_on(meets_four_times, datetime.date(year, 12, 28))
        for html in (
            forum_page(client, secretariat_user, meets_four_times),
            compliance_page(client, secretariat_user, structure),
        ):
            assert ("R12", "year_cannot_reach_minimum") not in page_findings(html)


def test_the_forum_page_is_quiet_while_the_year_can_still_reach_it(
    client, secretariat_user, meets_four_times, today
):
    meeting_on(meets_four_times, datetime.date(today.year, 3, 1))  # March: weeks enough
    html = forum_page(client, secretariat_user, meets_four_times)
    assert not {code for rule, code in page_findings(html) if rule == "R12"}
