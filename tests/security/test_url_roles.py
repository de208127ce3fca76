"""The permission matrix generated from the URL resolver (issue 11, item 9).

Every URL of the portal (not a hand list: the resolver is walked) is filled from the world
of tests/security/conftest.py and requested with GET as each role. Its arguments come from
FILL, keyed by the kwarg name and the literal path segment before it ("mandat/<int:pk>/"
is a mandate's pk); a URL it cannot fill fails the test until FILL says what it names.

For every URL and role:
- never a 500;
- anonymous is sent to log in (or finds nothing: a 404 where the forum app does not say a
  closed forum exists, a 405 for a POST-only URL), and never gets a 200 except on the pages
  meant for anyone (ANYONE: sign-in, password reset, invitation, the public forum pages,
  minutes verification and PDF, the calendar feed), which have no personal data;
- the personal data of the operative forum's members (an unpublished e-mail and phone, a
  signed mandate document) appears only for the roles entitled to it;
- where an app's own permission matrix (tests/<app>/test_permissions.py) has a GET row for
  the URL on the same kind of object, the status is the one that matrix says.

Each role's walk is one test (the world is built once per role), under a minute in all.
"""

import importlib
import re

import pytest
from django.urls import URLResolver, get_resolver, reverse

from kernel.models import Notification
from tests.factories import NotificationFactory
from tests.security.conftest import (
    DOCUMENT,
    ENTITLED,
    HIDDEN_EMAIL,
    HIDDEN_PHONE,
    ROLES,
    make_public,
)
from tests.test_url_matrix import MATRIX_MODULE, NOT_OURS

pytestmark = pytest.mark.django_db

# (literal segment before the kwarg, kwarg name) -> how to fill it from the world.
FILL = {
    ("mandat", "pk"): lambda w: w["hidden_mandate"].pk,
    ("forum", "slug"): lambda w: w["forum"].slug,
    ("struktur", "slug"): lambda w: w["structure"].slug,
    ("strukturer", "slug"): lambda w: w["structure"].slug,
    ("sekretariat", "slug"): lambda w: w["structure"].slug,
    ("offentligt", "slug"): lambda w: w["forum"].slug,
    ("import", "pk"): lambda w: w["import"].pk,
    ("personer", "pk"): lambda w: w["hidden"].pk,
    ("personnummer", "pk"): lambda w: w["hidden"].pk,  # linking a person to their e-ID
    ("inbjudan", "uidb64"): lambda w: "MQ",
    ("inbjudan", "token"): lambda w: "wrong-token",
    ("reset", "uidb64"): lambda w: "MQ",
    ("reset", "token"): lambda w: "wrong-token",
    ("parter", "pk"): lambda w: w["party"].pk,
    ("organisationer", "pk"): lambda w: w["organisation"].pk,
    ("arenden", "reference"): lambda w: w["case"].reference,
    ("arenden", "step"): lambda w: "forbered",
    ("bilagor", "pk"): lambda w: w["attachment"].pk,
    ("kalender", "token"): lambda w: w["calendar_token"],
    ("moten", "pk"): lambda w: w["meeting"].pk,
    ("moten", "action"): lambda w: "convene",
    ("punkt", "pk"): lambda w: w["item"].pk,
    ("flytta", "direction"): lambda w: "up",
    ("protokoll", "pk"): lambda w: w["minutes"].pk,
    ("protokoll", "action"): lambda w: "submit",
    ("atgard", "pk"): lambda w: w["action_item"].pk,
    # a notice of someone else's: 404 for everyone else (its own matrix opens one's own)
    ("aviseringar", "pk"): lambda w: _notice_of_hidden(w),
    # the direction document of the tactical forum above the operative one, and its draft
    ("inriktningsdokument", "pk"): lambda w: _direction_document(w).pk,
    ("version", "pk"): lambda w: _direction_document(w).versions.get().pk,
}


def _direction_document(world):
    from cycle.models import DirectionDocument

    tactical = world["forum"].escalates_to
    document = DirectionDocument.objects.filter(forum=tactical).first()
    if document is None:
        from cycle import services
        from tests.cycle.direction_helpers import document_data

        secretary = tactical.structure.secretariat_staff.first()
        document = services.direction_document_create(
            actor=secretary, forum=tactical, data=document_data(world["forum"])
        )
    return document


