"""The figures of a forum's year (cycle.figures.forum_year) and of a structure's
(structure_year): what they count, where they link, and a pinned number of queries."""

import dataclasses
import datetime

import pytest

from cycle.figures import SECTION_KEYS, forum_year, structure_year
from cycle.figures.follow_up import FOLLOW_UP_KEYS
from escalation.models import CaseEvent
from forums.models import Forum
from mandates.models import Mandate
from meetings.models import Attendance, Decision, Meeting
from tests.cycle.figures_data import YEAR, add_meetings, at
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CaseEventFactory,
    CaseFactory,
    DecisionFactory,
    MandateFactory,
    MeetingFactory,
    OrganisationFactory,
    PartyFactory,
    UserFactory,
)
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

FORUM_YEAR_QUERIES = 14
STRUCTURE_YEAR_QUERIES = 6


def section(sections, key):
    return next(s for s in sections if s.key == key)


def fact(sec, label):
    return next(cell for name, cell in sec.facts if name == label)


def cells(table):
    """{row label: [cell values]}."""
    return {row.label.text: [c.value for c in row.cells] for row in table.rows}


def test_sections_come_in_order_and_serialise(tactical_forum):
    sections = forum_year(tactical_forum, YEAR)
    assert [s.key for s in sections] == list(SECTION_KEYS)
    for sec in sections:
        dataclasses.asdict(sec)  # plain values: the seal stores them as JSON
        assert sec.heading


def test_meetings_against_the_minimum_cover_the_forums_below(tactical_forum, operative_forum):
    tactical_forum.min_meetings_per_year = 4
    tactical_forum.save()
    for day in (1, 2, 3):
        MeetingFactory(
            forum=tactical_forum,
            starts_at=at(2, day),
            ends_at=at(2, day, 11),
            status=Meeting.Status.HELD,
        )
    MeetingFactory(
        forum=tactical_forum,
        starts_at=at(3, 1),
        ends_at=at(3, 1, 11),
        status=Meeting.Status.CANCELLED,
    )
    MeetingFactory(
        forum=tactical_forum,
        starts_at=at(1, 1).replace(year=YEAR - 1),
        ends_at=at(1, 1, 11).replace(year=YEAR - 1),
        status=Meeting.Status.HELD,
    )
    MeetingFactory(
        forum=operative_forum, starts_at=at(4, 1), ends_at=at(4, 1, 11), status=Meeting.Status.HELD
    )
    sec = section(forum_year(tactical_forum, YEAR), "meetings")
    assert fact(sec, "Sammanträden som hållits").value == 3
    assert fact(sec, "Inställda sammanträden").value == 1
    rows = cells(sec.tables[0])
    # The strategic forum above is not counted; the operative one below is.
    assert set(rows) == {"Samordningsgruppen", "Arbetsgruppen"}
    assert rows["Samordningsgruppen"][:2] == [3, 4]
    assert sec.tables[0].rows[0].cells[2].text == "Nej"
    assert rows["Arbetsgruppen"][0] == 1
    assert fact(sec, "Sammanträden som hållits").url == (
        f"/moten/forum/{tactical_forum.slug}/?year={YEAR}&status=held"
    )


