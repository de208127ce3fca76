"""The import row limit (settings.IMPORT_MAX_ROWS, 20,000 by default): a longer file is refused
in the request, while it is read, before any row is checked or a worker is asked to."""

import pytest
from django.conf import settings
from django.core.files import File
from django.urls import reverse

from mandates import imports, services, tasks
from mandates.imports import rows as import_rows
from mandates.models import MandateImport, MandateImportRow
from tests.mandates.factories import csv_upload

pytestmark = pytest.mark.django_db

HEADER = "email;first_name;last_name\n"
REFUSED_SV = "Filen har fler än 20\xa0000 rader"


def big_csv(path, rows):
    """A CSV of `rows` people written line by line: never held in memory as a whole."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for number in range(rows):
            handle.write(f"person{number}@example.se;Person;Nummer {number}\n")
    return path


def _never(*args, **kwargs):
    raise AssertionError("a file over the row limit must be refused before this")


@pytest.fixture
def nothing_checked_or_queued(monkeypatch):
    monkeypatch.setattr(import_rows.RowChecker, "check", _never)
    monkeypatch.setattr(tasks.mandate_import_check, "delay_on_commit", _never)


def test_the_default_limit_is_20000():
    assert settings.IMPORT_MAX_ROWS == 20_000


def test_100000_rows_are_refused_in_the_request_before_any_row_is_checked(
    tmp_path, secretariat_user, structure, nothing_checked_or_queued
):
    path = big_csv(tmp_path / "stor.csv", 100_000)

    with path.open("rb") as handle:
        mandate_import = services.mandate_import_create(
            actor=secretariat_user, structure=structure, file=File(handle, name="stor.csv")
        )
    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)

    mandate_import.refresh_from_db()
    assert mandate_import.status == MandateImport.Status.FAILED
    assert mandate_import.error.startswith(REFUSED_SV)
    assert "importera dem en i taget" in mandate_import.error
    assert not MandateImportRow.objects.filter(mandate_import=mandate_import).exists()


def test_the_reader_stops_at_the_first_row_over_the_limit(settings, secretariat_user, structure):
    settings.IMPORT_MAX_ROWS = 3
    text = HEADER + "".join(f"p{n}@example.se;P;N\n" for n in range(10))
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload(text)
    )
    read = []

    with pytest.raises(imports.ImportFileError, match="fler än 3 rader"):
        for number, _values in imports.iter_import_rows(mandate_import):
            read.append(number)

    assert read == [2, 3, 4]


def test_the_reader_stops_even_when_the_estimate_is_within_the_limit(
    settings, secretariat_user, structure
):
    # A workbook can misstate its size; the check while reading does not rely on it.
    settings.IMPORT_MAX_ROWS = 3
    text = HEADER + "".join(f"p{n}@example.se;P;N\n" for n in range(5))
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload(text)
    )

    with pytest.raises(imports.ImportFileError):
        list(imports.ImportRows(mandate_import, estimated_rows=2))


def test_a_file_at_the_limit_is_checked(settings, secretariat_user, structure):
    settings.IMPORT_MAX_ROWS = 3
    text = HEADER + "".join(f"p{n}@example.se;P;N\n" for n in range(3))
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload(text)
    )

    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)

    mandate_import.refresh_from_db()
    assert mandate_import.status == MandateImport.Status.PREVIEWED
    assert mandate_import.row_count == 3


def test_empty_lines_do_not_count_towards_the_limit(settings, secretariat_user, structure):
    settings.IMPORT_MAX_ROWS = 3
    text = HEADER + "p1@example.se;P;N\n;;\n;;\n;;\np2@example.se;P;N\n"
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload(text)
    )

    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)

    mandate_import.refresh_from_db()
    assert mandate_import.status == MandateImport.Status.PREVIEWED


def test_the_page_says_why_in_swedish(
    client, settings, secretariat_user, structure, nothing_checked_or_queued
):
    settings.IMPORT_MAX_ROWS = 2
    text = HEADER + "".join(f"p{n}@example.se;P;N\n" for n in range(3))
    client.force_login(secretariat_user)

    response = client.post(
        reverse("mandates:import_create", args=[structure.slug]),
        {"file": csv_upload(text)},
        follow=True,
    )

    assert response.status_code == 200
    assert "Filen har fler än 2 rader" in response.content.decode()


def test_a_value_longer_than_its_field_makes_the_row_invalid(secretariat_user, structure):
    text = (
        "email;first_name;last_name;scope\n"
        f"a@example.se;{'Å' * 151};Andersson;\n"
        f"b@example.se;Bo;Berg;{'x' * 20_001}\n"
        "c@example.se;Cia;Ceder;\n"
    )
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload(text)
    )

    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)

    found = {row.number: row for row in mandate_import.rows.all()}
    assert found[2].errors == ["Kolumnen first_name är längre än 150 tecken."]
    assert found[3].errors == ["Kolumnen scope är längre än 20000 tecken."]
    assert found[4].errors == []
