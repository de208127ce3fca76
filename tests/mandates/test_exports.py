"""Member lists as CSV (UTF-8 with BOM, `;`) and Excel, for the secretariat; they parse back.

The routes stay under the forum's address (/forum/<slug>/medlemmar.csv) though mandates
serves them (mandates.member_urls); the matrix below is theirs, moved from the forums matrix.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync
from tests.factories import MandateFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

EXPORTS = ("forum_members:members_csv", "forum_members:members_xlsx")
LOGIN = "login"


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def secretariat_client(secretariat_user):
    return client_for(secretariat_user)


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
        reverse("forum_members:members_csv", kwargs={"slug": operative_forum.slug})
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
        reverse("forum_members:members_xlsx", kwargs={"slug": operative_forum.slug})
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


def test_the_paths_are_the_forums_own():
    assert reverse("forum_members:members_csv", args=["arbetsgruppen"]) == (
        "/forum/arbetsgruppen/medlemmar.csv"
    )
    assert reverse("forum_members:members_xlsx", args=["arbetsgruppen"]) == (
        "/forum/arbetsgruppen/medlemmar.xlsx"
    )


# --- Who may export: 404 if the forum is not seen, 403 if seen but not the secretariat's ----

ROLES = ("anonymous", "representative", "other_representative", "secretariat", "other_secretariat")
PRIVATE_FORUM = (404, 403, 404, 200, 404)
PUBLIC_FORUM = (LOGIN, 403, 403, 200, 403)


@pytest.fixture
def role_user(representative_user, secretariat_user, other_secretariat_user, tactical_forum):
    other_representative = UserFactory(username="annan-ledamot", organisation=OrganisationFactory())
    MandateFactory(person=other_representative, forum=tactical_forum, role=Mandate.Role.MEMBER)
    forum_permissions_sync(person=other_representative, forum=tactical_forum)
    users = {
        "anonymous": None,
        "representative": representative_user,
        "other_representative": other_representative,
        "secretariat": secretariat_user,
        "other_secretariat": other_secretariat_user,
    }
    return users.__getitem__


def _check(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302, (url, response.status_code)
        assert response["Location"].startswith(reverse("login")), response["Location"]
    else:
        assert response.status_code == expected, (url, response.status_code)


@pytest.mark.parametrize("is_public", [False, True], ids=["private", "public"])
@pytest.mark.parametrize("view", EXPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_matrix(view, role, is_public, role_user, operative_forum):
    operative_forum.is_public = is_public
    operative_forum.save()
    expected = (PUBLIC_FORUM if is_public else PRIVATE_FORUM)[ROLES.index(role)]
    url = reverse(view, kwargs={"slug": operative_forum.slug})
    _check(client_for(role_user(role)).get(url), expected, url)


def test_an_unknown_forum_is_not_found(secretariat_client):
    for view in EXPORTS:
        assert secretariat_client.get(reverse(view, args=["finns-inte"])).status_code == 404


def test_a_superuser_may_export(operative_forum):
    client = client_for(UserFactory(is_superuser=True, is_staff=True))
    for view in EXPORTS:
        assert client.get(reverse(view, args=[operative_forum.slug])).status_code == 200
