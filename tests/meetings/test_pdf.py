"""Approved minutes as a tagged PDF: pdftotext finds the decisions and the approvers."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from meetings import services
from meetings.pdf import minutes_pdf_bytes
from tests.meetings.factories import case_in_preparation, started

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(vg, meeting):
    case = case_in_preparation(vg.group, title="Hjälpmedel")
    item = services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="", case=case)
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    services.decision_record(
        actor=vg.secretary, item=item, outcome="referred_back", text="Ny beredning behövs"
    )
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    return minutes


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_pdf_text_holds_decisions_and_approvers(vg, approved, tmp_path):
    data = minutes_pdf_bytes(approved)
    assert data.startswith(b"%PDF")
    path = tmp_path / "minutes.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
    assert "Tagged:          yes" in info
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Ny beredning behövs" in text
    assert "Hjälpmedel" in text
    assert str(vg.chair) in text and str(vg.vgr_member) in text


def test_pdf_served_to_members(client, vg, approved):
    client.force_login(vg.vgr_member)
    response = client.get(reverse("meetings:minutes_pdf", args=[approved.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
