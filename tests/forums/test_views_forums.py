"""Views of a forum in the secretariat's workspace: create, update, charter, seats."""

import datetime
import re

import pytest
from django.urls import reverse

from forums import services
from forums.models import AssignmentItem, CharterVersion, Forum, Seat
from tests.clock import FROZEN_DAY
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory
from tests.forums.view_helpers import field_error

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


FORUM_POST = {
    "name": "Läkemedelsgruppen",
    "tier": Forum.Tier.OPERATIVE,
    "kind": Forum.Kind.WORKING_GROUP,
    "decision_rule": Forum.DecisionRule.CONSENSUS,
    "minutes_approval": Forum.MinutesApproval.CHAIR,
}


# --- Forum create and update ---------------------------------------------------------------------


def test_secretariat_sets_up_an_operative_forum(secretariat_client, structure, tactical_forum):
    url = reverse("forums:forum_create", kwargs={"slug": structure.slug})
    response = secretariat_client.post(
        url,
        {
            **FORUM_POST,
            "escalates_to": tactical_forum.pk,
            "appointed_by": tactical_forum.pk,
            "is_temporary": "on",
            "active_from": "2026-01-01",
            "active_to": "2026-12-31",
            "min_meetings_per_year": 4,
        },
    )
    forum = Forum.objects.get(name="Läkemedelsgruppen")
    assert response.status_code == 302
    assert response["Location"] == forum.get_absolute_url()
    assert (forum.escalates_to, forum.appointed_by, forum.is_temporary) == (
        tactical_forum,
        tactical_forum,
        True,
    )
    assert forum.active_to == datetime.date(2026, 12, 31)


def test_escalation_error_is_shown_next_to_the_field(
    secretariat_client, structure, strategic_forum
):
    url = reverse("forums:forum_create", kwargs={"slug": structure.slug})
    response = secretariat_client.post(url, {**FORUM_POST, "escalates_to": strategic_forum.pk})
    assert response.status_code == 200
    assert "exakt en nivå upp" in field_error(response, "escalates_to")
    assert not Forum.objects.filter(name="Läkemedelsgruppen").exists()


def test_wound_down_before_start_is_shown_next_to_the_field(secretariat_client, structure):
    url = reverse("forums:forum_create", kwargs={"slug": structure.slug})
    response = secretariat_client.post(
        url,
        {
            **FORUM_POST,
            "tier": Forum.Tier.STRATEGIC,
            "active_from": "2026-05-01",
            "active_to": "2026-04-01",
        },
    )
    assert "innan det har startat" in field_error(response, "active_to")
    assert not Forum.objects.filter(name="Läkemedelsgruppen").exists()


def test_appointing_cycle_is_shown_next_to_the_field(
    secretariat_client, strategic_forum, operative_forum
):
    url = reverse("forums:forum_update", kwargs={"slug": strategic_forum.slug})
    response = secretariat_client.post(
        url,
        {
            **FORUM_POST,
            "name": strategic_forum.name,
            "slug": strategic_forum.slug,
            "tier": Forum.Tier.STRATEGIC,
            "appointed_by": operative_forum.pk,
        },
    )
    assert "cirkel" in field_error(response, "appointed_by")
    strategic_forum.refresh_from_db()
    assert strategic_forum.appointed_by is None


def test_forum_update_saves_and_keeps_history(
    secretariat_client, secretariat_user, operative_forum
):
    url = reverse("forums:forum_update", kwargs={"slug": operative_forum.slug})
    form = secretariat_client.get(url)
    assert form.status_code == 200
    response = secretariat_client.post(
        url,
        {
            **FORUM_POST,
            "name": "Arbetsgruppen för läkemedel",
            "slug": operative_forum.slug,
            "escalates_to": operative_forum.escalates_to_id,
            "is_public": "on",
            "quorum": 3,
        },
    )
    assert response.status_code == 302
    operative_forum.refresh_from_db()
    assert (operative_forum.name, operative_forum.is_public, operative_forum.quorum) == (
        "Arbetsgruppen för läkemedel",
        True,
        3,
    )
    assert operative_forum.history.first().history_user == secretariat_user


def test_wind_down_page(secretariat_client, operative_forum):
    url = reverse("forums:forum_wind_down", kwargs={"slug": operative_forum.slug})
    response = secretariat_client.post(url, {"active_to": FROZEN_DAY.isoformat()})
    assert response.status_code == 302
    operative_forum.refresh_from_db()
    assert operative_forum.active_to == FROZEN_DAY


def test_wind_down_refused_while_forums_escalate_here(
    secretariat_client, tactical_forum, operative_forum
):
    url = reverse("forums:forum_wind_down", kwargs={"slug": tactical_forum.slug})
    response = secretariat_client.post(url, {"active_to": FROZEN_DAY.isoformat()})
    assert operative_forum.name in field_error(response, "active_to")


# --- Charter -------------------------------------------------------------------------------------


def charter_post(purpose, general, specific, note="", deleted=()):
    data = {"purpose": purpose, "note": note}
    for prefix, items in (("general", general), ("specific", specific)):
        data[f"{prefix}-TOTAL_FORMS"] = len(items)
        data[f"{prefix}-INITIAL_FORMS"] = 0
        for i, (order, text) in enumerate(items):
            data[f"{prefix}-{i}-text"] = text
            data[f"{prefix}-{i}-ORDER"] = order
            if (prefix, i) in deleted:
                data[f"{prefix}-{i}-DELETE"] = "on"
    return data


