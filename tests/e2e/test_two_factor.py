"""Two factors in Chromium: a secretariat member signs in with the password, is sent to set up
an authenticator, scans (here: reads the key shown for manual entry), confirms with a code,
keeps the recovery codes, and at the next sign-in verifies with one of them. Keyboard only
where a person types; every page passes axe."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(secret):
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key):06d}"


def test_setting_up_and_verifying_two_factors(axe_page, secretariat_user):
    page = axe_page
    log_in(page, secretariat_user.username, PASSWORD, second_factor_done=False)
    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor:setup")) + r"\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ställ in tvåfaktorsinloggning")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Börja inställningen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("img", name=re.compile("QR-kod"))).to_be_visible()
    assert_no_axe_violations(page)
    secret = page.get_by_test_id("totp-secret").inner_text()

    field = page.get_by_role("textbox", name="Kod")
    field.fill("000000" if _code(secret) != "000000" else "111111")
    field.press("Enter")
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_contain_text("Koden är fel")
    assert_no_axe_violations(page)
    page.wait_for_timeout(1100)  # the throttle: one second after a wrong code
    field = page.get_by_role("textbox", name="Kod")
    field.fill(_code(secret))
    field.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor:recovery")) + "$"))
    codes = page.get_by_test_id("recovery-codes").locator("code").all_inner_texts()
    assert len(codes) == 10
    assert_no_axe_violations(page)
    page.goto(reverse("dashboard"))
    expect(page).to_have_url(re.compile(r"/$"))

    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()
    log_in(page, secretariat_user.username, PASSWORD, second_factor_done=False)
    expect(page).to_have_url(re.compile(re.escape(reverse("two_factor:verify"))))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifiera med din andra faktor")
    assert_no_axe_violations(page)
    field = page.get_by_role("textbox", name="Kod")
    field.fill(codes[0])
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("status")).to_contain_text("9 finns kvar")
    assert_no_axe_violations(page)