def _notice_of_hidden(world):
    notice = Notification.objects.filter(recipient=world["hidden"]).first()
    return (notice or NotificationFactory(recipient=world["hidden"], link="/moten/")).pk


# Pages for anyone: no login, and no personal data.
ANYONE = {
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "people:invitation_accept",
    "public_forums:forum_list",
    "public_forums:forum_detail",
    "meetings:minutes_verify",
    "meetings:minutes_pdf",
    "meetings:calendar_feed",
    # The exports answer 404 to whoever may not see the forum (it must not be found).
    "forum_members:members_csv",
    "forum_members:members_xlsx",
    # POST-only: GET is refused (405) before anything else.
    "logout",
    "set_language",
}
# Rows of the apps' matrices that need a world this one does not build (said why).
NOT_COMPARED = {
    # the wind-down actions need a forum being wound down (their own matrix builds one)
    "forum_wind_down:case",
    "forum_wind_down:meeting",
    "forum_wind_down:meetings",
    # direction documents belong to the tactical forum; their matrix (tests/cycle) has the
    # roles of that forum, and the walk here still opens each of them as every role
    "cycle:direction_document_create",
    "cycle:direction_document_detail",
    "cycle:direction_document_edit",
    "cycle:direction_version_draft",
    "cycle:direction_version_edit",
    "cycle:direction_version_agenda",
}
# Matrices whose rows are about the session (signed in, second factor, e-ID configured), not
# about who the person is in a forum: their own tests check them; the walk still opens them.
SESSION_MATRICES = {
    "tests.oidc.test_permissions",
    "tests.two_factor.test_permissions",
    "tests.samverkan.accounts.test_permissions",
    # one's own notices only, whoever one is in a forum
    "tests.samverkan.notifications.test_permissions",
}
# The apps' matrices name roles their own way; the same people here.
ROLE_NAMES = {
    "anonymous": "anonymous",
    "outsider": "outsider",
    "representative": "member",
    "member": "member",
    "other_representative": "chair",  # a member of the tactical forum of this structure
    "chair": "chair",
    "secretariat": "secretariat",
    "other_secretariat": "other_secretariat",
    "admin": "superuser",
}
# The matrices' targets that are the objects FILL names (the operative forum's, this
# structure's); other targets (another structure's, the chair's own) are not compared.
SAME_TARGETS = {
    None, "none", "forum", "structure", "mandate", "import", "person", "invitation",
    "meeting", "meeting_action", "item", "item_move", "minutes", "minutes_action",
    "action_item", "token", "case", "step", "attachment", "party", "organisation",
}  # fmt: skip
LOGIN = "L"


def _url_patterns(resolver, route="", namespace=None):
    """(name, full route) of every named URL of the portal, below `resolver`."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in NOT_OURS:
                continue
            inner = pattern.namespace or namespace
            yield from _url_patterns(pattern, route + str(pattern.pattern), inner)
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, route + str(pattern.pattern)


KWARG = re.compile(r"<(?:\w+:)?(\w+)>")


def _fill_keys(route):
    """[(segment before, kwarg)] of a route, in order."""
    keys, literal = [], ""
    for segment in route.strip("/").split("/"):
        found = KWARG.findall(segment)
        if not found:
            literal = segment
            continue
        keys += [(literal, kwarg) for kwarg in found]
    return keys


def url_for(world, name, route):
    kwargs = {}
    for key in _fill_keys(route):
        if key not in FILL:
            raise AssertionError(f"{name} ({route}): say in FILL what {key} names")
        kwargs[key[1]] = FILL[key](world)
    return reverse(name, kwargs=kwargs)


ALL_URLS = sorted(_url_patterns(get_resolver()))


# --- what the apps' matrices say -------------------------------------------------------------


def _code(value):
    """An app matrix's cell: "L" / "login" (log in first), "public" (the public page), or a
    status."""
    if value in (LOGIN, "login"):
        return LOGIN
    return value if value == "public" else int(value)


def _rows(module):
    """(name, target, {our role: expected}) of a module's GET rows, whatever its format."""
    matrix = getattr(module, "MATRIX", None)
    roles = getattr(module, "ROLES", None) or importlib.import_module("tests.matrix").MATRIX_ROLES
    if isinstance(matrix, dict):  # forums: name -> (kind, expected per ROLES)
        for name, (kind, expected) in matrix.items():
            yield name, kind, dict(zip(roles, expected, strict=True))
        return
    for name, target, method, codes in matrix or []:
        if method == "get":
            yield name, target, dict(zip(roles, codes.split(), strict=True))