def test_charter_form_orders_adds_and_removes_items(
    secretariat_client, secretariat_user, operative_forum
):
    url = reverse("forums:charter_update", kwargs={"slug": operative_forum.slug})
    page = secretariat_client.get(url)
    assert page.status_code == 200
    assert 'name="general-TOTAL_FORMS"' in page.content.decode()
    response = secretariat_client.post(
        url,
        charter_post(
            "Samordna läkemedelsfrågor.",
            general=[(2, "Andra"), (1, "Första"), (3, "Struken"), ("", "")],
            specific=[(1, "Särskild")],
            note="Nytt uppdrag",
            deleted={("general", 2)},
        ),
    )
    assert response.status_code == 302
    items = AssignmentItem.objects.filter(forum=operative_forum).order_by("kind", "order")
    assert [(i.kind, i.text) for i in items] == [
        ("general", "Första"),
        ("general", "Andra"),
        ("specific", "Särskild"),
    ]
    latest = CharterVersion.objects.filter(forum=operative_forum).first()
    assert (latest.created_by, latest.note) == (secretariat_user, "Nytt uppdrag")


def test_forum_page_shows_charter_changes_and_a_diff(
    secretariat_client, secretariat_user, operative_forum
):
    services.charter_update(
        actor=secretariat_user,
        forum=operative_forum,
        purpose="Samordna arbetet i regionen.",
        general=["Bereda ärenden", "Följa upp"],
        specific=[],
    )
    services.charter_update(
        actor=secretariat_user,
        forum=operative_forum,
        purpose="Samordna arbetet i hela landet.",
        general=["Bereda ärenden", "Rapportera"],
        specific=[],
    )
    page = secretariat_client.get(operative_forum.get_absolute_url(), {"jamfor": 2})
    html = page.content.decode()
    assert "Karin Kansli" in html  # changed by
    assert 'id="charter-changes"' in html
    removed = re.findall(r'<del><span class="visually-hidden">[^<]+</span>([^<]*)</del>', html)
    added = re.findall(r'<ins><span class="visually-hidden">[^<]+</span>([^<]*)</ins>', html)
    assert "regionen" in removed and "Följa upp" in removed
    assert "hela landet" in added and "Rapportera" in added


def test_diff_against_the_first_version_and_an_unknown_version(
    secretariat_client, secretariat_user, strategic_forum
):
    strategic_forum.purpose = ""
    strategic_forum.save()
    services.charter_update(
        actor=secretariat_user, forum=strategic_forum, purpose="A", general=[], specific=[]
    )
    services.charter_update(
        actor=secretariat_user, forum=strategic_forum, purpose="B", general=[], specific=[]
    )
    html = secretariat_client.get(strategic_forum.get_absolute_url(), {"jamfor": 1}).content
    assert b"charter-changes" in html
    html = secretariat_client.get(strategic_forum.get_absolute_url(), {"jamfor": 99}).content
    assert b'id="charter-changes"' not in html


# --- Seats ---------------------------------------------------------------------------------------


def seats_post(rows):
    data = {"seats-TOTAL_FORMS": len(rows), "seats-INITIAL_FORMS": 0}
    for i, (organisation, party, count) in enumerate(rows):
        data[f"seats-{i}-organisation"] = organisation.pk if organisation else ""
        data[f"seats-{i}-party"] = party.pk if party else ""
        data[f"seats-{i}-count"] = count
    return data


def test_seats_form_saves_seats(secretariat_client, operative_forum, parties):
    organisation = OrganisationFactory()
    url = reverse("forums:seat_set", kwargs={"slug": operative_forum.slug})
    response = secretariat_client.post(
        url, seats_post([(organisation, None, 5), (None, parties[1], 1), (None, None, "")])
    )
    assert response.status_code == 302
    assert set(Seat.objects.filter(forum=operative_forum).values_list("count", flat=True)) == {5, 1}


def test_negative_seats_are_shown_next_to_the_field(secretariat_client, operative_forum):
    url = reverse("forums:seat_set", kwargs={"slug": operative_forum.slug})
    response = secretariat_client.post(url, seats_post([(OrganisationFactory(), None, -2)]))
    assert response.status_code == 200
    assert "mindre än noll" in field_error(response, "seats-0-count")
    assert not Seat.objects.filter(forum=operative_forum).exists()


def test_a_seat_listed_twice_is_refused(secretariat_client, operative_forum):
    organisation = OrganisationFactory()
    url = reverse("forums:seat_set", kwargs={"slug": operative_forum.slug})
    response = secretariat_client.post(
        url, seats_post([(organisation, None, 1), (organisation, None, 2)])
    )
    assert field_error(response, "seats-1-organisation")
    assert not Seat.objects.filter(forum=operative_forum).exists()


def test_forum_page_shows_the_composition_check(
    secretariat_client, operative_forum, representative_user
):
    SeatFactory(forum=operative_forum, organisation=representative_user.organisation, count=2)
    SeatFactory(forum=operative_forum, organisation=OrganisationFactory(name="Tom region"))
    stray = MandateFactory(forum=operative_forum, organisation=OrganisationFactory(name="Utan"))
    html = secretariat_client.get(operative_forum.get_absolute_url()).content.decode()
    section = html[html.index('id="composition-heading"') :]
    assert "composition-vacant" in section  # 1 of 2 seats held by the representative
    assert "composition-empty" in section and "Tom region" in section
    assert "Utan" in section and stray.person.get_full_name() in section


def test_a_reader_of_a_public_forum_sees_the_public_member_list(
    outsider_user, representative_user, operative_forum
):
    """Not the composition, and the members only as the public page lists them (never less
    than the public page; tests/security/test_personal_data.py has the contact details)."""
    operative_forum.is_public = True
    operative_forum.save()
    html = client_for(outsider_user).get(operative_forum.get_absolute_url()).content.decode()
    assert 'id="composition-heading"' not in html
    assert 'id="members-heading"' in html
    assert representative_user.get_full_name() in html
    assert representative_user.email not in html  # not published
