"""The public verification page: a file or a SHA-256 against the sealed minutes."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.forms import VERIFY_MAX_BYTES
from meetings.models import MinutesSeal
from tests.meetings.factories import sealed_minutes

pytestmark = pytest.mark.django_db

URL = reverse("meetings:minutes_verify")


@pytest.fixture
def seal(vg, meeting):
    return MinutesSeal.objects.get(minutes=sealed_minutes(meeting))


def _post(client, **data):
    return client.post(URL, data)


def test_page_is_public_and_in_swedish(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kontrollera minnesanteckningar" in page
    assert 'enctype="multipart/form-data"' in page


def test_the_sealed_pdf_is_recognised(client, seal):
    upload = SimpleUploadedFile("protokoll.pdf", bytes(seal.pdf), "application/pdf")
    response = _post(client, file=upload)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="verify-match"' in page and "oförändrad" in page
    assert seal.snapshot["meeting"]["title"] in page
    assert seal.pdf_sha256 in page


def test_a_changed_file_matches_nothing(client, seal):
    changed = bytes(seal.pdf) + b"\n%tampered"
    response = _post(client, file=SimpleUploadedFile("protokoll.pdf", changed))
    page = response.content.decode()
    assert 'id="verify-no-match"' in page and "Inga förseglade minnesanteckningar" in page
    assert hashlib.sha256(changed).hexdigest() in page


@pytest.mark.parametrize("which", ["pdf_sha256", "snapshot_sha256"])
def test_either_hash_is_recognised_pasted_loosely(client, seal, which):
    digest = getattr(seal, which)
    pasted = f"  SHA256:{digest[:32].upper()} {digest[32:]}\n"
    page = _post(client, digest=pasted).content.decode()
    assert 'id="verify-match"' in page
    assert seal.snapshot["approvals"] == [] or seal.snapshot["approvals"][0]["name"] in page


def test_an_unknown_hash_matches_nothing(client, seal):
    page = _post(client, digest="0" * 64).content.decode()
    assert 'id="verify-no-match"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Välj en fil eller klistra in en SHA-256."),
        ({"digest": "abc"}, "64 tecken"),
        ({"digest": "g" * 64}, "64 tecken"),
        ({"digest": "x" * 500}, "högst"),
    ],
)
def test_bad_input_is_a_message_not_a_500(client, data, message):
    response = _post(client, **data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_file_and_hash_together_are_refused(client, seal):
    upload = SimpleUploadedFile("protokoll.pdf", bytes(seal.pdf))
    page = _post(client, file=upload, digest=seal.pdf_sha256).content.decode()
    assert "inte båda" in page and 'id="verify-result"' not in page


def test_a_too_large_upload_is_refused_before_it_is_read(client, settings):
    response = client.post(
        URL,
        data=b"x" * 10,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(VERIFY_MAX_BYTES + 10**6),
    )
    assert response.status_code == 413
    assert "större än 20 MB" in response.content.decode()


def test_a_file_over_the_limit_is_skipped_while_read(client, monkeypatch, seal):
    monkeypatch.setattr("meetings.views.verify.VERIFY_MAX_BYTES", 1000)
    upload = SimpleUploadedFile("stor.pdf", b"%PDF" + b"x" * 5000)
    response = _post(client, file=upload)
    assert response.status_code == 413
    assert "större än 20 MB" in response.content.decode()
