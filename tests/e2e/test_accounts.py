"""The account pages in a real browser: the warning before the idle end (a modal dialog,
keyboard first, "Stay signed in" posts to the keep-alive URL), the profile page, and the
lockout and 429 pages; axe finds nothing on them."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def karin(transactional_db):
    return UserFactory(username="karin", password="Ett-långt-lösen-2026")


def test_the_warning_comes_before_the_idle_end_and_stay_signed_in_keeps_the_session(
    karin, page, settings
):
    settings.SESSION_WARNING_MINUTES = settings.SESSION_IDLE_TIMEOUT_MINUTES  # warn at once
    log_in(page, "karin", "Ett-långt-lösen-2026")
    dialog = page.get_by_role("dialog", name="Du loggas snart ut")
    expect(dialog).to_be_visible()
    stay = dialog.get_by_role("button", name="Förbli inloggad")
    expect(stay).to_be_focused()
    with page.expect_response(
        lambda response: "/konto/session/forlang/" in response.url and response.status == 200
    ):
        page.keyboard.press("Enter")
    expect(page).to_have_url("/")  # no page load: the dialog posted in the background


def test_the_warning_dialog_has_no_accessibility_violations(karin, axe_page, settings):
    settings.SESSION_WARNING_MINUTES = settings.SESSION_IDLE_TIMEOUT_MINUTES
    log_in(axe_page, "karin", "Ett-långt-lösen-2026")
    expect(axe_page.get_by_role("dialog")).to_be_visible()
    assert_no_axe_violations(axe_page)


def test_the_profile_page_has_no_accessibility_violations(karin, axe_page):
    log_in(axe_page, "karin", "Ett-långt-lösen-2026")
    axe_page.goto("/konto/profil/")
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Ditt konto")
    assert_no_axe_violations(axe_page)


def test_the_lockout_page_has_no_accessibility_violations(karin, axe_page):
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=1):
        log_in(axe_page, "karin", "fel", expect_success=False)
        log_in(axe_page, "karin", "fel", expect_success=False)
        expect(axe_page.get_by_role("heading", level=1)).to_have_text(
            "Inloggningen är låst en stund"
        )
        assert_no_axe_violations(axe_page)
