"""The public verification page in the browser: no login, keyboard only, axe-clean, in Swedish,
for a pasted hash that matches, one that does not, and a form with an error."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from meetings.models import MinutesSeal
from tests.e2e.conftest import assert_no_axe_violations
from tests.meetings.conftest import meeting, vg  # noqa: F401  (fixtures)
from tests.meetings.factories import sealed_minutes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit_by_keyboard(page, digest):
    page.goto(reverse("meetings:minutes_verify"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontrollera minnesanteckningar")
    page.locator("#id_digest").focus()
    page.keyboard.type(digest)
    page.keyboard.press("Tab")
    expect(page.locator("#verify-submit")).to_be_focused()
    page.keyboard.press("Enter")


def test_verify_page_by_keyboard_without_login(axe_page, vg, meeting):  # noqa: F811
    seal = MinutesSeal.objects.get(minutes=sealed_minutes(meeting))
    page = axe_page
    page.goto(reverse("meetings:minutes_verify"))
    assert_no_axe_violations(page)

    _submit_by_keyboard(page, seal.snapshot_sha256)
    expect(page.locator("#verify-match")).to_be_visible()
    expect(page.locator("#verify-minutes")).to_contain_text(seal.snapshot["meeting"]["title"])
    assert_no_axe_violations(page)

    _submit_by_keyboard(page, "0" * 64)
    expect(page.locator("#verify-no-match")).to_contain_text("Inga förseglade")
    assert_no_axe_violations(page)

    _submit_by_keyboard(page, "inte en kontrollsumma")
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_axe_violations(page)
