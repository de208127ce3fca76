"""The start page's work inbox, per demo role, in Chromium: the real pending work of the demo
data, every entry a link, and nothing for axe to find."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "samverkan-demo"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


def every_entry_is_a_link(page):
    entries = page.locator("#inbox li.inbox-entry")
    assert entries.count() > 0
    assert page.locator("#inbox li.inbox-entry > a:first-child[href]").count() == entries.count()
    for href in page.locator("#inbox a").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith("http"), href


def section(page, name):
    return page.locator("#inbox").get_by_role("region", name=name, exact=True)


def test_secretariat_sees_the_secretariat_work(demo, axe_page):
    page = axe_page
    log_in(page, "sekretariat", DEMO_PASSWORD)
    group = page.get_by_role("region", name="För sekretariatet")
    expect(group).to_be_visible()
    held = section(page, "Hållna möten utan godkända minnesanteckningar")
    expect(held).to_contain_text("minnesanteckningarna är ett utkast")
    expect(held).to_contain_text("dagar sedan")
    expect(section(page, "Försenade ärenden")).to_contain_text("dagar försenat")
    expect(section(page, "Försenade åtgärdspunkter")).to_contain_text("dagar försenat")
    expect(section(page, "Ärenden som väntar på beredning")).to_contain_text("har väntat i")
    expect(section(page, "Möten att kalla till").first).to_contain_text("kallelsen är inte skickad")
    expect(section(page, "Avvikelser i regelkontrollen")).to_be_visible()
    expect(section(page, "Minnesanteckningar som väntar på godkännande")).to_contain_text(
        "väntar på: Ordförande"
    )
    every_entry_is_a_link(page)
    # a secretary does not approve minutes under any forum's approval rule
    mandates = page.get_by_role("region", name="Dina mandat")
    expect(mandates).not_to_contain_text("Godkänna minnesanteckningarna")
    # an overdue case leads to it
    section(page, "Försenade ärenden").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/arenden/SAM-"))
    page.go_back()
    assert_no_axe_violations(page)


def test_chair_sees_the_chairs_work(demo, axe_page):
    page = axe_page
    log_in(page, "ordforande", DEMO_PASSWORD)
    group = page.get_by_role("region", name="För ordföranden")
    expect(group).to_be_visible()
    expect(group.get_by_role("region", name="Ärenden som väntar på beredning")).to_contain_text(
        "SAM-"
    )
    expect(group.get_by_role("region", name="Möten att kalla till")).to_contain_text("kallelsen")
    expect(group.get_by_role("region", name="Minnesanteckningar att godkänna")).to_contain_text(
        "skickade för godkännande"
    )
    expect(page.get_by_role("region", name="Dina mandat")).to_contain_text(
        "Godkänna minnesanteckningarna, som ordförande"
    )
    every_entry_is_a_link(page)
    assert_no_axe_violations(page)


def test_representative_sees_meetings_and_action_items(demo, axe_page):
    page = axe_page
    log_in(page, "ledamot", DEMO_PASSWORD)
    group = page.get_by_role("region", name="För dig")
    expect(group).to_be_visible()
    expect(page.get_by_role("region", name="För sekretariatet")).to_have_count(0)
    coming = group.get_by_role("region", name="Kommande möten")
    expect(coming).to_contain_text("om ")
    expect(coming.get_by_role("link", name="Dagordning").first).to_be_visible()
    expect(group.get_by_role("region", name="Dina åtgärdspunkter")).to_contain_text(
        "dagar försenat"
    )
    every_entry_is_a_link(page)
    # the forums further down are links too
    expect(page.locator("#forums li a").first).to_be_visible()
    assert_no_axe_violations(page)
