"""The annual report's pages and files: every figure of forum_year on the draft's page, in
its PDF and Word file; the sealed snapshot (never the live figures) once adopted; the forms'
confirmations and refusals; the public page with the forum's current contacts."""

import pytest
from django.urls import reverse

from cycle.figures import forum_year
from cycle.models import AnnualReport
from tests.clock import FROZEN_DAY

from .report_helpers import adopted, cell_texts, docx_text, draft, held_meeting, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


@pytest.fixture
def report(operative_forum, secretariat_user):
    held_meeting(operative_forum, 2025)
    return draft(operative_forum, secretariat_user, 2025)


def test_the_draft_page_shows_every_figure_with_its_link(client, secretariat_user, report):
    client.force_login(secretariat_user)
    html = client.get(report.get_absolute_url()).content.decode()
    for section in forum_year(report.forum, report.year):
        assert section.heading in html
        for _label, cell in section.facts:
            assert cell.text in html
            if cell.url:
                assert f'href="{cell.url}"'.replace("&", "&amp;") in html
    for text in cell_texts(forum_year(report.forum, report.year)):
        assert text in html


def test_the_draft_pdf_and_word_file_hold_the_figures(client, secretariat_user, report):
    client.force_login(secretariat_user)
    pdf = pdf_text(client.get(reverse("cycle:annual_report_pdf", args=[report.pk])).content)
    docx = docx_text(client.get(reverse("cycle:annual_report_docx", args=[report.pk])).content)
    for text in cell_texts(forum_year(report.forum, report.year)):
        assert text in pdf
        assert text in docx


def test_a_text_is_saved_with_a_confirmation(client, secretariat_user, report):
    client.force_login(secretariat_user)
    url = reverse("cycle:annual_report_text", args=[report.pk, "meetings"])
    response = client.post(url, {"key": "meetings", "text": "Året i korthet."}, follow=True)
    assert AnnualReport.objects.get(pk=report.pk).texts == {"meetings": "Året i korthet."}
    assert "Året i korthet." in response.content.decode()
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


def test_an_unknown_section_is_404(client, secretariat_user, report):
    client.force_login(secretariat_user)
    url = reverse("cycle:annual_report_text", args=[report.pk, "nope"])
    assert client.post(url, {"key": "nope", "text": "x"}).status_code == 404


def test_a_report_goes_on_a_coming_meeting_only(client, secretariat_user, report):
    from tests.factories import MeetingFactory

    other = MeetingFactory()  # another forum's
    client.force_login(secretariat_user)
    url = reverse("cycle:annual_report_agenda", args=[report.pk])
    response = client.post(url, {"meeting": other.pk, "title": "Årsrapport"})
    assert response.status_code == 200  # shown again with the error
    assert AnnualReport.objects.get(pk=report.pk).agenda_item is None
    mine = MeetingFactory(forum=report.forum)
    response = client.post(url, {"meeting": mine.pk, "title": "Årsrapport"})
    assert response.status_code == 302
    assert AnnualReport.objects.get(pk=report.pk).agenda_item.meeting == mine


def test_an_adopted_report_shows_its_seal_not_the_live_figures(
    client, operative_forum, secretariat_user
):
    report = adopted(operative_forum, secretariat_user, texts={"meetings": "Fastställd."})
    held_meeting(operative_forum, 2025, month=6)  # after adoption: not in the sealed report
    client.force_login(secretariat_user)
    html = client.get(report.get_absolute_url()).content.decode()
    seal = report.seal
    assert seal.snapshot_sha256 in html and seal.pdf_sha256 in html
    sealed = [c["text"] for s in seal.snapshot["sections"] for _l, c in s["facts"]]
    live = cell_texts(forum_year(operative_forum, 2025))
    assert sealed != [c.text for s in forum_year(operative_forum, 2025) for _l, c in s.facts]
    assert "text-save-meetings" not in html  # no edit form
    pdf = client.get(reverse("cycle:annual_report_pdf", args=[report.pk])).content
    assert pdf == bytes(seal.pdf)
    docx = docx_text(client.get(reverse("cycle:annual_report_docx", args=[report.pk])).content)
    assert seal.snapshot_sha256 in docx and "Fastställd." in docx
    assert live  # the live figures moved on; the page and files keep the sealed ones


def test_marking_as_sent_confirms_and_refuses_the_future(client, operative_forum, secretariat_user):
    report = adopted(operative_forum, secretariat_user)
    client.force_login(secretariat_user)
    url = reverse("cycle:annual_report_sent", args=[report.pk])
    response = client.post(url, {"sent_on": "2099-01-01", "sent_to": "SRO"})
    assert response.status_code == 200
    response = client.post(url, {"sent_on": FROZEN_DAY.isoformat(), "sent_to": "SRO"})
    assert response.status_code == 302
    assert AnnualReport.objects.get(pk=report.pk).sent_on == FROZEN_DAY


def test_the_public_page_shows_the_current_published_contacts(
    client, operative_forum, secretariat_user, representative_user
):
    operative_forum.is_public = True
    operative_forum.save()
    report = adopted(operative_forum, secretariat_user)
    representative_user.email = "ny.adress@example.se"
    representative_user.publish_email = True
    representative_user.phone = "070-123 45 67"
    representative_user.publish_phone = False
    representative_user.save()
    html = client.get(reverse("cycle:annual_report_public", args=[report.pk])).content.decode()
    assert "ny.adress@example.se" in html
    assert "070-123 45 67" not in html
    forum_page = client.get(reverse("public_forums:forum_detail", args=[operative_forum.slug]))
    assert reverse("cycle:annual_report_public", args=[report.pk]) in forum_page.content.decode()


def test_the_forum_page_lists_its_reports(client, secretariat_user, report):
    client.force_login(secretariat_user)
    html = client.get(report.forum.get_absolute_url()).content.decode()
    assert report.get_absolute_url() in html
    assert reverse("cycle:annual_report_create", args=[report.forum.slug]) in html
