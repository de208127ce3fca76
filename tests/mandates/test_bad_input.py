"""A ZIP renamed .xlsx gave a 500 and left the import stuck as "uploaded": it is refused at
upload with a message, and an import whose file cannot be read ends as failed, never stuck."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mandates import services
from mandates.models import MandateImport
from tests.mandates.factories import MandateImportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("people.txt", "email\nanna@example.se\n")
    return buffer.getvalue()


def test_a_zip_renamed_xlsx_is_refused_at_upload(client, secretariat_user, structure):
    client.force_login(secretariat_user)
    response = client.post(
        reverse("mandates:import_create", args=[structure.slug]),
        {"file": SimpleUploadedFile("people.xlsx", zip_bytes())},
    )
    assert response.status_code == 200
    assert "inte en Excel-arbetsbok" in response.content.decode()
    assert not MandateImport.objects.exists()


def test_an_import_whose_file_cannot_be_read_ends_as_failed(secretariat_user, structure):
    from django.core.files.base import ContentFile

    mandate_import = MandateImportFactory(
        structure=structure, uploaded_by=secretariat_user, file_name="people.xlsx", file=None
    )
    mandate_import.file.save("broken.xlsx", ContentFile(zip_bytes()))
    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)
    mandate_import.refresh_from_db()
    assert mandate_import.status == MandateImport.Status.FAILED
    assert "Excelfilen kan inte läsas" in mandate_import.error
    assert not mandate_import.rows.exists()


def test_a_chair_posted_with_a_deputy_for_is_saved_without_it(
    client, secretariat_user, operative_forum, representative_user
):
    """The form offers "deputy for" beside every role; for any role but deputy it was a 500
    (the database's check that only a deputy stands in)."""
    from django.utils import timezone

    from mandates.models import Mandate
    from tests.factories import UserFactory

    person = UserFactory(organisation=representative_user.organisation)
    client.force_login(secretariat_user)
    response = client.post(
        reverse("mandates:mandate_create", args=[operative_forum.slug]),
        {
            "person": person.pk,
            "role": Mandate.Role.CHAIR,
            "organisation": person.organisation.pk,
            "deputy_for": representative_user.mandates.get().pk,
            "valid_from": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    assert Mandate.objects.get(person=person).deputy_for is None
