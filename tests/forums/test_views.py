"""Views of the secretariat's workspace: forms, errors next to fields, lists, query counts."""

import datetime
import re

import pytest
from django.urls import reverse

from forums import services
from forums.models import AssignmentItem, CharterVersion, Forum, Organisation, Seat
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync
from tests.clock import FROZEN_DAY
from tests.factories import (
    ForumFactory,
    MandateFactory,
    OrganisationFactory,
    SeatFactory,
    StructureFactory,
    UserFactory,
)
from tests.querycount import assert_same_query_count

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def field_error(response, field):
    """The error text crispy shows next to a field, or None."""
    html = response.content.decode()
    match = re.search(
        rf'<(?:span|p|div) id="error_1_id_{re.escape(field)}"[^>]*>(.*?)</(?:span|p|div)>',
        html,
        re.S,
    )
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else None


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


def test_a_reader_of_a_public_forum_sees_no_members(outsider_user, operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    html = client_for(outsider_user).get(operative_forum.get_absolute_url()).content.decode()
    assert 'id="composition-heading"' not in html
    assert 'id="members-heading"' not in html


# --- Structures, parties, organisations ----------------------------------------------------------


def test_secretariat_adds_people_by_username_or_email(secretariat_client, structure, outsider_user):
    url = reverse("forums:structure_secretariat", kwargs={"slug": structure.slug})
    me = structure.secretariat_staff.get()
    response = secretariat_client.post(url, {"staff": [me.pk], "add": outsider_user.email})
    assert response.status_code == 302
    assert set(structure.secretariat_staff.all()) == {me, outsider_user}
    response = secretariat_client.post(url, {"staff": [me.pk], "add": "finns-inte"})
    assert "finns-inte" in field_error(response, "add")


def test_the_last_secretariat_member_cannot_leave(secretariat_client, structure):
    url = reverse("forums:structure_secretariat", kwargs={"slug": structure.slug})
    response = secretariat_client.post(url, {"add": ""})
    assert response.status_code == 200
    assert structure.secretariat_staff.count() == 1


def test_party_and_organisation_forms(secretariat_client, structure):
    response = secretariat_client.post(
        reverse("forums:party_create", kwargs={"slug": structure.slug}),
        {"name": "Kommunerna", "short_name": "K"},
    )
    assert response.status_code == 302
    party = structure.parties.get(name="Kommunerna")
    response = secretariat_client.post(
        reverse("forums:organisation_create"),
        {
            "name": "Göteborgsregionen",
            "kind": Organisation.Kind.MUNICIPAL_ASSOCIATION,
            "parties": [party.pk],
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Göteborgsregionen").parties.get() == party
    duplicate = secretariat_client.post(
        reverse("forums:party_create", kwargs={"slug": structure.slug}), {"name": "kommunerna"}
    )
    assert field_error(duplicate, "name")


def test_organisation_keeps_parties_of_structures_the_editor_does_not_run(
    secretariat_client, parties, other_structure
):
    foreign = other_structure.parties.create(name="Främmande part")
    organisation = OrganisationFactory(parties=[foreign])
    response = secretariat_client.post(
        reverse("forums:organisation_update", kwargs={"pk": organisation.pk}),
        {"name": organisation.name, "kind": organisation.kind, "parties": [parties[0].pk]},
    )
    assert response.status_code == 302
    assert set(organisation.parties.all()) == {foreign, parties[0]}


def test_archive_and_restore_through_the_pages(secretariat_client, structure):
    archive = reverse("forums:structure_archive", kwargs={"slug": structure.slug})
    assert secretariat_client.post(archive).status_code == 302
    structure.refresh_from_db()
    assert structure.archived_at is not None
    listing = secretariat_client.get(reverse("forums:structure_list")).content.decode()
    assert structure.name not in listing
    listing = secretariat_client.get(reverse("forums:structure_list"), {"archived": "on"})
    assert structure.name in listing.content.decode()
    secretariat_client.post(reverse("forums:structure_restore", kwargs={"slug": structure.slug}))
    structure.refresh_from_db()
    assert structure.archived_at is None


def test_archiving_an_organisation_with_seats_shows_a_message(secretariat_client, strategic_forum):
    seat = SeatFactory(forum=strategic_forum)
    url = reverse("forums:organisation_archive", kwargs={"pk": seat.organisation_id})
    response = secretariat_client.post(url, follow=True)
    assert strategic_forum.name in response.content.decode()
    seat.organisation.refresh_from_db()
    assert seat.organisation.archived_at is None


def test_structure_page_has_map_and_list(secretariat_client, structure, operative_forum):
    html = secretariat_client.get(
        reverse("forums:structure_detail", kwargs={"slug": structure.slug})
    ).content.decode()
    assert "<svg" in html
    tree = html[html.index('id="tree-heading"') :]
    for forum in Forum.objects.filter(structure=structure):
        assert f'href="{forum.get_absolute_url()}"' in tree


def test_a_representative_sees_only_their_forums_on_the_map(
    representative_user, structure, operative_forum, tactical_forum
):
    html = (
        client_for(representative_user)
        .get(reverse("forums:structure_detail", kwargs={"slug": structure.slug}))
        .content.decode()
    )
    assert operative_forum.get_absolute_url() in html
    assert tactical_forum.get_absolute_url() not in html


# --- Lists: search, filter, pagination, query counts --------------------------------------------


def test_forum_list_search_and_filters(secretariat_client, operative_forum, tactical_forum):
    url = reverse("forums:forum_list")

    def names(**params):
        html = secretariat_client.get(url, params).content.decode()
        return set(re.findall(r'<td[^>]*><a href="/forum/[^"]+">([^<]+)</a></td>', html))

    assert names() == {"Styrgruppen", "Samordningsgruppen", "Arbetsgruppen"}
    assert names(q="arbets") == {"Arbetsgruppen"}
    assert names(tier=Forum.Tier.TACTICAL) == {"Samordningsgruppen"}
    assert names(structure="testpartnerskapet", kind="steering_group") == {
        "Styrgruppen",
        "Samordningsgruppen",
        "Arbetsgruppen",
    }
    Forum.objects.filter(pk=operative_forum.pk).update(
        active_from=FROZEN_DAY - datetime.timedelta(days=10),
        active_to=FROZEN_DAY - datetime.timedelta(days=1),
    )
    assert names(status="wound_down") == {"Arbetsgruppen"}
    assert "Arbetsgruppen" not in names(status="active")


def test_forum_list_paginates(secretariat_client, structure):
    for i in range(30):
        ForumFactory(structure=structure, name=f"Grupp {i:02d}")
    first = secretariat_client.get(reverse("forums:forum_list")).content.decode()
    second = secretariat_client.get(reverse("forums:forum_list"), {"page": 2}).content.decode()
    assert "Grupp 00" in first and "Grupp 29" not in first
    assert "Grupp 29" in second
    assert 'rel="next"' in first


def _grow_forums(structure):
    def grow(n):
        for _ in range(n):
            parent = ForumFactory(structure=structure, tier=Forum.Tier.TACTICAL, escalates_to=None)
            ForumFactory(structure=structure, tier=Forum.Tier.OPERATIVE, escalates_to=parent)

    return grow


def test_forum_list_same_queries_at_5_and_50_forums(secretariat_client, structure):
    assert_same_query_count(
        secretariat_client,
        reverse("forums:forum_list"),
        _grow_forums(structure),
        queries=6,
        marker="Forum ",
        per_row=5,
        small=2,
        large=10,
    )


def test_forum_list_same_queries_for_a_representative(representative_user, operative_forum):
    def grow(n):
        for _ in range(n):
            forum = ForumFactory(structure=operative_forum.structure)
            MandateFactory(forum=forum, person=representative_user)
            forum_permissions_sync(person=representative_user, forum=forum)

    assert_same_query_count(
        client_for(representative_user),
        reverse("forums:forum_list"),
        grow,
        queries=6,
        marker="Forum ",
        per_row=1,
        small=2,
        large=15,
    )


def test_structure_list_same_queries_at_5_and_50(secretariat_client, secretariat_user):
    def grow(n):
        for _ in range(n):
            structure = StructureFactory(secretariat_staff=[secretariat_user])
            structure_secretariat_sync(structure=structure)
            ForumFactory(structure=structure)

    assert_same_query_count(
        secretariat_client,
        reverse("forums:structure_list"),
        grow,
        queries=6,
        marker="Structure ",
        per_row=1,
        small=2,
        large=15,
    )


def test_organisation_list_same_queries_at_5_and_50(secretariat_client, parties):
    def grow(n):
        for _ in range(n):
            OrganisationFactory(parties=list(parties))

    assert_same_query_count(
        secretariat_client,
        reverse("forums:organisation_list"),
        grow,
        queries=7,
        marker="Organisation ",
        per_row=3,
        small=2,
        large=15,
    )


def test_structure_page_same_queries_at_5_and_50_forums(secretariat_client, structure):
    url = reverse("forums:structure_detail", kwargs={"slug": structure.slug})
    assert_same_query_count(
        secretariat_client, url, _grow_forums(structure), queries=10, marker="Forum ", per_row=10
    )


def test_forum_page_same_queries_at_5_and_50_members(secretariat_client, operative_forum, parties):
    def grow(n):
        for _ in range(n):
            organisation = OrganisationFactory(parties=[parties[0]])
            SeatFactory(forum=operative_forum, organisation=organisation)
            MandateFactory(forum=operative_forum, organisation=organisation)
            MandateFactory(
                forum=operative_forum,
                organisation=OrganisationFactory(),
                role=Mandate.Role.DEPUTY,
                person=UserFactory(),
            )

    SeatFactory(forum=operative_forum, organisation=None, party=parties[1], count=2)
    assert_same_query_count(
        secretariat_client,
        operative_forum.get_absolute_url(),
        grow,
        queries=14,
        marker="Organisation ",
        per_row=3,
    )


def test_public_list_same_queries_at_5_and_50(client, structure):
    def grow(n):
        for _ in range(n):
            ForumFactory(structure=StructureFactory(), is_public=True)

    assert_same_query_count(
        client, reverse("public_forums:forum_list"), grow, queries=1, marker="Forum ", per_row=1
    )


def test_work_links_are_offered_only_to_those_who_may_follow_them(
    client, operative_forum, representative_user, outsider_user
):
    operative_forum.is_public = True
    operative_forum.save()
    url = operative_forum.get_absolute_url()

    client.force_login(representative_user)
    assert 'id="forum-meetings-link"' in client.get(url).text

    client.force_login(outsider_user)  # may read the public forum, not its meetings
    response = client.get(url)
    assert response.status_code == 200
    assert 'id="forum-meetings-link"' not in response.text
