"""The first journey: the demo secretariat member logs in, in Swedish, and reaches the overview."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "samverkan-demo"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


def test_secretariat_logs_in_in_swedish_and_reaches_the_overview(demo, page):
    page.goto("/")
    expect(page).to_have_url("/konto/login/?next=/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    log_in(page, "sekretariat", DEMO_PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Välkommen")
    structures = page.get_by_role("region", name="Strukturer som du är sekretariat för")
    expect(structures).to_contain_text("Västra Götaland")


def test_wrong_password_is_refused_with_a_message(demo, page):
    log_in(page, "sekretariat", "fel-lösenord", expect_success=False)
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url("/konto/login/")


def test_keyboard_user_reaches_the_skip_link_first(page):
    page.goto("/konto/password_reset/")  # the login page puts focus in its first field
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text("Hoppa till huvudinnehållet")
    page.keyboard.press("Enter")
    expect(page).to_have_url("/konto/password_reset/#main")


def test_language_switch_shows_english(page):
    page.goto("/konto/login/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")


def test_login_page_has_no_accessibility_violations(axe_page):
    axe_page.goto("/konto/login/")
    assert_no_axe_violations(axe_page)


def test_dashboard_has_no_accessibility_violations(demo, axe_page):
    for username in ("sekretariat", "ordforande", "ledamot"):
        axe_page.context.clear_cookies()
        log_in(axe_page, username, DEMO_PASSWORD)
        expect(axe_page.get_by_role("heading", level=1)).to_contain_text("Välkommen")
        assert_no_axe_violations(axe_page)
