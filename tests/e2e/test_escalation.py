"""A case travels up the tiers in the browser (in Swedish), and every case page passes axe.

New strings may not be translated yet, so elements are found by id, name or a pattern that
accepts both languages.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from escalation import services
from escalation.models import Case
from mandates.models import Mandate
from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.escalation.factories import escalated_case, pdf_upload, raise_case
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Attachments go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def operative_chair(operative_forum, give_mandate):
    user = UserFactory(username="opchair", first_name="Oskar", last_name="Operativ")
    give_mandate(user, operative_forum, Mandate.Role.CHAIR)
    return user


def _switch_user(page, username):
    page.context.clear_cookies()
    log_in(page, username, PASSWORD)


def _escalate_from_my_cases(page, reference, reason):
    """A forum leader finds the case waiting in their forum and escalates it."""
    page.goto(reverse("escalation:my_cases"))
    page.locator("#waiting-cases").get_by_role("link", name=reference).click()
    page.locator("#step-eskalera").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    page.locator("#id_reason").fill(reason)
    page.locator("#case-step-submit").click()
    expect(page).to_have_url(re.compile(rf"/arenden/{reference}/$"))


def test_a_case_raised_at_the_operative_tier_reaches_the_strategic_tier(
    page, representative_user, operative_chair, chair_user, strategic_forum
):
    # The representative raises a case in the operative forum.
    log_in(page, representative_user.username, PASSWORD)
    page.get_by_role("navigation", name=re.compile("Huvudmeny|Main navigation")).get_by_role(
        "link", name=re.compile("Ärenden|Cases")
    ).click()
    expect(page).to_have_url(reverse("escalation:my_cases"))
    page.locator("#raise-case").click()
    page.locator("#id_forum").select_option(label="Arbetsgruppen")
    page.locator("#id_title").fill("Gemensam rutin för läkemedelsgenomgångar")
    page.locator("#id_description").fill("Rutinen berör alla regioner.")
    page.locator("#case-raise-submit").click()
    expect(page.locator("#case-reference")).to_have_text(re.compile(r"SAM-\d{4}-0001"))
    reference = page.locator("#case-reference").inner_text()
    expect(page.locator("#case-forum")).to_contain_text("Arbetsgruppen")

    # The operative chair escalates it to the tactical forum.
    _switch_user(page, operative_chair.username)
    _escalate_from_my_cases(page, reference, "Frågan berör fler än arbetsgruppen.")
    expect(page.locator("#case-forum")).to_contain_text("Samordningsgruppen")

    # The tactical forum's chair escalates it again, to the strategic forum.
    _switch_user(page, chair_user.username)
    _escalate_from_my_cases(page, reference, "Ett strategiskt ställningstagande behövs.")
    expect(page.locator("#case-forum")).to_contain_text("Styrgruppen")

    # The representative follows it to the strategic tier on "My cases".
    _switch_user(page, representative_user.username)
    page.goto(reverse("escalation:my_cases"))
    row = page.locator("#my-cases tbody tr", has_text=reference)
    expect(row).to_contain_text("Styrgruppen")
    expect(row).to_contain_text(re.compile("Strategisk|Strategic"))
    path = row.get_by_role("navigation")
    expect(path.get_by_role("listitem")).to_have_count(3)
    expect(path.get_by_role("listitem")).to_have_text(
        [re.compile("Arbetsgruppen"), re.compile("Samordningsgruppen"), re.compile("Styrgruppen")]
    )
    expect(path.locator("[aria-current=location]")).to_contain_text("Styrgruppen")

    # Filtering by tier keeps it; the history tells the whole story.
    page.locator("#id_tier").select_option(str(strategic_forum.tier))
    page.locator("#case-filter button[type=submit]").click()
    expect(page.locator("#my-cases tbody tr")).to_have_count(1)
    page.get_by_role("link", name=reference).click()
    page.locator("#history-link").click()
    expect(page.locator(".case-timeline > li")).to_have_count(3)
    assert Case.objects.get(reference=reference).events.count() == 3


def test_every_case_page_has_no_accessibility_violations(
    axe_page,
    structure,
    representative_user,
    operative_chair,
    chair_user,
    secretariat_user,
    operative_forum,
):
    case = raise_case(
        representative_user, operative_forum, title="Tillgänglighet", attachments=[pdf_upload()]
    )
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    overdue = escalated_case(operative_forum, raised_by=representative_user)
    overdue.events.filter(kind="escalated").update(at="2020-01-01T10:00Z")

    pages = {
        representative_user: [
            reverse("escalation:my_cases"),
            reverse("escalation:my_cases") + "?status=open&tier=2",
            reverse("escalation:case_raise"),
            case.get_absolute_url(),
            reverse("escalation:case_history", args=[case.reference]),
            reverse("escalation:attachment_add", args=[case.reference]),
        ],
        chair_user: [
            reverse("escalation:my_cases"),
            case.get_absolute_url(),
            reverse("escalation:case_step", args=[case.reference, "eskalera"]),
            reverse("escalation:case_step", args=[case.reference, "forbered"]),
            reverse("escalation:case_step", args=[case.reference, "avfor"]),
        ],
        secretariat_user: [
            reverse("escalation:secretariat_cases", args=[structure.slug]),
            reverse("escalation:my_cases"),
        ],
    }
    for user, urls in pages.items():
        axe_page.context.clear_cookies()
        log_in(axe_page, user.username, PASSWORD)
        for url in urls:
            axe_page.goto(url)
            expect(axe_page.get_by_role("heading", level=1)).to_have_count(1)
            assert_no_axe_violations(axe_page)

    # A form with errors is accessible too.
    axe_page.context.clear_cookies()
    log_in(axe_page, chair_user.username, PASSWORD)
    axe_page.goto(reverse("escalation:case_step", args=[case.reference, "eskalera"]))
    axe_page.locator("#case-step-submit").click()
    expect(axe_page.locator(".invalid-feedback, .is-invalid").first).to_be_visible()
    assert_no_axe_violations(axe_page)
