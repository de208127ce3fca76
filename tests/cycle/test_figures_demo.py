"""The independent check: for every demo structure and forum, the report's figures computed
again from the rows in plain Python (iterating over model objects, not aggregating in the
database) equal forum_year's. The demo is loaded once for the whole module."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from cycle.figures import forum_year
from cycle.figures.follow_up import structure_sections
from escalation.models import CaseEvent
from forums.models import Forum, Structure
from meetings.models import Attendance, Decision, Meeting
from samverkan.demo.loader.common import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def below(forum, forums):
    found, grew = {forum.pk}, True
    while grew:
        grew = False
        for other in forums:
            if other.escalates_to_id in found and other.pk not in found:
                found.add(other.pk)
                grew = True
    return [f for f in forums if f.pk in found]


def local_year(moment):
    from django.utils import timezone

    return timezone.localtime(moment).year


def expected_figures(forum, forums):
    """The figures recomputed from the objects."""
    scope = below(forum, forums)
    figures = {}
    meetings = [m for m in Meeting.objects.all() if local_year(m.starts_at) == YEAR]
    for f in scope:
        own = [m for m in meetings if m.forum_id == f.pk]
        figures[("meetings", f.name)] = [
            sum(m.status == "held" for m in own),
            sum(m.status == "cancelled" for m in own),
        ]
    attendances = Counter()
    for a in Attendance.objects.select_related(
        "meeting", "mandate__organisation", "person__organisation"
    ):
        m = a.meeting
        if m.forum_id == forum.pk and m.status == "held" and local_year(m.starts_at) == YEAR:
            org = (a.mandate and a.mandate.organisation) or a.person.organisation
            attendances[(org.name if org else "Ingen organisation", a.status)] += 1
    for (org, status), n in attendances.items():
        figures[("attendance", org, status)] = n
    outcomes = Counter(
        d.outcome
        for d in Decision.objects.select_related("agenda_item__meeting")
        if d.agenda_item.meeting.forum_id == forum.pk
        and local_year(d.agenda_item.meeting.starts_at) == YEAR
    )
    for outcome in Decision.Outcome:
        figures[("decisions", outcome.label)] = outcomes[outcome.value]
    steps = Counter()
    ids = {f.pk for f in scope}
    tier = {f.pk: f.tier for f in forums}
    seen = set()
    for e in CaseEvent.objects.all():
        at_forum = e.from_forum_id or e.to_forum_id
        if e.kind in ("raised", "escalated", "decided", "feedback_given") and at_forum in ids:
            if local_year(e.at) == YEAR and (e.kind, at_forum, e.case_id) not in seen:
                seen.add((e.kind, at_forum, e.case_id))
                steps[(Forum.Tier(tier[at_forum]).label, e.kind)] += 1
    for t in {f.tier for f in scope}:
        label = Forum.Tier(t).label
        figures[("cases", label)] = [
            steps[(label, k)] for k in ("raised", "escalated", "decided", "feedback_given")
        ]
    hosted = Counter(
        m.host_organisation.name
        for m in meetings
        if m.forum_id == forum.pk and m.status == "held" and m.host_organisation
    )
    for name, n in hosted.items():
        figures[("hosting", name)] = n
    return figures


STATUS_COLUMN = {"present": 0, "deputy": 1, "absent": 2}


def computed_figures(forum):
    sections = {s.key: s for s in forum_year(forum, YEAR)}
    figures = {}
    for row in sections["meetings"].tables[0].rows:
        figures[("meetings", row.label.text)] = [row.cells[0].value, row.cells[3].value]
    for row in sections["attendance"].tables[0].rows:
        for status, i in STATUS_COLUMN.items():
            if row.cells[i].value:
                figures[("attendance", row.label.text, status)] = row.cells[i].value
    for row in sections["decisions"].tables[0].rows[:-1]:
        figures[("decisions", row.label.text)] = row.cells[0].value
    for row in sections["cases"].tables[0].rows:
        figures[("cases", row.label.text)] = [c.value for c in row.cells[:4]]
    for row in sections["hosting"].tables[0].rows:
        if row.label.text != "Ingen värd angiven" and row.cells[-2].value:
            figures[("hosting", row.label.text)] = row.cells[-2].value
    return figures


def test_forum_year_agrees_with_the_rows_for_every_demo_structure(demo):
    structures = list(Structure.objects.all())
    assert len(structures) >= 4
    checked = 0
    for structure in structures:
        forums = list(Forum.objects.filter(structure=structure))
        for forum in forums:
            assert computed_figures(forum) == expected_figures(forum, forums), forum.name
            checked += 1
        # The follow-up counts the same meetings per forum.
        follow_up = {s.key: s for s in structure_sections(structure, YEAR)}
        held = {r.label.text: r.cells[0].value for r in follow_up["meetings"].tables[0].rows}
        for forum in forums:
            assert held[forum.name] == sum(
                m.status == "held" and local_year(m.starts_at) == YEAR for m in forum.meetings.all()
            )
    assert checked > 8
    # The demo has something to count: held meetings with hosts and attendance.
    assert Meeting.objects.filter(status="held", host_organisation__isnull=False).exists()
