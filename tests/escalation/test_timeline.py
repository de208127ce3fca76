"""The case's one timeline: events and field changes merged in order, readable, keyset-paged."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from escalation import services
from escalation.models import Case, CaseEvent
from escalation.timeline import CHANGE, EVENT, case_timeline
from kernel.history import save_with_history
from tests.escalation.factories import escalated_case
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

Kind = CaseEvent.Kind


def _all_entries(case, page_size):
    entries, cursor, pages = [], None, 0
    while True:
        page = case_timeline(case, cursor=cursor, page_size=page_size)
        entries += page.entries
        pages += 1
        if page.next_cursor is None:
            return entries, pages
        cursor = page.next_cursor


def test_each_step_is_one_entry_with_its_field_changes(case, operative_chair, tactical_forum):
    case = services.case_start_preparation(actor=operative_chair, case=case, note="Vi bereder")
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    with translation.override("en"):
        entries = case_timeline(case).entries
    assert [entry.event.kind for entry in entries] == [
        Kind.RAISED,
        Kind.STATUS_CHANGED,
        Kind.ESCALATED,
    ]
    raised, preparation, escalation = entries
    assert raised.actor == case.raised_by and raised.changes == []
    assert preparation.reason == "Vi bereder"
    assert {(c.label, c.old, c.new) for c in preparation.changes} == {
        ("Status", "Open", "In preparation"),
        ("Prepared by", "–", str(operative_chair)),
    }
    assert escalation.text == "Escalated from Arbetsgruppen to Samordningsgruppen"
    assert escalation.actor == operative_chair and escalation.reason == "Berör fler"
    changes = {c.label: (c.old, c.new) for c in escalation.changes}
    assert changes["Now at"] == ("Arbetsgruppen", "Samordningsgruppen")
    assert changes["Status"] == ("In preparation", "Open")
    assert "Version" not in changes and "Status changed" not in changes  # bookkeeping


def test_changes_made_outside_the_services_are_entries_of_their_own(case, secretariat_user):
    case.title = "Ny titel"
    save_with_history(case, actor=secretariat_user, reason="admin")
    with translation.override("en"):
        entries = case_timeline(case).entries
    assert [entry.source for entry in entries] == [EVENT, CHANGE]
    change = entries[1]
    assert change.actor == secretariat_user and change.text == "Case changed"
    assert [(c.label, c.old, c.new) for c in change.changes] == [
        ("Title", "Gemensam rutin för läkemedel", "Ny titel")
    ]


def test_a_case_without_a_raised_event_shows_its_creation(representative_user, operative_forum):
    case = Case(
        reference="SAM-2026-0500",
        title="Importerat",
        origin_forum=operative_forum,
        current_forum=operative_forum,
        raised_by=representative_user,
    )
    save_with_history(case, actor=representative_user, reason="import")
    with translation.override("en"):
        entries = case_timeline(case).entries
    assert [entry.text for entry in entries] == ["Case created"]


def test_demo_style_cases_show_their_events(representative_user, operative_forum):
    case = escalated_case(operative_forum, raised_by=representative_user)
    kinds = [entry.event.kind for entry in case_timeline(case).entries]
    assert kinds == [Kind.RAISED, Kind.ESCALATED]


def test_events_and_changes_merge_in_time_order(case, operative_chair, secretariat_user):
    case = services.case_start_preparation(actor=operative_chair, case=case)
    case.title = "Ändrad"
    save_with_history(case, actor=secretariat_user, reason="admin")
    case = services.case_schedule(actor=operative_chair, case=case)
    entries = case_timeline(case).entries
    assert [(entry.source, entry.event.kind if entry.event else None) for entry in entries] == [
        (EVENT, Kind.RAISED),
        (EVENT, Kind.STATUS_CHANGED),
        (CHANGE, None),
        (EVENT, Kind.SCHEDULED),
    ]
    times = [(entry.at, entry.source, entry.id) for entry in entries]
    assert times == sorted(times)


def test_keyset_paging_covers_a_long_history_exactly_once(case, operative_chair, secretariat_user):
    for number in range(30):
        fresh = Case.objects.get(pk=case.pk)
        if fresh.status in (Case.Status.OPEN, Case.Status.REFERRED_BACK):
            services.case_start_preparation(actor=operative_chair, case=fresh)
        elif fresh.status == Case.Status.IN_PREPARATION:
            services.case_schedule(actor=operative_chair, case=fresh)
        else:
            services.case_refer_back(actor=operative_chair, case=fresh, reason=f"Varv {number}")
        if number % 7 == 0:
            fresh = Case.objects.get(pk=case.pk)
            fresh.description = f"Version {number}"
            save_with_history(fresh, actor=secretariat_user, reason="admin")
    whole = case_timeline(case, page_size=1000).entries
    paged, pages = _all_entries(case, page_size=4)
    assert [entry.cursor for entry in paged] == [entry.cursor for entry in whole]
    assert len(whole) == 31 + 5  # the events and the changes made outside the services
    assert pages == (len(whole) + 3) // 4


def test_entries_at_the_same_instant_are_not_lost_between_pages(case, operative_chair):
    """Keyset on (time, source, id): equal times do not drop or repeat entries."""
    moment = case.created_at
    for _ in range(5):
        CaseEvent.objects.create(
            case=case, kind=Kind.STATUS_CHANGED, actor=operative_chair, at=moment
        )
    whole = case_timeline(case, page_size=100).entries
    paged, _ = _all_entries(case, page_size=2)
    assert [entry.cursor for entry in paged] == [entry.cursor for entry in whole]
    assert len(whole) == 6


@pytest.mark.parametrize("cursor", ["", "x", "1.2.3", "99999999999999999999999.0.1", "1.0"])
def test_a_damaged_cursor_starts_from_the_beginning(case, cursor):
    assert case_timeline(case, cursor=cursor).entries[0].event.kind == Kind.RAISED


def test_a_page_costs_the_same_queries_however_long_the_history(case, operative_chair):
    def grow(count):
        for _ in range(count):
            fresh = Case.objects.get(pk=case.pk)
            if fresh.status == Case.Status.IN_PREPARATION:
                services.case_schedule(actor=operative_chair, case=fresh)
            elif fresh.status == Case.Status.SCHEDULED:
                services.case_refer_back(actor=operative_chair, case=fresh, reason="Om")
            else:
                services.case_start_preparation(actor=operative_chair, case=fresh)

    grow(5)
    few, _ = count_queries(lambda: case_timeline(case, page_size=10))
    grow(60)
    many, page = count_queries(lambda: case_timeline(case, page_size=10))
    later, _ = count_queries(lambda: case_timeline(case, cursor=page.next_cursor, page_size=10))
    assert few == many == later


def test_the_history_page_offers_nothing_to_edit(client, case, operative_chair):
    services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    client.force_login(case.raised_by)
    response = client.get(reverse("escalation:case_history", args=[case.reference]))
    assert response.status_code == 200
    assert "<form" not in response.text.split('id="main"')[1]
    assert (
        "<textarea" not in response.text
        and 'type="submit"' not in response.text.split('id="main"')[1]
    )


def test_the_history_page_pages_on(client, case, operative_chair):
    for _ in range(30):
        CaseEvent.objects.create(
            case=case,
            kind=Kind.ATTACHMENT_ADDED,
            actor=operative_chair,
            at=case.created_at + datetime.timedelta(minutes=1),
        )
    client.force_login(case.raised_by)
    url = reverse("escalation:case_history", args=[case.reference])
    first = client.get(url)
    cursor = first.context["timeline"].next_cursor
    assert cursor and f"?efter={cursor}" in first.text
    second = client.get(url, {"efter": cursor})
    assert len(second.context["timeline"].entries) == 31 - 25
    assert second.context["timeline"].next_cursor is None
