"""Permissions follow mandates: the role map and the idempotent sync."""

import pytest
from django.utils import timezone

from forums.models import Forum
from forums.permissions import (
    can_edit_forum,
    forum_visibility_filter,
    structure_secretariat_sync,
)
from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def test_member_can_view_and_raise_but_not_lead(representative_user, operative_forum):
    assert representative_user.has_perm("forums.view_forum", operative_forum)
    assert representative_user.has_perm("forums.raise_case", operative_forum)
    assert not representative_user.has_perm("forums.lead_forum", operative_forum)


def test_chair_leads_only_their_forum(chair_user, tactical_forum, operative_forum):
    assert chair_user.has_perm("forums.lead_forum", tactical_forum)
    assert not chair_user.has_perm("forums.view_forum", operative_forum)


def test_ending_the_mandate_takes_the_permissions_away(representative_user, operative_forum):
    mandate = representative_user.mandates.get()
    mandate.status = Mandate.Status.ENDED
    mandate.save()
    granted, revoked = forum_permissions_sync(person=representative_user, forum=operative_forum)
    assert granted == set()
    assert revoked == {"forums.view_forum", "forums.raise_case"}
    representative_user = type(representative_user).objects.get(pk=representative_user.pk)
    assert not representative_user.has_perm("forums.view_forum", operative_forum)


def test_sync_is_idempotent(representative_user, operative_forum):
    assert forum_permissions_sync(person=representative_user, forum=operative_forum) == (
        set(),
        set(),
    )


def test_a_mandate_not_yet_in_force_grants_nothing(outsider_user, operative_forum, give_mandate):
    mandate = give_mandate(outsider_user, operative_forum, Mandate.Role.MEMBER)
    mandate.valid_from = timezone.localdate() + timezone.timedelta(days=10)
    mandate.save()
    forum_permissions_sync(person=outsider_user, forum=operative_forum)
    outsider_user = type(outsider_user).objects.get(pk=outsider_user.pk)
    assert not outsider_user.has_perm("forums.view_forum", operative_forum)


def test_secretariat_manages_its_structure_only(secretariat_user, operative_forum):
    assert can_edit_forum(secretariat_user, operative_forum)
    assert not can_edit_forum(secretariat_user, ForumFactory())


def test_removing_someone_from_the_secretariat_revokes(
    secretariat_user, structure, operative_forum
):
    structure.secretariat_staff.remove(secretariat_user)
    structure_secretariat_sync(structure=structure)
    secretariat_user = type(secretariat_user).objects.get(pk=secretariat_user.pk)
    assert not can_edit_forum(secretariat_user, operative_forum)


def test_visibility(outsider_user, representative_user, operative_forum, strategic_forum):
    def visible(user):
        return set(Forum.objects.filter(forum_visibility_filter(user)))

    assert visible(outsider_user) == set()
    assert visible(representative_user) == {operative_forum}
    strategic_forum.is_public = True
    strategic_forum.save()
    assert visible(outsider_user) == {strategic_forum}
    # The visibility API says the same as the filter.
    assert set(Forum.objects.restrict(outsider_user)) == {strategic_forum}
    assert set(Forum.objects.restrict(representative_user)) == {operative_forum, strategic_forum}
