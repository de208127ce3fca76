"""Factories for the models the mandates app adds (tests/factories.py has the shared ones)."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from mandates.models import Invitation, MandateImport
from tests.factories import StructureFactory, UserFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="mandat.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def csv_upload(text, name="import.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    person = factory.SubFactory(UserFactory)
    invited_by = factory.SubFactory(UserFactory)
    base_url = "http://testserver"


class MandateImportFactory(DjangoModelFactory):
    class Meta:
        model = MandateImport

    structure = factory.SubFactory(StructureFactory)
    uploaded_by = factory.SubFactory(UserFactory)
    file = factory.django.FileField(filename="import.csv", data=b"email\n")
    file_name = "import.csv"
