"""Every save of a meeting and what happens at it confirms what was done (the message is in
the page the user lands on)."""

import datetime

import pytest
from django.contrib.messages import SUCCESS
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import ActionItem, AgendaItem, Meeting
from tests.meetings.factories import agenda_items, started

pytestmark = pytest.mark.django_db


def _confirmed(response):
    """The success messages of the page a save redirected to."""
    assert response.status_code == 200, response.status_code
    assert len(response.redirect_chain) == 1, response.redirect_chain
    return [str(m) for m in response.context["messages"] if m.level == SUCCESS]


def test_planning_and_changing_a_meeting_confirm(client, vg):
    client.force_login(vg.secretary)
    data = {
        "kind": "ordinary",
        "title": "Möte 1",
        "starts_at": "2030-03-04T09:00",
        "ends_at": "2030-03-04T11:00",
        "location": "Vänersborg",
        "online_link": "",
    }
    url = reverse("meetings:meeting_create", args=[vg.group.slug])
    assert _confirmed(client.post(url, data, follow=True)) == [
        "Mötet är planerat. Lägg till punkter på dagordningen och kalla till mötet när den är klar."
    ]
    meeting = Meeting.objects.get()
    data = {**data, "title": "Möte 1 (flyttat)"}
    data.pop("kind")
    edit = reverse("meetings:meeting_edit", args=[meeting.pk])
    assert _confirmed(client.post(edit, data, follow=True)) == [
        "Dina ändringar av mötet är sparade."
    ]
    meeting.refresh_from_db()
    assert meeting.title == "Möte 1 (flyttat)"


def test_cancelling_a_meeting_confirms(client, vg, meeting):
    client.force_login(vg.secretary)
    url = reverse("meetings:meeting_cancel", args=[meeting.pk])
    response = client.post(url, {"reason": "För få kan komma"}, follow=True)
    assert _confirmed(response) == ["Mötet är inställt."]


def test_agenda_saves_confirm(client, vg, meeting):
    client.force_login(vg.secretary)
    add = reverse("meetings:agenda_item_add", args=[meeting.pk])
    response = client.post(add, {"title": "Budget", "kind": "information"}, follow=True)
    assert _confirmed(response) == ["Punkten är tillagd på dagordningen."]
    agenda_items(meeting, 1)
    first, second = AgendaItem.objects.filter(meeting=meeting).order_by("order")
    move = reverse("meetings:agenda_item_move", args=[second.pk, "up"])
    assert _confirmed(client.post(move, follow=True)) == ["Punkten är flyttad."]
    remove = reverse("meetings:agenda_item_remove", args=[first.pk])
    assert _confirmed(client.post(remove, follow=True)) == [
        "Punkten är borttagen från dagordningen."
    ]


def test_action_items_confirm(client, vg, meeting):
    client.force_login(vg.secretary)
    add = reverse("meetings:action_item_add", args=[meeting.pk])
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    data = {"title": "Ta fram underlag", "assignee": vg.vgr_member.pk, "due_date": due}
    assert _confirmed(client.post(add, data, follow=True)) == ["Åtgärden är tillagd."]
    item = ActionItem.objects.get()
    client.force_login(vg.vgr_member)
    done = reverse("meetings:action_item_done", args=[item.pk])
    assert _confirmed(client.post(done, follow=True)) == ["Åtgärden är markerad som klar."]


def test_attendance_decision_and_minutes_confirm(client, vg, meeting):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    (item,) = agenda_items(meeting, 1, kind="decision")
    client.force_login(vg.secretary)
    attendance = reverse("meetings:attendance_edit", args=[meeting.pk])
    response = client.post(attendance, {f"status_{vg.chair.pk}": "present"}, follow=True)
    assert _confirmed(response) == ["Närvaron är sparad."]
    decision = reverse("meetings:decision_record", args=[item.pk])
    response = client.post(
        decision, {"outcome": "referred_back", "text": "Mer underlag"}, follow=True
    )
    assert _confirmed(response) == ["Beslutet är antecknat."]
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    create = reverse("meetings:minutes_create", args=[meeting.pk])
    response = client.post(create, follow=True)
    assert _confirmed(response) == ["Ett utkast är påbörjat: skriv protokollet och spara det."]
    edit = response.redirect_chain[0][0]
    response = client.post(edit, {"body": "Protokoll"}, follow=True)
    assert _confirmed(response) == ["Protokollet är sparat."]
