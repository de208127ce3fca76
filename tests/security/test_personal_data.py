"""Personal data by need (issue 11, item 5): every page that shows a person's contact
details, a signed mandate document or a mandate's history, as each role.

The operative forum is public, as the forums the attacker read were. Its members' e-mail
and phone, their mandates (documents, history) are for the forum's members, the secretariat
of its structure and administrators (ENTITLED); everyone else sees what each person chose to
publish and never less on a page for the logged-in than on the public page.
"""

import pytest
from django.urls import reverse

from tests.security.conftest import (
    DOCUMENT,
    ENTITLED,
    HIDDEN_EMAIL,
    HIDDEN_PHONE,
    OPEN_EMAIL,
    OPEN_PHONE,
    ROLES,
    make_public,
)

pytestmark = pytest.mark.django_db

LOGIN = "login"


def _get(client, world, role, url):
    client.logout()
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client.get(url)


def _body(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def _assert_login(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _assert_contact(body, *, full):
    """The hidden member's details only in full; the published e-mail always."""
    text = body.decode()
    assert (HIDDEN_EMAIL in text) is full
    assert (HIDDEN_PHONE in text) is full
    assert (OPEN_PHONE in text) is full
    assert OPEN_EMAIL in text


@pytest.fixture
def public_world(world):
    make_public(world["forum"])
    return world


@pytest.mark.parametrize("role", ROLES)
def test_the_forum_page_shows_full_contact_details_only_to_those_entitled(
    client, public_world, role
):
    response = _get(client, public_world, role, reverse(
        "forums:forum_detail", args=[public_world["forum"].slug]))  # fmt: skip
    if role == "anonymous":
        assert response.status_code == 302  # to the public page
        assert response["Location"] == reverse(
            "public_forums:forum_detail", args=[public_world["forum"].slug]
        )
        return
    assert response.status_code == 200
    # Never less than the public page: the published e-mail is there for everyone.
    _assert_contact(response.content, full=role in ENTITLED)


@pytest.mark.parametrize("role", ROLES)
def test_the_public_page_shows_what_is_published_to_everyone(client, public_world, role):
    response = _get(client, public_world, role, reverse(
        "public_forums:forum_detail", args=[public_world["forum"].slug]))  # fmt: skip
    assert response.status_code == 200
    _assert_contact(response.content, full=False)
    assert "Dora Dold" in response.text  # who sits there is public; how to reach them is not


AUDIT = "samverkan.audit"


def _audit_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == AUDIT]


@pytest.mark.parametrize("role", ROLES)
def test_the_signed_mandate_document_only_for_those_entitled(client, public_world, role, caplog):
    caplog.set_level("INFO", logger=AUDIT)
    mandate = public_world["hidden_mandate"]
    url = reverse("mandates:mandate_document", args=[mandate.pk])
    response = _get(client, public_world, role, url)
    if role == "anonymous":
        return _assert_login(response)
    if role in ENTITLED:
        assert response.status_code == 200
        assert _body(response) == DOCUMENT
        assert response["Cache-Control"] == "private, no-store"
        # Who opened which document is logged, never the document or a contact detail.
        user = public_world["users"][role]
        [line] = _audit_lines(caplog)
        assert f"mandates.Mandate pk={mandate.pk}" in line and f"user pk={user.pk}" in line
        assert HIDDEN_EMAIL not in line
    else:
        assert response.status_code == 404
        assert _audit_lines(caplog) == []


@pytest.mark.parametrize("role", ROLES)
def test_a_mandate_and_its_history_only_for_those_entitled(client, public_world, role):
    mandate = public_world["hidden_mandate"]
    url = reverse("mandates:mandate_detail", args=[mandate.pk])
    response = _get(client, public_world, role, url)
    if role == "anonymous":
        return _assert_login(response)
    assert response.status_code == (200 if role in ENTITLED else 404)
    if role in ENTITLED:
        assert 'id="history-heading"' in response.text and "Dora Dold" in response.text


@pytest.mark.parametrize("role", ROLES)
def test_the_forums_mandates_only_for_those_entitled(client, public_world, role):
    url = reverse("mandates:forum_mandates", args=[public_world["forum"].slug])
    response = _get(client, public_world, role, url)
    if role == "anonymous":
        return _assert_login(response)
    # The forum is public (so seen: 403, not 404), its mandates are not.
    assert response.status_code == (200 if role in ENTITLED else 403)


@pytest.mark.parametrize("role", ROLES)
def test_the_mandate_list_lists_the_forums_mandates_only_for_those_entitled(
    client, public_world, role
):
    response = _get(client, public_world, role, reverse("mandates:mandate_list"))
    if role == "anonymous":
        return _assert_login(response)
    assert response.status_code == 200
    marker = f'data-mandate="{public_world["hidden_mandate"].pk}"'
    assert (marker in response.text) is (role in ENTITLED)


@pytest.mark.parametrize("role", ROLES)
def test_a_person_page_shows_contact_details_only_to_those_entitled(client, public_world, role):
    for person, email, phone, published_email in (
        (public_world["hidden"], HIDDEN_EMAIL, HIDDEN_PHONE, False),
        (public_world["published"], OPEN_EMAIL, OPEN_PHONE, True),
    ):
        url = reverse("people:person_detail", args=[person.pk])
        response = _get(client, public_world, role, url)
        if role == "anonymous":
            _assert_login(response)
            continue
        # Who sits in a public forum is public, so every logged-in user finds the page.
        assert response.status_code == 200
        assert (email in response.text) is (role in ENTITLED or published_email)
        assert (phone in response.text) is (role in ENTITLED)
        mandate_row = f'data-mandate="{person.mandates.get().pk}"'
        assert (mandate_row in response.text) is (role in ENTITLED)


@pytest.mark.parametrize("role", ROLES)
def test_the_directory_shows_and_searches_contact_details_only_for_those_entitled(
    client, public_world, role
):
    response = _get(client, public_world, role, reverse("people:person_list"))
    if role == "anonymous":
        return _assert_login(response)
    assert response.status_code == 200
    _assert_contact(response.content, full=role in ENTITLED)
    # A search cannot spell out an address the viewer may not read.
    search = client.get(reverse("people:person_list"), {"q": "dold.ledamot@"})
    row = f'data-person="{public_world["hidden"].pk}"'
    assert (row in search.text) is (role in ENTITLED)
    search = client.get(reverse("people:person_list"), {"q": "oppen.ledamot@"})
    assert f'data-person="{public_world["published"].pk}"' in search.text


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("export", ["forum_members:members_csv", "forum_members:members_xlsx"])
def test_the_member_exports_only_for_the_secretariat(client, public_world, role, export, caplog):
    caplog.set_level("INFO", logger=AUDIT)
    response = _get(client, public_world, role, reverse(export, args=[public_world["forum"].slug]))
    if role == "anonymous":
        return _assert_login(response)
    if role in {"secretariat", "superuser"}:
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert len(_audit_lines(caplog)) == 1
        body = _body(response)
        if export.endswith("csv"):
            assert HIDDEN_EMAIL.encode() in body and HIDDEN_PHONE.encode() in body
        return
    assert response.status_code == 403
    assert _audit_lines(caplog) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_person_form_is_for_the_secretariat_that_may_see_the_details(
    client, public_world, role
):
    """The form shows the e-mail and phone, so it follows the same rule as the page."""
    url = reverse("people:person_update", args=[public_world["hidden"].pk])
    response = _get(client, public_world, role, url)
    if role == "anonymous":
        return _assert_login(response)
    allowed = role in {"secretariat", "superuser"}
    assert response.status_code == (200 if allowed else 403)
    assert (HIDDEN_EMAIL in response.text) is allowed


# --- the same on a forum that is not public --------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_closed_forums_people_are_unseen_by_those_outside_it(client, world, role):
    """Not public: outside the forum and its secretariat nobody even finds the pages."""
    hidden = world["hidden"]
    urls = {
        "forum": reverse("forums:forum_detail", args=[world["forum"].slug]),
        "person": reverse("people:person_detail", args=[hidden.pk]),
        "document": reverse("mandates:mandate_document", args=[world["hidden_mandate"].pk]),
    }
    for what, url in urls.items():
        response = _get(client, world, role, url)
        if role == "anonymous":
            assert response.status_code in (302, 404), what
            assert HIDDEN_EMAIL.encode() not in response.content
            continue
        entitled = role in ENTITLED or (role == "other_secretariat" and what == "person")
        assert response.status_code == (200 if entitled else 404), (what, role)
        if what == "person" and role == "other_secretariat":
            # The directory is shared by the secretariats; the details are not.
            assert HIDDEN_EMAIL not in response.text


# --- minutes: the page and its PDF follow one rule ------------------------------------------


@pytest.mark.parametrize("public", [False, True], ids=["closed", "public"])
@pytest.mark.parametrize("role", ROLES)
def test_the_minutes_page_and_its_pdf_answer_alike(client, world, approved_minutes, role, public):
    """The demo secretariat of another structure had a 404 on a public forum's minutes page
    and a 200 on its PDF: both now follow meetings.permissions.READ."""
    if public:
        make_public(world["forum"])
    minutes = approved_minutes
    page = _get(client, world, role, reverse("meetings:minutes_detail", args=[minutes.pk]))
    pdf = _get(client, world, role, reverse("meetings:minutes_pdf", args=[minutes.pk]))
    sees_forum = public or role in ENTITLED
    assert pdf.status_code == (200 if sees_forum else 404)
    if role == "anonymous":
        # The page is in the workspace (log in first); the PDF is what the public page links.
        return _assert_login(page)
    assert page.status_code == pdf.status_code
