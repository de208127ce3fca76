"""In Chromium: the error pages pass axe (WCAG 2.1 AA) in Swedish, and the main page types
load under the real Content-Security-Policy without one violation (htmx injects no style)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forums.permissions import structure_secretariat_sync
from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import MeetingFactory, OrganisationFactory, StructureFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ERROR_PAGES = [
    ("/fel/400/", 400, "Begäran kunde inte förstås"),
    ("/fel/403/", 403, "Du har inte åtkomst till sidan"),
    ("/fel/404/", 404, "Sidan kunde inte hittas"),
    ("/fel/500/", 500, "Något gick fel"),
]

# Every violation the page reports, collected before any of the page's own scripts run.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


@pytest.mark.urls("tests.samverkan.error_urls")
@pytest.mark.parametrize(
    ("path", "status", "heading"), ERROR_PAGES, ids=[p[1] for p in ERROR_PAGES]
)
def test_error_page_passes_axe(axe_page, path, status, heading):
    response = axe_page.goto(path)

    assert response.status == status
    expect(axe_page.locator("html")).to_have_attribute("lang", "sv")
    expect(axe_page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(axe_page.get_by_role("link", name="Till startsidan")).to_be_visible()
    assert_no_axe_violations(axe_page)


def test_csrf_failure_page_passes_axe(axe_page):
    axe_page.goto(reverse("login"))
    axe_page.context.clear_cookies()  # the form's token no longer matches a cookie
    axe_page.get_by_label("Användarnamn").fill("någon")
    axe_page.get_by_label("Lösenord").fill("fel")
    with axe_page.expect_response(lambda r: r.request.method == "POST") as posted:
        axe_page.get_by_role("button", name="Logga in").click()

    assert posted.value.status == 403
    expect(axe_page.get_by_role("heading", level=1)).to_have_text("Formuläret kunde inte skickas")
    assert_no_axe_violations(axe_page)


def _violations_on(page, path):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(path)
    page.wait_for_load_state("load")
    reported = page.evaluate("window.__cspViolations")
    policy_messages = [text for text in console if "Content Security Policy" in text]
    return reported + policy_messages


def test_main_pages_load_without_a_csp_violation(
    page, secretariat_user, structure, operative_forum
):
    page.context.add_init_script(COLLECT_VIOLATIONS)
    MeetingFactory(forum=operative_forum)
    paths = [reverse("login"), reverse("public_forums:forum_list")]
    for path in paths:
        assert _violations_on(page, path) == [], path

    log_in(page, secretariat_user.username, PASSWORD)
    forum = {"slug": operative_forum.slug}
    paths = [
        reverse("dashboard"),
        reverse("forums:forum_list"),
        reverse("forums:forum_detail", kwargs=forum),
        reverse("forums:forum_update", kwargs=forum),
        reverse("forums:structure_detail", kwargs={"slug": structure.slug}),
        reverse("forums:organisation_list"),
        reverse("mandates:mandate_list"),
        reverse("meetings:my_meetings"),
        reverse("escalation:my_cases"),
        "/finns-inte/",
    ]
    for path in paths:
        assert _violations_on(page, path) == [], path
    # htmx ran and did not inject its indicator <style>.
    assert (
        page.evaluate("typeof htmx !== 'undefined' && htmx.config.includeIndicatorStyles") is False
    )
    assert page.locator("head style").count() == 0
    # and it keeps no copies of pages in the browser's localStorage (personal data).
    assert page.evaluate("htmx.config.historyCacheSize") == 0


def test_the_violation_listener_does_see_a_violation(page):
    """The check above would notice: an inline style is reported under this CSP."""
    page.context.add_init_script(COLLECT_VIOLATIONS)
    page.goto(reverse("login"))
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'p{}';"
        " document.head.appendChild(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")


def test_the_locked_organisation_form_passes_axe(axe_page, parties):
    """Another structure's secretariat sees the organisation's fields locked."""
    organisation = OrganisationFactory(name="Region Här", parties=[parties[0]])
    other = StructureFactory(name="Annan struktur")
    editor = UserFactory(username="annat-kansli")
    other.secretariat_staff.add(editor)
    structure_secretariat_sync(structure=other)
    log_in(axe_page, editor.username, PASSWORD)

    axe_page.goto(reverse("forums:organisation_update", args=[organisation.pk]))

    expect(axe_page.locator("#id_name")).to_be_disabled()
    assert_no_axe_violations(axe_page)
