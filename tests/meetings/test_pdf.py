"""The sealed PDF of approved minutes: tagged (PDF/UA), page numbers, the snapshot hash in the
footer, roles and organisations, and the approvals in the wording a chair signs."""

import hashlib
import shutil
import subprocess

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import MinutesSeal
from tests.meetings.factories import case_in_preparation, started

pytestmark = pytest.mark.django_db

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


@pytest.fixture
def approved(vg, meeting):
    case = case_in_preparation(vg.group, title="Hjälpmedel")
    item = services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="", case=case)
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    services.attendance_record(
        actor=vg.secretary, meeting=meeting, person=vg.chair, status="present"
    )
    services.decision_record(
        actor=vg.secretary, item=item, outcome="referred_back", text="Ny beredning behövs"
    )
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    return minutes


def pdf_text(data, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    return info, text


@needs_poppler
def test_sealed_pdf_holds_decisions_approvers_roles_pages_and_hash(vg, approved, tmp_path):
    seal = MinutesSeal.objects.get(minutes=approved)
    data = bytes(seal.pdf)
    assert data.startswith(b"%PDF")
    info, text = pdf_text(data, tmp_path)
    assert "Tagged:          yes" in info
    assert "Ny beredning behövs" in text
    assert "Hjälpmedel" in text
    assert str(vg.chair) in text and str(vg.vgr_member) in text
    # Roles, organisations and parties of the approvers, in the wording a chair signs.
    assert text.count("Justeras") == 2
    assert "Göteborgsregionen (Kommunerna)" in text
    assert "Västra Götalandsregionen (VGR)" in text
    assert "Ordförande" in text and "Ledamot" in text
    assert "Vid protokollet" in text and str(vg.secretary) in text
    # Page numbers and the hash of the sealed content in the footer.
    assert "Sida 1 av" in text
    assert seal.snapshot_sha256 in "".join(text.split())


def test_pdf_served_to_members_is_the_stored_file(client, vg, approved):
    client.force_login(vg.vgr_member)
    response = client.get(reverse("meetings:minutes_pdf", args=[approved.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    seal = MinutesSeal.objects.get(minutes=approved)
    assert response.content == bytes(seal.pdf)
    assert hashlib.sha256(response.content).hexdigest() == seal.pdf_sha256


def test_pdf_is_not_made_again_on_download(client, vg, approved, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the sealed PDF is never made again")

    monkeypatch.setattr("weasyprint.HTML.write_pdf", refuse)
    client.force_login(vg.vgr_member)
    response = client.get(reverse("meetings:minutes_pdf", args=[approved.pk]))
    assert response.status_code == 200
