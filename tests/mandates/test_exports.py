"""Member lists as CSV (UTF-8 with BOM, `;`) and Excel, for the secretariat; they parse back."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from mandates.models import Mandate
from tests.factories import MandateFactory, OrganisationFactory, UserFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def members(operative_forum, representative_user):
    person = UserFactory(
        first_name="Åsa",
        last_name="Öberg",
        email="asa@example.org",
        phone="+46 70 123 45 67",
    )
    MandateFactory(
        person=person,
        forum=operative_forum,
        organisation=OrganisationFactory(name="Region Jönköpings län"),
        role=Mandate.Role.CHAIR,
        valid_from=datetime.date(2026, 1, 1),
        valid_to=datetime.date(2027, 12, 31),
    )
    MandateFactory(
        person=UserFactory(first_name='=HYPERLINK("x")', last_name="Evil"),
        forum=operative_forum,
        organisation=OrganisationFactory(name="@SUM(A1)"),
    )
    # Not in force: left out.
    MandateFactory(forum=operative_forum, status=Mandate.Status.ENDED)
    return person


def test_csv_parses_back(secretariat_client, operative_forum, members, representative_user):
    response = secretariat_client.get(
        reverse("forums:members_csv", kwargs={"slug": operative_forum.slug})
    )
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{operative_forum.slug}-members.csv"' in response["Content-Disposition"]
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for å, ä, ö
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) == 7
    body = rows[1:]
    assert len(body) == 3
    assert body[0] == [
        "Åsa Öberg",
        str(Mandate.Role.CHAIR.label),
        "Region Jönköpings län",
        "asa@example.org",
        "+46 70 123 45 67",
        "2026-01-01",
        "2027-12-31",
    ]
    names = [row[0] for row in body]
    assert representative_user.get_full_name() in names
    evil = next(row for row in body if "Evil" in row[0])
    assert evil[0].startswith("'=") and evil[2] == "'@SUM(A1)"


def test_xlsx_parses_back(secretariat_client, operative_forum, members):
    response = secretariat_client.get(
        reverse("forums:members_xlsx", kwargs={"slug": operative_forum.slug})
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 4 and len(rows[0]) == 7
    first = rows[1]
    assert first[:5] == (
        "Åsa Öberg",
        str(Mandate.Role.CHAIR.label),
        "Region Jönköpings län",
        "asa@example.org",
        "+46 70 123 45 67",
    )
    assert first[5].date() == datetime.date(2026, 1, 1)
    assert first[6].date() == datetime.date(2027, 12, 31)
    evil = next(row for row in rows if row[0] and "Evil" in row[0])
    assert evil[0].startswith("'=")
    assert all(cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row)


def test_exports_are_for_the_secretariat_only(representative_user, operative_forum):
    client = client_for(representative_user)
    for view in ("forums:members_csv", "forums:members_xlsx"):
        assert client.get(reverse(view, kwargs={"slug": operative_forum.slug})).status_code == 403
