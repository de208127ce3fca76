"""The bell and the notification list in a real browser: the bell says how many notices are
unread, opening one leads to its object and marks it read, "mark all read" confirms; axe
finds nothing on the list and the preferences page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import NotificationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Ett-långt-lösen-2026"


@pytest.fixture
def karin(transactional_db):
    person = UserFactory(username="karin", password=PASSWORD)
    NotificationFactory(
        recipient=person, title="Protokoll att justera", link="/aviseringar/installningar/"
    )
    NotificationFactory.create_batch(2, recipient=person, title="Ärendet har flyttats")
    return person


def test_the_bell_leads_to_the_list_and_opening_a_notice_reads_it(karin, axe_page):
    page = axe_page
    log_in(page, "karin", PASSWORD)
    page.get_by_role("link", name="Aviseringar, 3 olästa").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aviseringar")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Protokoll att justera").click()
    expect(page).to_have_url("/aviseringar/installningar/")
    expect(page.get_by_role("link", name="Aviseringar, 2 olästa")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Aviseringar, 2 olästa").click()
    page.get_by_role("button", name="Markera alla som lästa").click()
    expect(page.get_by_role("status")).to_contain_text("2 aviseringar är markerade som lästa.")
    expect(page.get_by_role("link", name="Aviseringar, inga olästa")).to_be_visible()
    assert_no_axe_violations(page)