def test_attendance_per_organisation_and_party(tactical_forum, structure):
    party = PartyFactory(structure=structure, name="Regionerna")
    region = OrganisationFactory(name="Region Kalmar län")
    region.parties.add(party)
    meeting = MeetingFactory(
        forum=tactical_forum, starts_at=at(2, 1), ends_at=at(2, 1, 11), status=Meeting.Status.HELD
    )
    mandate = MandateFactory(forum=tactical_forum, organisation=region)
    AttendanceFactory(meeting=meeting, person=mandate.person, mandate=mandate)
    AttendanceFactory(
        meeting=meeting, person=UserFactory(organisation=region), status=Attendance.Status.DEPUTY
    )
    AttendanceFactory(meeting=meeting, person=UserFactory(), status=Attendance.Status.ABSENT)
    # A planned meeting's attendance is not counted.
    planned = MeetingFactory(forum=tactical_forum, starts_at=at(11, 1), ends_at=at(11, 1, 11))
    AttendanceFactory(meeting=planned, person=UserFactory(organisation=region))
    sec = section(forum_year(tactical_forum, YEAR), "attendance")
    per_org, per_party = (cells(t) for t in sec.tables)
    assert per_org == {"Region Kalmar län": [1, 1, 0, 100.0], "Ingen organisation": [0, 0, 1, 0.0]}
    assert per_party == {"Regionerna": [1, 1, 0, 100.0], "Ingen part": [0, 0, 1, 0.0]}
    assert fact(sec, "Närvarograd").value == pytest.approx(66.7)


def test_decisions_by_outcome_with_joint_positions(tactical_forum):
    meeting = MeetingFactory(
        forum=tactical_forum, starts_at=at(2, 1), ends_at=at(2, 1, 11), status=Meeting.Status.HELD
    )
    for outcome, joint in [
        ("decided", True),
        ("decided", False),
        ("referred_back", False),
        ("removed", False),
        ("escalated", False),
        ("noted", False),
    ]:
        DecisionFactory(
            agenda_item=AgendaItemFactory(meeting=meeting), outcome=outcome, is_joint_position=joint
        )
    sec = section(forum_year(tactical_forum, YEAR), "decisions")
    rows = cells(sec.tables[0])
    assert rows[Decision.Outcome.DECIDED.label] == [2]
    assert fact(sec, "Gemensamma ställningstaganden").value == 1
    assert fact(sec, "Återremitterat").value == 1
    assert fact(sec, "Avfört").value == 1


def test_cases_per_tier_with_lead_times(tactical_forum, operative_forum):
    add_meetings(tactical_forum, operative_forum, 3)
    sec = section(forum_year(tactical_forum, YEAR), "cases")
    rows = cells(sec.tables[0])
    # Raised and escalated at the operative tier, decided and fed back at the tactical.
    assert rows["Operativ"][:4] == [3, 3, 0, 0]
    assert rows["Taktisk"][:4] == [0, 0, 3, 3]
    events = CaseEvent.objects.filter(kind="decided")
    raised = sorted((e.at - e.case.created_at).total_seconds() / 86400 for e in events)
    escalated = sorted(
        (e.at - e.case.events.get(kind="escalated").at).total_seconds() / 86400 for e in events
    )
    assert rows["Taktisk"][4:] == [round(raised[1], 1), round(escalated[1], 1)]
    assert rows["Operativ"][4:] == [None, None]


def test_a_case_escalated_out_of_the_strategic_scope_is_not_counted(
    strategic_forum, tactical_forum
):
    case = CaseFactory(origin_forum=strategic_forum)
    CaseEventFactory(case=case, kind=CaseEvent.Kind.RAISED, to_forum=strategic_forum, at=at(2, 1))
    sec = section(forum_year(tactical_forum, YEAR), "cases")
    assert all(v[0] == 0 for v in cells(sec.tables[0]).values())
    sec = section(forum_year(strategic_forum, YEAR), "cases")
    assert cells(sec.tables[0])["Strategisk"][0] == 1


def test_mandates_and_chair_rotation(frozen_day, chair_user, tactical_forum):
    first = MandateFactory(
        forum=tactical_forum,
        role=Mandate.Role.CHAIR,
        status=Mandate.Status.ENDED,
        valid_from=datetime.date(YEAR - 1, 1, 1),
        valid_to=datetime.date(YEAR, 5, 31),
    )
    MandateFactory(
        forum=tactical_forum,
        role=Mandate.Role.MEMBER,
        status=Mandate.Status.PROPOSED,
        valid_from=datetime.date(YEAR, 2, 1),
    )
    sec = section(forum_year(tactical_forum, YEAR), "mandates")
    rotation = sec.tables[1]
    people = [row.cells[0].text for row in rotation.rows]
    # The conftest's chair (active since a month before the frozen day) follows.
    assert people[0] == first.person.get_full_name()
    assert len(people) == 2
    ended = cells(sec.tables[0])[Mandate.Role.CHAIR.label]
    assert ended == [1, 1]  # the conftest's chair started this year; the first one ended


