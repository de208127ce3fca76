"""Sign-in with e-ID in a real browser: the login page's button, the provider's page (the
oidc-provider-mock process), back to the portal signed in; the refusal page; axe on both."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations
from tests.factories import UserFactory
from tests.oidc.conftest import configure, expiring_provider, provider  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def eid(settings, provider):  # noqa: F811 - the provider fixture
    configure(settings, provider, OIDC_MATCH="email")
    return provider


def test_a_person_signs_in_with_eid_through_the_provider(eid, page):
    """With the Content-Security-Policy in force (a form's redirect to the provider obeys
    form-action)."""
    UserFactory(first_name="Eva", last_name="Eid", email="eva@region.example")
    sub = eid.person(email="eva@region.example", email_verified=True)
    page.goto("/konto/login/")
    page.get_by_role("link", name="Logga in med e-legitimation").click()
    page.wait_for_url(lambda url: url.startswith(eid.url))
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()

    page.wait_for_url(lambda url: "/konto/" not in url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Välkommen, Eva Eid")

    # Logging out ends the provider's session too, and comes back to the login page.
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url(lambda url: url.startswith(eid.url))
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(lambda url: url.endswith("/konto/login/"))
    page.goto("/")
    expect(page).to_have_url("/konto/login/?next=/")


def test_the_login_page_with_the_eid_button_passes_axe(eid, axe_page):
    axe_page.goto("/konto/login/")
    expect(axe_page.get_by_role("link", name="Logga in med e-legitimation")).to_be_visible()
    assert_no_axe_violations(axe_page)


def test_an_unknown_person_sees_the_swedish_refusal_page(eid, axe_page):
    page = axe_page
    sub = eid.person(email="okand@region.example", email_verified=True)
    page.goto("/konto/login/")
    page.get_by_role("link", name="Logga in med e-legitimation").click()
    page.wait_for_url(lambda url: url.startswith(eid.url))
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vi hittade inget konto för dig")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert_no_axe_violations(page)
