"""Inputs that gave a 500: a meeting in year 1, removing an agenda item that has a decision.
Each is refused with a Swedish message and nothing is saved."""

import pytest
from django.urls import reverse

from kernel.errors import DomainError
from meetings import services
from meetings.models import AgendaItem, Decision, Meeting
from tests.factories import AgendaItemFactory, DecisionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [
        ("0001-01-01T09:00", "0001-01-01T11:00"),
        ("9999-12-31T22:00", "9999-12-31T23:30"),
        ("2030-03-04T09:00", "9999-12-31T23:59"),
    ],
)
def test_a_meeting_at_the_edge_of_the_calendar_is_refused_with_a_message(
    client, vg, starts_at, ends_at
):
    client.force_login(vg.secretary)
    response = client.post(
        reverse("meetings:meeting_create", args=[vg.group.slug]),
        {"kind": "ordinary", "title": "Möte", "starts_at": starts_at, "ends_at": ends_at},
    )
    assert response.status_code == 200
    assert "Ange en tidpunkt mellan år" in response.content.decode()
    assert not Meeting.objects.exists()


def test_moving_a_meeting_to_year_one_is_refused_with_a_message(client, vg, meeting):
    client.force_login(vg.secretary)
    before = meeting.history.count()
    response = client.post(
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        {"title": "Möte", "starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T01:00"},
    )
    assert response.status_code == 200
    assert "Ange en tidpunkt mellan år" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.starts_at.year > 2000 and meeting.history.count() == before


def test_an_agenda_item_with_a_decision_cannot_be_removed(client, vg, meeting):
    item = AgendaItemFactory(meeting=meeting, kind=AgendaItem.Kind.DECISION)
    DecisionFactory(agenda_item=item, recorded_by=vg.secretary)
    client.force_login(vg.secretary)
    response = client.post(reverse("meetings:agenda_item_remove", args=[item.pk]), follow=True)
    assert response.status_code == 200
    assert "har ett beslut" in response.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists() and Decision.objects.count() == 1
    with pytest.raises(DomainError):
        services.agenda_item_remove(actor=vg.secretary, item=item)


def test_a_nul_in_the_posted_forum_of_a_calendar_feed_is_a_404(client, vg):
    client.force_login(vg.secretary)
    response = client.post(reverse("meetings:calendar_feeds"), {"forum": "a\x00b"})
    assert response.status_code == 404
