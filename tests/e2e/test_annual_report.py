"""The annual report in the browser (in Swedish): the secretariat drafts the 2026 report of
"Regional samverkansgrupp läkemedel", writes a section's text and puts the report on the
agenda of a coming meeting; the forum decides it on the meeting's decision page; the report
page then shows it adopted and sealed; the public page shows it with the forum's current
members' published contacts; the PDF and the Word file hold the sealed figures. axe runs on
the report page and the public page.

New strings may not be translated yet: elements are found by id or name.
"""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from cycle.models import AnnualReport
from forums.models import Forum
from mandates.models import Mandate
from meetings.models import Meeting
from tests.clock import FROZEN_DAY
from tests.conftest import PASSWORD
from tests.cycle.report_helpers import docx_text, held_meeting, pdf_text
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import ForumFactory, MandateFactory, MeetingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORUM_NAME = "Regional samverkansgrupp läkemedel"


def _check(page):
    expect(page.locator("h1")).to_have_count(1)
    assert_no_axe_violations(page)


def _sealed_texts(snapshot):
    """Every text of every figure (facts and table cells) in the seal's snapshot."""
    texts = []
    for section in snapshot["sections"]:
        texts += [cell["text"] for _label, cell in section["facts"]]
        for table in section["tables"]:
            for row in table["rows"]:
                texts += [row["label"]["text"], *(cell["text"] for cell in row["cells"])]
    return [text for text in texts if text]


def test_the_secretariat_drafts_and_the_forum_adopts_the_annual_report(
    axe_page, structure, secretariat_user, time_machine
):
    page = axe_page
    moment = datetime.datetime.combine(
        FROZEN_DAY, datetime.time(10), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )
    time_machine.move_to(moment, tick=True)
    forum = ForumFactory(
        structure=structure, name=FORUM_NAME, decision_rule=Forum.DecisionRule.CONSENSUS
    )
    member = UserFactory(
        first_name="Maria", last_name="Läkemedel", email="maria@example.se", publish_email=True
    )
    MandateFactory(person=member, forum=forum, role=Mandate.Role.MEMBER)
    held_meeting(forum, 2026, month=2)  # a figure to count
    meeting = MeetingFactory(forum=forum, title="Samverkansgruppen april")
    log_in(page, secretariat_user.username, PASSWORD)

    # Drafted from the forum's page.
    page.goto(forum.get_absolute_url())
    page.locator(f'a[href="{reverse("cycle:annual_report_create", args=[forum.slug])}"]').click()
    page.locator("[name=year]").fill("2026")
    page.locator("#report-form-submit").click()
    report = AnnualReport.objects.get(forum=forum, year=2026)
    page.wait_for_url(f"**{report.get_absolute_url()}")
    _check(page)

    # One section's text, written on the report page.
    page.locator("#id_meetings_text").fill("Gruppen möttes enligt plan under året.")
    page.locator("#text-save-meetings").click()
    expect(page.locator("#text-meetings")).to_contain_text("Gruppen möttes enligt plan")

    # On the agenda of the coming meeting.
    page.locator("#report-agenda").click()
    page.locator("[name=meeting]").select_option(str(meeting.pk))
    page.locator("#report-form-submit").click()
    expect(page.locator("#report-meeting")).to_have_text(str(meeting))
    report.refresh_from_db()
    assert report.agenda_item.meeting == meeting and not report.is_adopted

    # The forum decides it at the convened meeting.
    meeting.status = Meeting.Status.CONVENED
    meeting.save()
    page.goto(reverse("meetings:decision_record", args=[report.agenda_item.pk]))
    page.locator("[name=outcome]").select_option("decided")
    page.locator("[name=consensus]").check()
    page.locator("[name=text]").fill("Årsrapporten fastställs.")
    page.locator("#decision-form-submit").click()
    expect(page.locator("#agenda-list .decision-outcome")).to_be_visible()

    report = AnnualReport.objects.select_related("seal").get(pk=report.pk)
    assert report.is_adopted
    seal = report.seal
    page.goto(report.get_absolute_url())
    expect(page.locator("#report-status")).to_have_text("Fastställd och förseglad")
    expect(page.locator("#seal-snapshot-sha256")).to_have_text(seal.snapshot_sha256)
    expect(page.locator("#text-save-meetings")).to_have_count(0)  # sealed: no more editing
    _check(page)

    # Public: the sealed report with the members' contacts as they are now.
    forum.is_public = True
    forum.save()
    member.email = "maria.ny@example.se"
    member.save()
    page.context.clear_cookies()
    page.goto(reverse("cycle:annual_report_public", args=[report.pk]))
    expect(page.locator("#report-members")).to_contain_text("maria.ny@example.se")
    expect(page.locator("#text-meetings")).to_contain_text("Gruppen möttes enligt plan")
    _check(page)

    # The files hold the sealed figures.
    figures = _sealed_texts(seal.snapshot)
    assert figures
    pdf = pdf_text(page.request.get(reverse("cycle:annual_report_pdf", args=[report.pk])).body())
    docx = docx_text(
        page.request.get(reverse("cycle:annual_report_docx", args=[report.pk])).body()
    )
    for text in figures:
        assert text in pdf, text
        assert text in docx, text
