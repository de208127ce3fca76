"""Importing people and mandates: a preview that says why each row is not valid, nothing saved
until confirmed, then every valid row in one transaction (or none); large files in Celery."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kernel.models import User
from mandates import imports, services
from mandates.models import Mandate, MandateImport
from mandates.permissions import ROLE_PERMISSIONS, held_permissions
from tests.celery_worker import wait_for
from tests.clock import FROZEN_DAY
from tests.factories import MandateFactory, UserFactory
from tests.mandates.factories import csv_upload


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


START = (FROZEN_DAY - datetime.timedelta(days=10)).isoformat()
END = (FROZEN_DAY + datetime.timedelta(days=355)).isoformat()

HEADER = "email;first_name;last_name;organisation;forum;role;valid_from;valid_to\n"


def upload(actor, structure, text, name="import.csv", encoding="utf-8"):
    mandate_import = services.mandate_import_create(
        actor=actor, structure=structure, file=csv_upload(text, name, encoding)
    )
    services.mandate_import_start_check(actor=actor, mandate_import=mandate_import)
    mandate_import.refresh_from_db()
    return mandate_import


def rows(mandate_import):
    return {row.number: row for row in mandate_import.rows.order_by("number")}


@pytest.fixture
def sample(structure, strategic_forum, operative_forum, region_a, region_b, agency_a):
    UserFactory(username="befintlig", email="finns@example.se")
    return (
        HEADER
        + f"anna@example.se;Anna;Andersson;Region A;Arbetsgruppen;ledamot;{START};{END}\n"  # 2
        + f"bo@example.se;Bo;Berg;Region Okänd;Arbetsgruppen;member;{START};{END}\n"  # 3
        + f"cia@example.se;Cia;Ceder;Region A;Ingen grupp;member;{START};{END}\n"  # 4
        + f"dan@example.se;Dan;Dahl;Region B;Arbetsgruppen;member;31/12/2026;{END}\n"  # 5
        + f"anna@example.se;Annika;Andersson;Region A;Styrgruppen;member;{START};{END}\n"  # 6
        + f"eva@example.se;Eva;Ek;Region A;Styrgruppen;chair;{START};{END}\n"  # 7
        + f"fia@example.se;Fia;Fors;Region B;Styrgruppen;Ordförande;{START};{END}\n"  # 8
        + f"finns@example.se;Finn;Finns;Myndighet A;Arbetsgruppen;member;{START};{END}\n"  # 9
        + f"gun@example.se;Gun;Gran;Region A;Arbetsgruppen;kung;{START};{END}\n"  # 10
        + "hans@example.se;Hans;Holm;Myndighet A;;;;\n"  # 11: a person only
        + ";;;;;;;\n"  # an empty row is skipped
        + "inte-en-adress;Ivar;Ivarsson;;;;;\n"  # 13
        + "jon@example.se;;;Region A;;;;\n"  # 14: a new person without a name
    )


@pytest.mark.django_db
def test_preview_says_why_each_row_is_not_valid_and_saves_nothing(
    secretariat_user, structure, sample
):
    people_before, mandates_before = User.objects.count(), Mandate.objects.count()
    mandate_import = upload(secretariat_user, structure, sample)

    assert mandate_import.status == MandateImport.Status.PREVIEWED
    assert mandate_import.row_count == 12
    found = rows(mandate_import)
    assert sorted(n for n, row in found.items() if row.is_valid) == [2, 7, 9, 11]
    reasons = {n: " ".join(row.errors) for n, row in found.items()}
    assert "Okänd organisation ”Region Okänd”" in reasons[3]
    assert "Okänt forum ”Ingen grupp”" in reasons[4]
    assert "Ogiltigt datum ”31/12/2026”" in reasons[5]
    assert "Dubblett av person: rad 2" in reasons[6]
    assert "har redan en aktiv ordförande" in reasons[8]  # a second chair, after row 7's
    assert "Okänd roll ”kung”" in reasons[10]
    assert "Ogiltig e-postadress" in reasons[13]
    assert "både förnamn och efternamn" in reasons[14]
    assert found[9].person is None  # an existing person is reused, not created
    assert (User.objects.count(), Mandate.objects.count()) == (people_before, mandates_before)


@pytest.mark.django_db
def test_a_person_already_registered_under_another_name_is_a_duplicate(secretariat_user, structure):
    UserFactory(username="olle", email="olle@example.se")
    text = "username;email;first_name;last_name\nolof;olle@example.se;Olof;Ek\n"
    mandate_import = upload(secretariat_user, structure, text)
    (row,) = mandate_import.rows.all()
    assert row.errors == ["Dubblett av person: e-postadressen tillhör olle, inte olof."]


@pytest.mark.django_db
def test_confirm_saves_every_valid_row(
    secretariat_user, structure, sample, operative_forum, strategic_forum
):
    mandate_import = upload(secretariat_user, structure, sample)
    mandate_import = services.mandate_import_confirm(
        actor=secretariat_user, mandate_import=mandate_import
    )
    assert mandate_import.status == MandateImport.Status.DONE
    assert mandate_import.saved_count == 4

    anna = User.objects.get(email="anna@example.se")
    assert not anna.has_usable_password()
    assert anna.history.get().history_user == secretariat_user
    mandate = anna.mandates.get()
    assert (mandate.forum, mandate.role, mandate.status) == (
        operative_forum,
        Mandate.Role.MEMBER,
        Mandate.Status.ACTIVE,
    )
    assert mandate.history.get().history_change_reason == "imported from import.csv"
    assert held_permissions(person=anna, forum=operative_forum) == ROLE_PERMISSIONS["member"]
    eva = User.objects.get(email="eva@example.se")
    assert eva.mandates.get().role == Mandate.Role.CHAIR
    assert User.objects.filter(email="hans@example.se").exists()
    assert User.objects.get(username="befintlig").mandates.count() == 1
    for email in ("bo@example.se", "cia@example.se", "dan@example.se", "fia@example.se"):
        assert not User.objects.filter(email=email).exists()
    assert rows(mandate_import)[2].mandate == mandate


@pytest.mark.django_db
def test_one_failure_while_saving_saves_nothing(secretariat_user, structure, sample, monkeypatch):
    """The people and mandates are written, then granting fails: all of it is rolled back."""
    mandate_import = upload(secretariat_user, structure, sample)
    people_before, mandates_before = User.objects.count(), Mandate.objects.count()

    def failing(mandates):
        assert mandates and all(m.pk for m in mandates)  # already in the database
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services.imports, "_import_grant", failing)
    mandate_import = services.mandate_import_confirm(
        actor=secretariat_user, mandate_import=mandate_import
    )
    assert mandate_import.status == MandateImport.Status.FAILED
    assert "Ingenting sparades" in mandate_import.error
    assert (User.objects.count(), Mandate.objects.count()) == (people_before, mandates_before)
    assert not mandate_import.rows.filter(mandate__isnull=False).exists()


@pytest.mark.django_db
def test_rows_no_longer_valid_at_confirm_are_left_out(
    secretariat_user, structure, strategic_forum, region_a, region_b
):
    text = (
        HEADER
        + f"eva@example.se;Eva;Ek;Region A;Styrgruppen;chair;{START};{END}\n"
        + f"hans@example.se;Hans;Holm;Region B;Styrgruppen;member;{START};{END}\n"
    )
    mandate_import = upload(secretariat_user, structure, text)
    assert mandate_import.valid_count == 2
    MandateFactory(forum=strategic_forum, role=Mandate.Role.CHAIR, organisation=region_b)
    mandate_import = services.mandate_import_confirm(
        actor=secretariat_user, mandate_import=mandate_import
    )
    assert mandate_import.saved_count == 1
    row = rows(mandate_import)[2]
    assert row.errors and "har redan en aktiv ordförande" in row.errors[0]
    assert not User.objects.filter(email="eva@example.se").exists()
    assert User.objects.filter(email="hans@example.se").exists()


@pytest.mark.django_db
def test_excel_with_swedish_headers_is_read_only_and_streamed(
    secretariat_user, structure, operative_forum, region_a, monkeypatch
):
    from openpyxl import Workbook, load_workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["E-post", "Förnamn", "Efternamn", "Organisation", "Forum", "Roll", "Från"])
    sheet.append(["kim@example.se", "Kim", "Kask", "RA", "Arbetsgruppen", "Ledamot",
                  FROZEN_DAY - datetime.timedelta(days=3)])  # fmt: skip
    sheet.append(["lo@example.se", "Lo", "Lind", "Region A", "arbetsgruppen", "sekreterare", None])
    data = io.BytesIO()
    workbook.save(data)
    opened = []

    def spy(*args, **kwargs):
        opened.append(kwargs)
        return load_workbook(*args, **kwargs)

    monkeypatch.setattr("openpyxl.load_workbook", spy)
    mandate_import = services.mandate_import_create(
        actor=secretariat_user,
        structure=structure,
        file=SimpleUploadedFile("people.xlsx", data.getvalue()),
    )
    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)
    mandate_import.refresh_from_db()
    assert opened and all(kwargs.get("read_only") for kwargs in opened)
    found = rows(mandate_import)
    assert found[2].is_valid, found[2].errors
    assert found[2].data["valid_from"] == (FROZEN_DAY - datetime.timedelta(days=3)).isoformat()
    assert "Mandatet måste ha ett startdatum (valid_from)." in found[3].errors


@pytest.mark.django_db
def test_a_windows_csv_with_swedish_letters(secretariat_user, structure, operative_forum, region_a):
    text = (
        "e-post;förnamn;efternamn;organisation;forum;roll;från\n"
        f"asa@example.se;Åsa;Öberg;Region A;Arbetsgruppen;ledamot;{START}\n"
    )
    mandate_import = upload(secretariat_user, structure, text, encoding="cp1252")
    (row,) = mandate_import.rows.all()
    assert row.is_valid, row.errors
    assert row.data["last_name"] == "Öberg"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("people.exe", b"MZ..."),
        ("people.xlsx", b"email\nnot a zip\n"),
        ("people.csv", b"\x00\x01\x02binary"),
    ],
)
def test_files_that_are_not_csv_or_excel_are_refused(secretariat_user, structure, name, data):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.mandate_import_create(
            actor=secretariat_user, structure=structure, file=SimpleUploadedFile(name, data)
        )
    assert "file" in error.value.error_dict
    assert not MandateImport.objects.exists()


@pytest.mark.django_db
def test_a_file_without_known_columns_fails_with_a_reason(secretariat_user, structure):
    mandate_import = upload(secretariat_user, structure, "namn;telefon\nAnna;123\n")
    assert mandate_import.status == MandateImport.Status.FAILED
    assert "email" in mandate_import.error


@pytest.mark.django_db
def test_the_pages_preview_and_confirm(client, secretariat_user, structure, sample):
    client.force_login(secretariat_user)
    response = client.post(
        reverse("mandates:import_create", args=[structure.slug]),
        {"file": csv_upload(sample)},
    )
    mandate_import = MandateImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mandates:import_detail", args=[mandate_import.pk])
    page = client.get(response["Location"])
    assert "Okänd organisation ”Region Okänd”" in page.text
    assert page.context["can_confirm"]
    invalid_only = client.get(response["Location"] + "?invalid=1")
    assert {row.record.number for row in invalid_only.context["table"].paginated_rows} == {
        3,
        4,
        5,
        6,
        8,
        10,
        13,
        14,
    }
    response = client.post(reverse("mandates:import_confirm", args=[mandate_import.pk]))
    assert response.status_code == 302
    mandate_import.refresh_from_db()
    assert mandate_import.status == MandateImport.Status.DONE
    # Confirming twice saves nothing twice.
    client.post(reverse("mandates:import_confirm", args=[mandate_import.pk]))
    assert User.objects.filter(email="anna@example.se").count() == 1


@pytest.mark.django_db
def test_progress_polling_reloads_the_page_when_done(client, secretariat_user, structure):
    client.force_login(secretariat_user)
    mandate_import = upload(secretariat_user, structure, "email\nx@example.se\n")
    url = reverse("mandates:import_progress", args=[mandate_import.pk])
    assert client.get(url).status_code == 302  # without htmx: the page itself
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.headers["HX-Refresh"] == "true"


@pytest.mark.django_db
def test_a_running_import_shows_a_polling_progress_bar(client, secretariat_user, structure):
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload("email\nx@example.se\n")
    )
    client.force_login(secretariat_user)
    page = client.get(reverse("mandates:import_detail", args=[mandate_import.pk]))
    assert '<progress id="import-progress-bar"' in page.text
    assert 'hx-trigger="every 2s"' in page.text
    assert reverse("mandates:import_progress", args=[mandate_import.pk]) in page.text
    partial = client.get(
        reverse("mandates:import_progress", args=[mandate_import.pk]),
        headers={"HX-Request": "true"},
    )
    assert partial.status_code == 200
    assert "<h1" not in partial.text


def _large_csv(count):
    lines = [HEADER]
    for number in range(count):
        lines.append(f"p{number}@example.se;Person;Nummer{number};Region A;Arbetsgruppen;"
                     f"secretary;{START};{END}\n")  # fmt: skip
    return "".join(lines)


@pytest.mark.django_db
def test_a_large_file_goes_to_celery(
    secretariat_user, structure, operative_forum, region_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mandate_import = services.mandate_import_create(
            actor=secretariat_user, structure=structure, file=csv_upload(_large_csv(201))
        )
        services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)
    mandate_import.refresh_from_db()
    assert mandate_import.status == MandateImport.Status.UPLOADED  # not checked in the request
    assert len(callbacks) == 1
    callbacks[0]()  # the task (eager here)
    mandate_import.refresh_from_db()
    assert (mandate_import.status, mandate_import.row_count) == (
        MandateImport.Status.PREVIEWED,
        201,
    )


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_checks_and_saves_a_large_import(
    celery_worker, secretariat_user, structure, operative_forum, region_a
):
    mandate_import = services.mandate_import_create(
        actor=secretariat_user, structure=structure, file=csv_upload(_large_csv(250))
    )
    services.mandate_import_start_check(actor=secretariat_user, mandate_import=mandate_import)

    def status_is(status):
        def check():
            mandate_import.refresh_from_db()
            return mandate_import.status in (status, MandateImport.Status.FAILED)

        return check

    assert wait_for(status_is(MandateImport.Status.PREVIEWED)), mandate_import.status
    assert mandate_import.status == MandateImport.Status.PREVIEWED, mandate_import.error
    assert (mandate_import.row_count, mandate_import.valid_count, mandate_import.progress) == (
        250,
        250,
        100,
    )
    services.mandate_import_confirm(actor=secretariat_user, mandate_import=mandate_import)
    assert wait_for(status_is(MandateImport.Status.DONE)), mandate_import.status
    assert mandate_import.status == MandateImport.Status.DONE, mandate_import.error
    assert mandate_import.saved_count == 250
    assert Mandate.objects.filter(forum=operative_forum, role="secretary").count() == 250
    record = mandate_import.history.first()
    assert record.history_user == secretariat_user


def test_header_aliases():
    assert imports.files._header(["E-post", "Förnamn", "valid from", "okänd"]) == [
        "email",
        "first_name",
        "valid_from",
        None,
    ]
