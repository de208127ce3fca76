"""Browser harness: Playwright drives Debian's Chromium (never a downloaded one) headless."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in this thread; the tests still use the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install --no-install-recommends chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _page(browser, live_server, **context_options):
    context = browser.new_context(locale="sv-SE", base_url=live_server.url, **context_options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def page(browser, live_server):
    context, page = _page(browser, live_server)
    yield page
    context.close()


@pytest.fixture
def axe_page(browser, live_server):
    """A page whose context ignores CSP, so that axe-core can be injected into it."""
    context, page = _page(browser, live_server, bypass_csp=True)
    yield page
    context.close()


def assert_no_axe_violations(page):
    """Run axe-core on the page and fail on any WCAG 2.1 A/AA violation, naming each."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci`")
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    violations = [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]
    assert not violations, f"axe found violations on {page.url}:\n" + json.dumps(
        violations, indent=2, ensure_ascii=False
    )


def _strong_session(page):
    """Give the browser a session already marked as proved with a second factor: Django's
    login keeps an anonymous session's data, so the password log-in that follows lands where
    it would for a person who also entered a code. The two-factor journey passes
    `second_factor_done=False` and enters its codes itself."""
    from importlib import import_module

    from kernel.auth_levels import STRONG_AUTH_SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[STRONG_AUTH_SESSION_KEY] = "test"
    session.create()
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": page.url}
    page.context.add_cookies([cookie])


def log_in(page, username, password, *, expect_success=True, second_factor_done=True):
    page.goto("/konto/login/")
    if second_factor_done:
        _strong_session(page)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    if expect_success:
        # Wait for the login to finish: a goto right after the click would cancel it.
        page.wait_for_url(lambda url: "/konto/login/" not in url)
