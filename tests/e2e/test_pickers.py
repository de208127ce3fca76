"""Searchable pickers in the browser (issue 12, item 5): typing a few letters narrows the
select, the keyboard chooses, the form saves what was chosen; axe finds nothing."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from escalation.models import Case
from mandates.models import Mandate
from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretariat_types_a_few_letters_and_chooses_a_person(
    axe_page, secretariat_user, operative_forum
):
    page = axe_page
    for number in range(30):
        UserFactory(first_name=f"Person{number}", last_name="Andersson")
    region = OrganisationFactory(name="Region Halland")
    wanted = UserFactory(first_name="Zelda", last_name="Zetterlund", organisation=region)
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(reverse("mandates:mandate_create", kwargs={"slug": operative_forum.slug}))
    search = page.locator("#id_person-search")
    expect(search).to_be_visible()
    assert_no_axe_violations(page)

    search.press_sequentially("zett")
    options = page.locator("#id_person option:not([value=''])")
    expect(options).to_have_count(1)
    expect(options.first).to_have_text(re.compile("Zelda Zetterlund"))
    search.press("Enter")  # chooses the first match, does not submit
    expect(page.locator("#id_person")).to_be_focused()
    expect(page.locator("#id_person")).to_have_value(str(wanted.pk))
    expect(page).to_have_url(re.compile(r"/ny/$"))
    assert_no_axe_violations(page)

    page.locator("#id_role").select_option(value="member")
    page.locator("#save-mandate").click()
    expect(page.locator("#mandate-status")).to_be_visible()
    assert Mandate.objects.filter(person=wanted, forum=operative_forum).exists()


def test_escape_brings_back_the_whole_list(page, secretariat_user, operative_forum):
    UserFactory(first_name="Zelda", last_name="Zetterlund")
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(reverse("mandates:mandate_create", kwargs={"slug": operative_forum.slug}))
    everyone = page.locator("#id_person option").count()
    search = page.locator("#id_person-search")
    search.press_sequentially("zett")
    expect(page.locator("#id_person option:not([value=''])")).to_have_count(1)
    search.press("Escape")
    expect(search).to_have_value("")
    expect(page.locator("#id_person option")).to_have_count(everyone)


def test_a_representative_chooses_an_organisation_in_the_case_form(
    axe_page, representative_user, operative_forum
):
    page = axe_page
    for number in range(20):
        OrganisationFactory(name=f"Kommun {number}")
    wanted = OrganisationFactory(name="Tjörns kommun")
    log_in(page, representative_user.username, PASSWORD)
    page.goto(reverse("escalation:case_raise"))
    search = page.locator("#id_organisation-search")
    search.press_sequentially("tjö")
    options = page.locator("#id_organisation option:not([value=''])")
    expect(options).to_have_count(1)
    search.press("ArrowDown")  # into the list, where the arrow keys choose
    expect(page.locator("#id_organisation")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_organisation")).to_have_value(str(wanted.pk))
    assert_no_axe_violations(page)

    page.locator("#id_forum").select_option(value=str(operative_forum.pk))
    page.locator("#id_title").fill("Gemensam rutin för utskrivning")
    page.locator("#case-raise-submit").click()
    expect(page).to_have_url(re.compile(r"/arenden/[A-Z]+-"))
    assert Case.objects.get(title="Gemensam rutin för utskrivning").organisation == wanted
