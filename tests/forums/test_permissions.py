"""The permission matrix: every view of the forums app for each role.

Roles: anonymous, a representative of the forum (member of the operative forum), a
representative of another forum (member of the tactical forum of the same structure),
the structure's secretariat, and the secretariat of another structure. The forum under
test is the operative forum, which is not public (the second matrix makes it public).

Expected: "login" is a redirect to the login page, numbers are status codes. A forum or
structure the user may not see is a 404, seen but not allowed a 403.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from forums.models import Forum, Organisation, Party, Seat, Structure
from kernel.visibility import get_for_action, get_visible_or_404
from mandates.models import Mandate
from tests.factories import OrganisationFactory, UserFactory

from .conftest import ROLES, client_for

pytestmark = pytest.mark.django_db

LOGIN = "login"

# view name -> (how to build its arguments, expected per role in ROLES order)
FORUM_EDIT = (404, 403, 404, 200, 404)
STRUCTURE_MANAGE = (404, 403, 403, 200, 404)
SECRETARIAT_ANYWHERE = (LOGIN, 403, 403, 200, 200)
# The matrix's organisation is in a party of `structure` only: its secretariat (or an
# administrator) may archive it; another structure's only change its own parties.
ORGANISATION_CHANGE = (LOGIN, 403, 403, 200, 403)
EVERYONE_LOGGED_IN = (LOGIN, 200, 200, 200, 200)

MATRIX = {
    "forums:forum_list": ("none", EVERYONE_LOGGED_IN),
    "forums:structure_list": ("none", EVERYONE_LOGGED_IN),
    "forums:structure_create": ("none", (LOGIN, 403, 403, 403, 403)),
    "forums:organisation_list": ("none", SECRETARIAT_ANYWHERE),
    "forums:organisation_create": ("none", SECRETARIAT_ANYWHERE),
    "forums:organisation_update": ("organisation", SECRETARIAT_ANYWHERE),
    "forums:organisation_archive": ("organisation", ORGANISATION_CHANGE),
    "forums:organisation_restore": ("organisation", ORGANISATION_CHANGE),
    "forums:structure_detail": ("structure", (404, 200, 200, 200, 404)),
    "forums:structure_update": ("structure", STRUCTURE_MANAGE),
    "forums:structure_secretariat": ("structure", STRUCTURE_MANAGE),
    "forums:structure_archive": ("structure", STRUCTURE_MANAGE),
    "forums:structure_restore": ("structure", STRUCTURE_MANAGE),
    "forums:forum_create": ("structure", STRUCTURE_MANAGE),
    # the forum form's "reports to" picker: only for who runs the structure
    "forums:principal_body_options": ("structure", STRUCTURE_MANAGE),
    "forums:party_create": ("structure", STRUCTURE_MANAGE),
    "forums:party_update": ("party", STRUCTURE_MANAGE),
    "forums:party_archive": ("party", STRUCTURE_MANAGE),
    "forums:party_restore": ("party", STRUCTURE_MANAGE),
    "forums:forum_detail": ("forum", (404, 200, 404, 200, 404)),
    "forums:forum_update": ("forum", FORUM_EDIT),
    "forums:charter_update": ("forum", FORUM_EDIT),
    "forums:seat_set": ("forum", FORUM_EDIT),
    "forums:forum_wind_down": ("forum", FORUM_EDIT),
    "public_forums:forum_list": ("none", (200, 200, 200, 200, 200)),
    "public_forums:forum_detail": ("forum", (404, 404, 404, 404, 404)),
}

# The same forum when it is public: everyone may read it, only its secretariat edit it.
PUBLIC_FORUM_EDIT = (LOGIN, 403, 403, 200, 403)
PUBLIC_MATRIX = {
    "forums:forum_detail": ("forum", ("public", 200, 200, 200, 200)),
    "forums:forum_update": ("forum", PUBLIC_FORUM_EDIT),
    "forums:charter_update": ("forum", PUBLIC_FORUM_EDIT),
    "forums:seat_set": ("forum", PUBLIC_FORUM_EDIT),
    "forums:forum_wind_down": ("forum", PUBLIC_FORUM_EDIT),
    "forums:structure_detail": ("structure", (LOGIN, 200, 200, 200, 200)),
    "forums:structure_update": ("structure", (LOGIN, 403, 403, 200, 403)),
    "forums:forum_create": ("structure", (LOGIN, 403, 403, 200, 403)),
    "public_forums:forum_detail": ("forum", (200, 200, 200, 200, 200)),
}

# Views that change something, and a POST body for each.
WRITES = {
    "forums:structure_update": {
        "name": "Ändrad",
        "case_reference_prefix": "SAM",
        "escalated_case_deadline_days": 60,
    },
    "forums:structure_secretariat": {"staff": [], "add": "kansli"},
    "forums:structure_archive": {},
    "forums:forum_create": {
        "name": "Smyg",
        "tier": 1,
        "kind": "other",
        "decision_rule": "consensus",
        "minutes_approval": "chair",
    },
    "forums:party_create": {"name": "Smygpart"},
    "forums:party_update": {"name": "Smygpart"},
    "forums:party_archive": {},
    "forums:forum_update": {
        "name": "Smyg",
        "tier": 3,
        "kind": "other",
        "decision_rule": "consensus",
        "minutes_approval": "chair",
    },
    "forums:charter_update": {
        "purpose": "Smyg",
        "general-TOTAL_FORMS": 0,
        "general-INITIAL_FORMS": 0,
        "specific-TOTAL_FORMS": 0,
        "specific-INITIAL_FORMS": 0,
    },
    "forums:seat_set": {"seats-TOTAL_FORMS": 0, "seats-INITIAL_FORMS": 0},
    "forums:forum_wind_down": {"active_to": "2030-01-01"},
}


@pytest.fixture
def objects(structure, parties, operative_forum):
    return {
        "none": {},
        "structure": {"slug": structure.slug},
        "party": {"pk": parties[0].pk},
        "organisation": {"pk": OrganisationFactory(parties=[parties[0]]).pk},
        "forum": {"slug": operative_forum.slug},
    }


def _cases(matrix):
    return [
        pytest.param(view, kind, role, expected[i], id=f"{view.split(':')[1]}-{role}")
        for view, (kind, expected) in matrix.items()
        for i, role in enumerate(ROLES)
    ]


def _check(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302, (url, response.status_code)
        assert response["Location"].startswith(reverse("login")), response["Location"]
    elif expected == "public":
        assert response.status_code == 302
        assert response["Location"].startswith("/offentligt/")
    else:
        assert response.status_code == expected, (url, response.status_code)


@pytest.mark.parametrize(("view", "kind", "role", "expected"), _cases(MATRIX))
def test_matrix(view, kind, role, expected, role_user, objects):
    url = reverse(view, kwargs=objects[kind])
    _check(client_for(role_user(role)).get(url), expected, url)


@pytest.mark.parametrize(("view", "kind", "role", "expected"), _cases(PUBLIC_MATRIX))
def test_matrix_for_a_public_forum(view, kind, role, expected, role_user, objects, operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    url = reverse(view, kwargs=objects[kind])
    _check(client_for(role_user(role)).get(url), expected, url)


def _snapshot():
    return (
        list(Structure.objects.values_list("name", "archived_at").order_by("pk")),
        list(Forum.objects.values_list("name", "purpose", "active_to").order_by("pk")),
        Seat.objects.count(),
        list(Structure.secretariat_staff.through.objects.values_list("user_id", flat=True)),
    )


@pytest.mark.parametrize(
    ("view", "role"),
    [
        pytest.param(view, role, id=f"{view.split(':')[1]}-{role}")
        for view in WRITES
        for role in ROLES
        if role != "secretariat"
    ],
)
def test_refused_writes_change_nothing(view, role, role_user, objects):
    kind = MATRIX[view][0]
    url = reverse(view, kwargs=objects[kind])
    before = _snapshot()
    response = client_for(role_user(role)).post(url, WRITES[view])
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))
    assert _snapshot() == before


@pytest.mark.parametrize("view", list(WRITES))
def test_secretariat_writes_are_accepted(view, secretariat_user, objects):
    kind = MATRIX[view][0]
    url = reverse(view, kwargs=objects[kind])
    before = _history_by(secretariat_user)
    response = client_for(secretariat_user).post(url, WRITES[view])
    assert response.status_code == 302, response.content.decode()[:2000]
    if view not in UNCHANGED_BY_THEIR_BODY:
        assert _history_by(secretariat_user) > before  # the write happened, with its history


# Their bodies in WRITES leave things as they are (the staff already listed, no seat rows).
UNCHANGED_BY_THEIR_BODY = {"forums:structure_secretariat", "forums:seat_set"}


def _history_by(user):
    """How many history rows of the forums app `user` made."""
    return sum(
        model.objects.filter(history_user=user).count()
        for model in apps.get_app_config("forums").get_models()
        if model.__name__.startswith("Historical") and hasattr(model, "history_user")
    )


def test_superuser_may_do_everything(superuser, objects):
    client = client_for(superuser)
    for view, (kind, _expected) in MATRIX.items():
        if view == "public_forums:forum_detail":
            continue
        url = reverse(view, kwargs=objects[kind])
        assert client.get(url).status_code == 200, url


def test_a_user_given_add_structure_may_create_structures(outsider_user):
    outsider_user.user_permissions.add(Permission.objects.get(codename="add_structure"))
    client = client_for(outsider_user)
    assert client.get(reverse("forums:structure_create")).status_code == 200
    response = client.post(
        reverse("forums:structure_create"),
        {"name": "Helt ny", "case_reference_prefix": "NY", "escalated_case_deadline_days": 30},
    )
    assert response.status_code == 302
    assert Structure.objects.get(name="Helt ny").secretariat_staff.get() == outsider_user


def test_an_outsider_sees_no_forum_and_no_structure(outsider_user, objects):
    client = client_for(outsider_user)
    for view in ("forums:forum_detail", "forums:forum_update", "forums:structure_detail"):
        kind = MATRIX[view][0]
        assert client.get(reverse(view, kwargs=objects[kind])).status_code == 404


def test_a_member_of_another_structure_sees_nothing_of_this_one(other_forum, give_mandate, objects):
    member = give_mandate(UserFactory(), other_forum, Mandate.Role.MEMBER).person
    client = client_for(member)
    for view in ("forums:forum_detail", "forums:structure_detail", "forums:seat_set"):
        kind = MATRIX[view][0]
        assert client.get(reverse(view, kwargs=objects[kind])).status_code == 404
    assert (
        client.get(
            reverse("forums:structure_detail", args=[other_forum.structure.slug])
        ).status_code
        == 200
    )


# --- The visibility API: Model.objects.restrict(user, action) ------------------------------------


def test_restrict_is_the_rule_behind_the_pages(
    operative_forum, structure, parties, outsider_user, representative_user, secretariat_user
):
    assert operative_forum not in Forum.objects.restrict(outsider_user, "view")
    assert operative_forum in Forum.objects.restrict(representative_user, "view")
    assert operative_forum not in Forum.objects.restrict(representative_user, "change")
    assert operative_forum in Forum.objects.restrict(secretariat_user, "change")
    assert structure not in Structure.objects.restrict(outsider_user, "view")
    assert structure in Structure.objects.restrict(representative_user, "view")
    assert structure not in Structure.objects.restrict(representative_user, "manage")
    assert parties[0] in Party.objects.restrict(secretariat_user, "manage")
    assert parties[0] not in Party.objects.restrict(representative_user, "manage")

    with pytest.raises(Http404):  # hidden: the same as not there
        get_visible_or_404(Forum, outsider_user, slug=operative_forum.slug)
    with pytest.raises(PermissionDenied):  # seen, not allowed
        get_for_action(
            Forum.objects.all(), representative_user, "change", slug=operative_forum.slug
        )
    assert (
        get_for_action(Forum.objects.all(), secretariat_user, "change", slug=operative_forum.slug)
        == operative_forum
    )
    organisation = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        get_for_action(
            Organisation.objects.all(), representative_user, "change", pk=organisation.pk
        )


def test_a_forum_hidden_by_restrict_is_a_404_on_every_forum_page(outsider_user, operative_forum):
    """The pages ask the visibility API: a forum outside the user's `restrict` is a 404, even
    for a forum that exists, on reading and on changing pages alike."""
    client = client_for(outsider_user)
    for view in ("forums:forum_detail", "forums:forum_update", "forums:seat_set"):
        url = reverse(view, kwargs={"slug": operative_forum.slug})
        assert client.get(url).status_code == 404, view
    assert (
        client.get(reverse("forums:forum_update", kwargs={"slug": "finns-inte"})).status_code == 404
    )