def app_expectations():
    """{url name: {our role: expected status or "L"}} from the first comparable GET row."""
    expected = {}
    for module_name in sorted(set(MATRIX_MODULE.values()) - SESSION_MATRICES):
        module = importlib.import_module(module_name)
        for name, target, statuses in _rows(module):
            if name in expected or name in NOT_COMPARED or target not in SAME_TARGETS:
                continue
            expected[name] = {ROLE_NAMES[role]: _code(code) for role, code in statuses.items()}
    return expected


APP_EXPECTATIONS = app_expectations()


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _has_personal_data(body):
    return HIDDEN_EMAIL.encode() in body or HIDDEN_PHONE.encode() in body or DOCUMENT in body


def _anonymous_ok(name, response, *, public=False):
    """Anonymous: a page for anyone, or sent to log in, or nothing found (404, 405)."""
    status = response.status_code
    if name in ANYONE:
        return status in (200, 302, 404, 405)
    if status == 302:
        location = response["Location"]
        to_public = public and name == "forums:forum_detail" and "/offentligt/" in location
        return location.startswith(reverse("login")) or to_public
    return status in (404, 405)


def _walk(client, world, role):
    """GET every URL as `role`: {name: (status, response)}; a 500 raises here."""
    user = world["users"][role]
    results = {}
    if user is not None:
        client.force_login(user)
    for name, route in ALL_URLS:
        response = client.get(url_for(world, name, route))
        assert response.status_code < 500, (name, role, response.status_code)
        results[name] = response
    return results


def test_every_url_is_filled_and_every_anyone_page_exists():
    names = {name for name, _route in ALL_URLS}
    for name, route in ALL_URLS:
        for key in _fill_keys(route):
            assert key in FILL, f"{name} ({route}): say in FILL what {key} names"
    assert ANYONE <= names
    assert NOT_COMPARED <= names
    assert set(APP_EXPECTATIONS) <= names
    # Every URL with a GET row in an app's matrix is compared (on the same kind of object).
    with_get_rows = {
        name
        for module_name in set(MATRIX_MODULE.values()) - SESSION_MATRICES
        for name, _target, _statuses in _rows(importlib.import_module(module_name))
    }
    assert with_get_rows - NOT_COMPARED - set(APP_EXPECTATIONS) == set()


@pytest.mark.parametrize("role", ROLES)
def test_every_url_as_each_role(client, world, role):
    results = _walk(client, world, role)
    problems = []
    for name, response in results.items():
        status = response.status_code
        if role == "anonymous" and not _anonymous_ok(name, response):
            problems.append((name, "anonymous not sent to log in", status))
        if role not in ENTITLED and _has_personal_data(_body(response)):
            problems.append((name, "personal data shown", status))
        wanted = APP_EXPECTATIONS.get(name, {}).get(role)
        if wanted is None:
            continue
        if wanted == LOGIN:
            if not (status == 302 and response["Location"].startswith(reverse("login"))):
                problems.append((name, "the app matrix says: log in first", status))
        elif wanted == "public":
            if status != 302 or "/offentligt/" not in response["Location"]:
                problems.append((name, "the app matrix says: the public page", status))
        elif status != wanted:
            problems.append((name, f"the app matrix says {wanted}", status))
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_secretariat"])
def test_every_url_as_each_role_on_a_public_forum(client, world, role):
    """The same walk when the forum is public (as the attacker's were): anonymous and other
    logged-in users now find the forum, still never its members' personal data. (The
    entitled roles see what they see above; other_member and chair stand where the
    outsider stands towards this forum; tests/security/test_personal_data.py takes every
    role through the pages with personal data.)"""
    make_public(world["forum"])
    results = _walk(client, world, role)
    problems = []
    for name, response in results.items():
        if role == "anonymous" and not _anonymous_ok(name, response, public=True):
            problems.append((name, "anonymous not sent to log in", response.status_code))
        if role not in ENTITLED and _has_personal_data(_body(response)):
            problems.append((name, "personal data shown", response.status_code))
    assert problems == [], "\n".join(map(str, problems))
