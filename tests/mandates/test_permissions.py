"""Who may do what: grants follow mandates, and the matrix of roles x views x own/other forum.

In the matrix, 404 means the user may not see the object (the same as one that does not
exist), 403 that they see it but may not do this, 302 that they must log in first.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mandates import services
from mandates.models import Mandate
from mandates.permissions import (
    MANAGED_PERMISSIONS,
    PERMISSION_TEXT,
    ROLE_DUTIES,
    ROLE_PERMISSIONS,
    forum_permissions_sync,
    held_permissions,
    role_abilities,
)
from tests.factories import MandateFactory, UserFactory
from tests.mandates.conftest import refreshed
from tests.mandates.factories import MandateImportFactory, pdf_upload

pytestmark = pytest.mark.django_db

Role = Mandate.Role


# --- grants follow mandates ----------------------------------------------------------------


@pytest.mark.parametrize("role", Role.values)
def test_each_role_grants_its_permissions_at_activation_and_loses_them_at_end(
    secretariat_user, operative_forum, region_a, role
):
    person = UserFactory(organisation=region_a)
    member = MandateFactory(forum=operative_forum, organisation=region_a)
    mandate = services.mandate_propose(
        actor=secretariat_user,
        person=person,
        forum=operative_forum,
        role=role,
        organisation=region_a,
        valid_from=timezone.localdate(),
        deputy_for=member if role == Role.DEPUTY else None,
        scope="Punkt 2" if role == Role.CO_OPTED else "",
    )
    assert held_permissions(person=person, forum=operative_forum) == set()
    services.mandate_activate(actor=secretariat_user, mandate=mandate)
    assert held_permissions(person=person, forum=operative_forum) == ROLE_PERMISSIONS[role]
    person = refreshed(person)
    for perm in MANAGED_PERMISSIONS:
        assert person.has_perm(perm, operative_forum) == (perm in ROLE_PERMISSIONS[role])
    services.mandate_end(actor=secretariat_user, mandate=mandate)
    assert held_permissions(person=person, forum=operative_forum) == set()
    assert not refreshed(person).has_perm("forums.view_forum", operative_forum)


def test_revoking_takes_the_grants_away(secretariat_user, operative_forum, region_a):
    person = UserFactory(organisation=region_a)
    mandate = services.mandate_propose(
        actor=secretariat_user, person=person, forum=operative_forum, role=Role.CHAIR,
        organisation=region_a, valid_from=timezone.localdate(), activate=True,
    )  # fmt: skip
    services.mandate_revoke(actor=secretariat_user, mandate=mandate, reason="fel person")
    assert held_permissions(person=person, forum=operative_forum) == set()


def test_two_mandates_in_one_forum_grant_the_union(secretariat_user, operative_forum, region_a):
    person = UserFactory(organisation=region_a)
    common = {"actor": secretariat_user, "person": person, "forum": operative_forum,
              "valid_from": timezone.localdate(), "activate": True}  # fmt: skip
    services.mandate_propose(role=Role.MEMBER, organisation=region_a, **common)
    secretary = services.mandate_propose(role=Role.SECRETARY, **common)
    assert held_permissions(person=person, forum=operative_forum) == (
        ROLE_PERMISSIONS[Role.MEMBER] | ROLE_PERMISSIONS[Role.SECRETARY]
    )
    services.mandate_end(actor=secretariat_user, mandate=secretary)
    assert held_permissions(person=person, forum=operative_forum) == ROLE_PERMISSIONS[Role.MEMBER]


def test_sync_repairs_grants_of_inactive_people_too(representative_user, operative_forum):
    representative_user.is_active = False
    representative_user.save()
    representative_user.mandates.update(status=Mandate.Status.ENDED)
    granted, revoked = forum_permissions_sync(person=representative_user, forum=operative_forum)
    assert revoked == ROLE_PERMISSIONS[Role.MEMBER]
    assert held_permissions(person=representative_user, forum=operative_forum) == set()


def test_every_role_says_what_it_lets_you_do():
    for role in Role.values:
        abilities = role_abilities(role)
        assert abilities[0] == ROLE_DUTIES[role]
        assert set(abilities[1:]) == {PERMISSION_TEXT[p] for p in ROLE_PERMISSIONS[role]}


# --- the matrix ----------------------------------------------------------------------------

ROLES = ("anonymous", "outsider", "member", "chair", "secretariat", "other_secretariat", "admin")


@pytest.fixture
def world(
    structure,
    operative_forum,
    tactical_forum,
    other_forum,
    outsider_user,
    representative_user,
    chair_user,
    secretariat_user,
    other_secretariat_user,
    superuser,
):
    own = representative_user.mandates.get()
    own.document = pdf_upload()
    own.save()
    other_mandate = MandateFactory(forum=other_forum, document=pdf_upload())
    return {
        "users": {
            "anonymous": None,
            "outsider": outsider_user,
            "member": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
            "other_secretariat": other_secretariat_user,
            "admin": superuser,
        },
        "forum": operative_forum,
        "chair_forum": tactical_forum,
        "other_forum": other_forum,
        "chair_mandate": chair_user.mandates.get(),
        "mandate": own,
        "other_mandate": other_mandate,
        "structure": structure,
        "other_structure": other_forum.structure,
        "import": MandateImportFactory(structure=structure, uploaded_by=secretariat_user),
        "other_import": MandateImportFactory(structure=other_forum.structure),
        "person": representative_user,
        "secretariat_person": other_secretariat_user,
        # a link whose token is wrong: the same for everyone
        "invitation": {"uidb64": "MQ", "token": "wrong-token"},
    }


L = 302  # log in first
KWARG = {
    "forum": "slug",
    "chair_forum": "slug",
    "other_forum": "slug",
    "structure": "slug",
    "other_structure": "slug",
}
# url name, target in `world` (own, or another structure's), method, and the status for each
# of the ROLES in order: anonymous outsider member chair secretariat other_secretariat admin.
MATRIX = [
    ("mandates:mandate_list", None, "get", "L 200 200 200 200 200 200"),
    ("mandates:mandate_create_choose", None, "get", "L 403 403 403 200 200 200"),
    ("mandates:forum_mandates", "forum", "get", "L 404 200 404 200 404 200"),
    ("mandates:forum_mandates", "chair_forum", "get", "L 404 404 200 200 404 200"),
    ("mandates:forum_mandates", "other_forum", "get", "L 404 404 404 404 200 200"),
    ("mandates:rotation", "forum", "get", "L 404 200 404 200 404 200"),
    ("mandates:rotation", "other_forum", "get", "L 404 404 404 404 200 200"),
    ("mandates:mandate_create", "forum", "get", "L 404 403 404 200 404 200"),
    ("mandates:mandate_create", "forum", "post", "L 404 403 404 200 404 200"),
    ("mandates:mandate_create", "other_forum", "get", "L 404 404 404 404 200 200"),
    ("mandates:person_options", "forum", "get", "L 404 403 404 200 404 200"),
    ("mandates:person_options", "other_forum", "get", "L 404 404 404 404 200 200"),
    ("mandates:mandate_detail", "mandate", "get", "L 404 200 404 200 404 200"),
    ("mandates:mandate_detail", "chair_mandate", "get", "L 404 404 200 200 404 200"),
    ("mandates:mandate_update", "chair_mandate", "get", "L 404 404 403 200 404 200"),
    ("mandates:mandate_detail", "other_mandate", "get", "L 404 404 404 404 200 200"),
    ("mandates:mandate_document", "mandate", "get", "L 404 200 404 200 404 200"),
    ("mandates:mandate_document", "other_mandate", "get", "L 404 404 404 404 200 200"),
    ("mandates:mandate_update", "mandate", "get", "L 404 403 404 200 404 200"),
    ("mandates:mandate_update", "other_mandate", "get", "L 404 404 404 404 200 200"),
    ("mandates:mandate_activate", "mandate", "get", "L 404 403 404 200 404 200"),
    ("mandates:mandate_end", "mandate", "get", "L 404 403 404 200 404 200"),
    ("mandates:mandate_end", "mandate", "post", "L 404 403 404 302 404 302"),
    ("mandates:mandate_end", "other_mandate", "post", "L 404 404 404 404 302 302"),
    ("mandates:mandate_revoke", "mandate", "get", "L 404 403 404 200 404 200"),
    ("mandates:mandate_revoke", "other_mandate", "get", "L 404 404 404 404 200 200"),
    ("mandates:compliance", "structure", "get", "L 404 403 403 200 404 200"),
    ("mandates:compliance", "other_structure", "get", "L 404 404 404 404 200 200"),
    ("mandates:import_create", "structure", "get", "L 404 403 403 200 404 200"),
    ("mandates:import_create", "other_structure", "get", "L 404 404 404 404 200 200"),
    ("mandates:import_detail", "import", "get", "L 404 404 404 200 404 200"),
    ("mandates:import_detail", "other_import", "get", "L 404 404 404 404 200 200"),
    ("mandates:import_progress", "import", "get", "L 404 404 404 302 404 302"),
    ("mandates:import_confirm", "import", "post", "L 404 404 404 302 404 302"),
    ("mandates:import_confirm", "other_import", "post", "L 404 404 404 404 302 302"),
    ("people:person_list", None, "get", "L 200 200 200 200 200 200"),
    ("people:person_create", None, "get", "L 403 403 403 200 200 200"),
    ("people:person_detail", "person", "get", "L 404 200 404 200 200 200"),
    ("people:person_update", "person", "get", "L 404 403 404 200 403 200"),
    ("people:person_update", "secretariat_person", "get", "L 404 404 404 403 403 200"),
    ("people:person_invite", "person", "post", "L 404 403 404 302 403 302"),
    ("people:invitation_accept", "invitation", "get", "200 200 200 200 200 200 200"),
    ("forum_members:members_csv", "forum", "get", "404 404 403 404 200 404 200"),
    ("forum_members:members_xlsx", "forum", "get", "404 404 403 404 200 404 200"),
]


def _statuses(codes):
    return {
        role: L if code == "L" else int(code)
        for role, code in zip(ROLES, codes.split(), strict=True)
    }


def _cases():
    for name, target, method, codes in MATRIX:
        statuses = _statuses(codes)
        kwarg = KWARG.get(target, "pk") if target else None
        for role in ROLES:
            case_id = f"{name.split(':')[1]}-{target or 'index'}-{method}-{role}"
            yield pytest.param(name, target, kwarg, method, role, statuses[role], id=case_id)


@pytest.mark.parametrize(("name", "target", "kwarg", "method", "role", "expected"), list(_cases()))
def test_permission_matrix(client, world, name, target, kwarg, method, role, expected):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    kwargs = {}
    if target:
        obj = world[target]
        if isinstance(obj, dict):
            kwargs = obj
        else:
            kwargs[kwarg] = getattr(obj, kwarg)
    url = reverse(name, kwargs=kwargs)
    response = getattr(client, method)(url)
    assert response.status_code == expected, (name, role, url, response.status_code)
    if expected == L and user is None:
        assert response["Location"].startswith(reverse("login"))


def test_a_refused_post_changes_nothing(client, world):
    mandate = world["mandate"]
    client.force_login(world["users"]["member"])
    assert client.post(reverse("mandates:mandate_revoke", args=[mandate.pk]),
                       {"reason": "x"}).status_code == 403  # fmt: skip
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.ACTIVE


def test_a_deputy_inherits_nothing_from_the_member(secretariat_user, operative_forum, region_a):
    member = MandateFactory(
        forum=operative_forum,
        organisation=region_a,
        valid_from=timezone.localdate() - datetime.timedelta(days=5),
    )
    deputy = UserFactory(organisation=region_a)
    services.mandate_propose(
        actor=secretariat_user, person=deputy, forum=operative_forum, role=Role.DEPUTY,
        organisation=region_a, deputy_for=member, valid_from=timezone.localdate(),
    )  # fmt: skip
    assert held_permissions(person=deputy, forum=operative_forum) == set()
