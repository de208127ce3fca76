"""The header search box: a signed-in person types a word, reaches the results page and
follows a hit to its page; the results page is axe-clean."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_in_the_header_box_reaches_a_case(axe_page, secretariat_user, operative_forum):
    case = CaseFactory(
        origin_forum=operative_forum,
        title="Tolkförmedling i primärvården",
        description="Bristen på tolkar <b>ökar</b>.",
    )
    page = axe_page
    log_in(page, "kansli", "pw")
    box = page.get_by_role("search").get_by_label("Sök i portalen")
    box.fill("tolkarna")
    box.press("Enter")
    page.wait_for_url("**/sok/?q=tolkarna")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök")
    cases = page.get_by_role("region", name="Ärenden")
    expect(cases.locator("mark")).to_have_text("tolkar")
    assert_no_axe_violations(page)
    cases.get_by_role("link", name=f"{case.reference} {case.title}").click()
    page.wait_for_url(f"**{case.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.title)
