"""Structures and forums in Chromium: the secretariat sets up an operative forum and finds it on
the map; every new page passes axe (WCAG 2.1 AA).

The browser runs in Swedish. The forums pages' own strings may not be translated yet, so
elements are found by id, address or a pattern that matches both languages.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forums import services
from forums.models import Forum
from mandates.models import Mandate
from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVE = re.compile("Save|Spara")


def test_secretariat_sets_up_an_operative_forum_and_finds_it_on_the_map(
    page, structure, tactical_forum, secretariat_user
):
    organisation = OrganisationFactory(name="Region Östergötland")
    log_in(page, secretariat_user.username, PASSWORD)

    page.goto(reverse("forums:structure_detail", kwargs={"slug": structure.slug}))
    page.locator(f'a[href="{reverse("forums:forum_create", args=[structure.slug])}"]').first.click()

    page.locator("#id_name").fill("Läkemedelsgruppen")
    page.locator("#id_kind").select_option("working_group")
    page.locator("#id_tier").select_option(str(Forum.Tier.OPERATIVE))
    page.locator("#id_escalates_to").select_option(str(tactical_forum.pk))
    page.locator("#id_appointed_by").select_option(str(tactical_forum.pk))
    page.locator("#id_is_temporary").check()
    page.locator("#id_active_from").fill("2026-01-01")
    page.get_by_role("button", name=SAVE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Läkemedelsgruppen")
    forum = Forum.objects.get(name="Läkemedelsgruppen")
    assert forum.escalates_to == tactical_forum
    expect(page).to_have_url(forum.get_absolute_url())

    # The charter: purpose and one general and one specific assignment.
    page.locator(f'a[href="{reverse("forums:charter_update", args=[forum.slug])}"]').click()
    page.locator("#id_purpose").fill("Samordna läkemedelsfrågor i regionen.")
    page.locator("#id_general-0-text").fill("Bereda ärenden om läkemedel.")
    page.locator("#id_general-0-ORDER").fill("1")
    page.locator("#id_specific-0-text").fill("Ta fram en upphandlingsplan.")
    page.locator("#id_specific-0-ORDER").fill("1")
    page.get_by_role("button", name=SAVE).click()
    expect(page).to_have_url(forum.get_absolute_url())
    charter = page.get_by_role("region", name=re.compile("Charter|Uppdrag"))
    expect(charter).to_contain_text("Samordna läkemedelsfrågor i regionen.")
    expect(charter).to_contain_text("Bereda ärenden om läkemedel.")
    expect(charter).to_contain_text("Ta fram en upphandlingsplan.")

    # Seats: two for the region.
    page.locator(f'a[href="{reverse("forums:seat_set", args=[forum.slug])}"]').first.click()
    page.locator("#id_seats-0-organisation").select_option(label=organisation.name)
    page.locator("#id_seats-0-count").fill("2")
    page.get_by_role("button", name=SAVE).click()
    expect(page).to_have_url(forum.get_absolute_url())
    composition = page.locator("table.composition")
    expect(composition).to_contain_text("Region Östergötland")
    assert forum.seats.get().count == 2

    # The structure map has a box linking to the new forum, under the tactical forum.
    page.goto(reverse("forums:structure_detail", kwargs={"slug": structure.slug}))
    box = page.locator("#structure-map a", has_text="Läkemedelsgruppen")
    expect(box).to_be_visible()
    expect(page.locator(f"#map-escalation-{forum.pk}-{tactical_forum.pk}")).to_have_count(1)
    tree_link = page.locator(".structure-tree .structure-tree a", has_text="Läkemedelsgruppen")
    expect(tree_link).to_have_attribute("href", forum.get_absolute_url())
    box.click()
    expect(page).to_have_url(forum.get_absolute_url())


def test_the_map_is_reachable_by_keyboard(page, structure, operative_forum, secretariat_user):
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(reverse("forums:structure_detail", kwargs={"slug": structure.slug}))
    link = page.locator(".structure-tree a", has_text=operative_forum.name)
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(operative_forum.get_absolute_url())


@pytest.fixture
def furnished(structure, parties, operative_forum, secretariat_user, representative_user):
    """A forum with a charter in two versions, seats, members, and a public face."""
    operative_forum.is_public = True
    operative_forum.save()
    services.charter_update(
        actor=secretariat_user,
        forum=operative_forum,
        purpose="Samordna arbetet.",
        general=["Bereda ärenden", "Följa upp"],
        specific=["Handlingsplan"],
    )
    services.charter_update(
        actor=secretariat_user,
        forum=operative_forum,
        purpose="Samordna arbetet i hela regionen.",
        general=["Bereda ärenden", "Rapportera"],
        specific=["Handlingsplan"],
    )
    SeatFactory(forum=operative_forum, organisation=representative_user.organisation, count=2)
    SeatFactory(forum=operative_forum, organisation=None, party=parties[0], count=1)
    MandateFactory(
        forum=operative_forum,
        person=UserFactory(publish_email=True, phone="070-174 06 20", publish_phone=True),
        organisation=OrganisationFactory(),
        role=Mandate.Role.CHAIR,
    )
    return operative_forum


def test_every_forums_page_has_no_accessibility_violations(
    axe_page, furnished, structure, parties, secretariat_user, representative_user
):
    forum = furnished
    organisation = representative_user.organisation
    pages = [
        reverse("forums:forum_list"),
        reverse("forums:forum_list") + "?q=arbets&tier=3",
        reverse("forums:structure_list"),
        reverse("forums:structure_detail", args=[structure.slug]),
        reverse("forums:structure_update", args=[structure.slug]),
        reverse("forums:structure_secretariat", args=[structure.slug]),
        reverse("forums:structure_archive", args=[structure.slug]),
        reverse("forums:forum_create", args=[structure.slug]),
        reverse("forums:party_create", args=[structure.slug]),
        reverse("forums:party_update", args=[parties[0].pk]),
        reverse("forums:organisation_list"),
        reverse("forums:organisation_create"),
        reverse("forums:organisation_update", args=[organisation.pk]),
        forum.get_absolute_url(),
        forum.get_absolute_url() + "?jamfor=1#charter-changes",
        reverse("forums:forum_update", args=[forum.slug]),
        reverse("forums:charter_update", args=[forum.slug]),
        reverse("forums:seat_set", args=[forum.slug]),
        reverse("forums:forum_wind_down", args=[forum.slug]),
    ]
    log_in(axe_page, secretariat_user.username, PASSWORD)
    for url in pages:
        axe_page.goto(url)
        expect(axe_page.get_by_role("heading", level=1)).to_have_count(1)
        assert_no_axe_violations(axe_page)


def test_forms_with_errors_have_no_accessibility_violations(
    axe_page, structure, tactical_forum, strategic_forum, operative_forum, secretariat_user
):
    log_in(axe_page, secretariat_user.username, PASSWORD)
    axe_page.goto(reverse("forums:forum_create", args=[structure.slug]))
    axe_page.locator("#id_name").fill("Felgruppen")
    axe_page.locator("#id_tier").select_option(str(Forum.Tier.OPERATIVE))
    axe_page.locator("#id_escalates_to").select_option(str(strategic_forum.pk))
    axe_page.get_by_role("button", name=SAVE).click()
    expect(axe_page.locator("#error_1_id_escalates_to")).to_be_visible()
    assert_no_axe_violations(axe_page)

    organisation = OrganisationFactory()
    axe_page.goto(reverse("forums:seat_set", args=[operative_forum.slug]))
    axe_page.locator("#id_seats-0-organisation").select_option(label=organisation.name)
    axe_page.locator("#id_seats-0-count").fill("-1")
    axe_page.get_by_role("button", name=SAVE).click()
    expect(axe_page.locator("#error_1_id_seats-0-count")).to_be_visible()
    assert_no_axe_violations(axe_page)


def test_public_pages_have_no_accessibility_violations(axe_page, furnished):
    for url in (
        reverse("public_forums:forum_list"),
        reverse("public_forums:forum_detail", args=[furnished.slug]),
    ):
        axe_page.goto(url)
        expect(axe_page.get_by_role("heading", level=1)).to_have_count(1)
        assert_no_axe_violations(axe_page)


def test_representative_pages_have_no_accessibility_violations(
    axe_page, furnished, structure, representative_user
):
    log_in(axe_page, representative_user.username, PASSWORD)
    for url in (
        furnished.get_absolute_url(),
        reverse("forums:structure_detail", args=[structure.slug]),
        reverse("forums:forum_list"),
    ):
        axe_page.goto(url)
        assert_no_axe_violations(axe_page)
