"""Browser journeys of the mandates app, in Swedish; every new page passes axe.

Elements are found by id or name, since new strings are translated at the end.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from forums.models import Forum
from mandates import services
from mandates.models import Mandate
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import MandateFactory, OrganisationFactory, SeatFactory, UserFactory
from tests.mandates.factories import csv_upload, pdf_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw"
NEW_PASSWORD = "Ordförande-lösen-2026"
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def test_the_secretariat_registers_a_chair_who_logs_in_and_sees_the_forum(
    page, browser, live_server, secretariat_user, strategic_forum, mailoutbox
):
    region = OrganisationFactory(name="Region Kalmar län")
    log_in(page, "kansli", PASSWORD)

    page.goto(reverse("mandates:mandate_list"))
    page.locator("#register-person").click()
    page.locator("#id_first_name").fill("Nina")
    page.locator("#id_last_name").fill("Nyberg")
    page.locator("#id_email").fill("nina.nyberg@example.se")
    page.locator("#id_title").fill("Regiondirektör")
    page.locator("#id_organisation").select_option(label="Region Kalmar län")
    expect(page.locator("#id_invite")).to_be_checked()
    page.locator("#save-person").click()
    expect(page).to_have_url(re.compile(r"/personer/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nina Nyberg")

    page.locator("#id_forum").select_option(value=strategic_forum.slug)
    page.locator("#give-mandate").click()
    expect(page).to_have_url(re.compile(rf"/mandat/forum/{strategic_forum.slug}/ny/\?person="))
    page.locator("#id_role").select_option(value="chair")
    page.locator("#id_valid_to").fill((TODAY + 365 * DAY).isoformat())
    page.locator("#id_activate").check()
    page.locator("#id_reason").fill("Beslut i styrgruppen")
    page.locator("#save-mandate").click()
    expect(page.locator("#mandate-status")).to_have_attribute("data-status", "active")
    mandate = Mandate.objects.get(person__email="nina.nyberg@example.se")
    assert (mandate.role, mandate.organisation) == (Mandate.Role.CHAIR, region)

    # The new chair follows the link in the invitation and sets a password.
    assert len(mailoutbox) == 1
    link = re.search(r"http://\S+/personer/inbjudan/\S+/", mailoutbox[0].body).group(0)
    context = browser.new_context(locale="sv-SE", base_url=live_server.url)
    chair_page = context.new_page()
    try:
        chair_page.goto(link)
        chair_page.locator("#id_new_password1").fill(NEW_PASSWORD)
        chair_page.locator("#id_new_password2").fill(NEW_PASSWORD)
        chair_page.locator("#set-password").click()
        expect(chair_page).to_have_url(re.compile(r"/konto/login/"))

        log_in(chair_page, "nina.nyberg@example.se", NEW_PASSWORD)
        forums = chair_page.locator("#forums")
        expect(forums).to_contain_text(strategic_forum.name)
        mandates = chair_page.locator("#mandates")
        expect(mandates).to_contain_text(strategic_forum.name)
        expect(mandates.locator("tbody tr")).to_have_count(1)

        # The link works once.
        chair_page.context.clear_cookies()
        chair_page.goto(link)
        expect(chair_page.locator("#invitation-invalid")).to_be_visible()
    finally:
        context.close()


@pytest.fixture
def pages(
    structure, strategic_forum, tactical_forum, operative_forum, secretariat_user, chair_user,
    representative_user, parties,
):  # fmt: skip
    """Data so that every new page has something to show, and the URLs of the pages."""
    regions, agencies = parties
    region = OrganisationFactory(name="Region Östergötland", parties=[regions])
    agency = OrganisationFactory(name="Socialstyrelsen", parties=[agencies])
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    strategic_forum.save()
    SeatFactory(forum=strategic_forum, organisation=region, count=2)
    SeatFactory(forum=strategic_forum, organisation=None, party=agencies, count=2)
    chair = MandateFactory(forum=strategic_forum, role=Mandate.Role.CHAIR, organisation=region,
                           valid_from=TODAY - 400 * DAY, document=pdf_upload())  # fmt: skip
    proposed = MandateFactory(forum=strategic_forum, organisation=agency,
                              status=Mandate.Status.PROPOSED)  # fmt: skip
    mandate_import = services.mandate_import_create(
        actor=secretariat_user,
        structure=structure,
        file=csv_upload(
            "email;first_name;last_name;organisation;forum;role;valid_from\n"
            f"ny@example.se;Ny;Person;Socialstyrelsen;Styrgruppen;member;{TODAY}\n"
            f"fel@example.se;Fel;Person;Okänd;Styrgruppen;member;{TODAY}\n"
        ),
    )
    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)
    invited = UserFactory(username="inbjuden", email="inbjuden@example.se", password=None)
    invited.set_unusable_password()
    invited.save()
    return {
        "mandate_list": reverse("mandates:mandate_list"),
        "mandate_list_filtered": reverse("mandates:mandate_list") + "?role=chair&q=a",
        "forum_mandates": reverse("mandates:forum_mandates", args=[strategic_forum.slug]),
        "mandate_detail": reverse("mandates:mandate_detail", args=[chair.pk]),
        "mandate_create": reverse("mandates:mandate_create", args=[strategic_forum.slug]),
        "mandate_update": reverse("mandates:mandate_update", args=[chair.pk]),
        "mandate_activate": reverse("mandates:mandate_activate", args=[proposed.pk]),
        "mandate_end": reverse("mandates:mandate_end", args=[chair.pk]),
        "mandate_revoke": reverse("mandates:mandate_revoke", args=[chair.pk]),
        "choose_forum": reverse("mandates:mandate_create_choose"),
        "rotation": reverse("mandates:rotation", args=[strategic_forum.slug]),
        "compliance": reverse("mandates:compliance", args=[structure.slug]),
        "import_form": reverse("mandates:import_create", args=[structure.slug]),
        "import_detail": reverse("mandates:import_detail", args=[mandate_import.pk]),
        "person_list": reverse("people:person_list"),
        "person_detail": reverse("people:person_detail", args=[invited.pk]),
        "person_create": reverse("people:person_create"),
        "person_update": reverse("people:person_update", args=[invited.pk]),
    }


def test_every_new_page_has_no_accessibility_violations(axe_page, pages):
    log_in(axe_page, "kansli", PASSWORD)
    for name, url in pages.items():
        response = axe_page.goto(url)
        assert response.status == 200, (name, response.status)
        expect(axe_page.get_by_role("heading", level=1)).to_have_count(1)
        assert_no_axe_violations(axe_page)


def test_a_form_with_errors_has_no_accessibility_violations(axe_page, pages):
    log_in(axe_page, "kansli", PASSWORD)
    axe_page.goto(pages["mandate_create"])
    axe_page.locator("#save-mandate").click()
    expect(axe_page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_axe_violations(axe_page)


def test_the_chairs_dashboard_and_forum_page_have_no_violations(axe_page, pages, tactical_forum):
    log_in(axe_page, "ordf", PASSWORD)
    expect(axe_page.locator("#mandates")).to_contain_text(tactical_forum.name)
    assert_no_axe_violations(axe_page)
    axe_page.goto(reverse("mandates:forum_mandates", args=[tactical_forum.slug]))
    assert_no_axe_violations(axe_page)


def test_the_invitation_page_has_no_violations(axe_page, live_server, secretariat_user, mailoutbox):
    person = services.person_register(
        actor=secretariat_user, first_name="Ina", last_name="Inbjuden", email="ina@example.se"
    )
    services.person_invite(actor=secretariat_user, person=person, base_url=live_server.url)
    link = re.search(r"http://\S+/personer/inbjudan/\S+/", mailoutbox[0].body).group(0)
    axe_page.goto(link)
    expect(axe_page.locator("#set-password-form")).to_be_visible()
    assert_no_axe_violations(axe_page)
    axe_page.goto(reverse("people:invitation_accept", args=["MQ", "fel-token"]))
    expect(axe_page.locator("#invitation-invalid")).to_be_visible()
    assert_no_axe_violations(axe_page)
