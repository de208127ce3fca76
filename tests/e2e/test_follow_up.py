"""The follow-up page in a real browser: the charts load as images (under the page's strict
CSP, so no console error) with their tables beside them, and axe finds nothing."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.cycle.figures_data import YEAR, add_meetings
from tests.e2e.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_follow_up_page_shows_its_charts_and_passes_axe(
    page, axe_page, secretariat_user, structure, tactical_forum, operative_forum
):
    add_meetings(tactical_forum, operative_forum, 3)
    url = reverse("cycle:follow_up", kwargs={"slug": structure.slug, "year": YEAR})
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    log_in(page, secretariat_user.username, PASSWORD)
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Uppföljning {YEAR}")
    images = page.locator("img[src$='.svg']")
    expect(images).to_have_count(5)
    for i in range(5):
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    assert errors == []
    page.get_by_label("År").select_option(str(YEAR - 1))
    page.get_by_role("button", name="Visa året").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Uppföljning {YEAR - 1}")

    log_in(axe_page, secretariat_user.username, PASSWORD)
    axe_page.goto(url)
    assert_no_axe_violations(axe_page)