def test_members_show_only_published_contact_details(tactical_forum):
    shown = UserFactory(
        first_name="Ada",
        last_name="Öppen",
        email="ada@example.se",
        phone="010-1",
        publish_email=True,
    )
    hidden = UserFactory(
        first_name="Bo", last_name="Dold", email="bo@example.se", phone="010-2", publish_phone=False
    )
    for person in (shown, hidden):
        MandateFactory(forum=tactical_forum, person=person)
    sec = section(forum_year(tactical_forum, YEAR), "members")
    rows = {row.label.text: [c.text for c in row.cells] for row in sec.tables[0].rows}
    assert rows["Ada Öppen"][2:] == ["ada@example.se", "–"]
    assert rows["Bo Dold"][2:] == ["–", "–"]
    assert "bo@example.se" not in str(dataclasses.asdict(sec))


def test_hosting_over_five_years(tactical_forum):
    host = OrganisationFactory(name="Region Jönköpings län")
    for year in (YEAR - 5, YEAR - 4, YEAR):
        MeetingFactory(
            forum=tactical_forum,
            starts_at=at(2, 1).replace(year=year),
            ends_at=at(2, 1, 11).replace(year=year),
            status=Meeting.Status.HELD,
            host_organisation=host,
        )
    MeetingFactory(
        forum=tactical_forum, starts_at=at(3, 1), ends_at=at(3, 1, 11), status=Meeting.Status.HELD
    )
    sec = section(forum_year(tactical_forum, YEAR), "hosting")
    table = sec.tables[0]
    assert table.headers[1:] == [str(y) for y in range(YEAR - 4, YEAR + 1)] + ["Totalt"]
    assert cells(table) == {
        "Region Jönköpings län": [1, 0, 0, 0, 1, 2],
        "Ingen värd angiven": [0, 0, 0, 0, 1, 1],
    }


def test_structure_year_follows_the_tiers(structure, tactical_forum, operative_forum):
    add_meetings(tactical_forum, operative_forum, 3)
    sections = structure_year(structure, YEAR)
    assert [s.key for s in sections] == list(FOLLOW_UP_KEYS)
    flow = cells(section(sections, "escalations").tables[0])
    assert list(flow.values()) == [[3], [0]]
    meetings = cells(section(sections, "meetings").tables[0])
    held = Meeting.objects.filter(forum=tactical_forum, status="held").count()
    assert meetings["Samordningsgruppen"][0] == held


@pytest.mark.parametrize("function", ["forum_year", "structure_year"])
def test_bounded_queries(structure, tactical_forum, operative_forum, function):
    hosts = [OrganisationFactory(), OrganisationFactory()]
    compute = {
        "forum_year": lambda: forum_year(tactical_forum, YEAR),
        "structure_year": lambda: structure_year(structure, YEAR),
    }[function]
    add_meetings(tactical_forum, operative_forum, 3, hosts=hosts)
    few, small = count_queries(compute)
    add_meetings(tactical_forum, operative_forum, 27, hosts=hosts)
    many, large = count_queries(compute)
    expected = FORUM_YEAR_QUERIES if function == "forum_year" else STRUCTURE_YEAR_QUERIES
    assert (few, many) == (expected, expected)
    assert small != large  # the added rows really count
    held = Meeting.objects.filter(forum=tactical_forum, status="held").count()
    assert held > 20
    assert Forum.objects.count() == 3
