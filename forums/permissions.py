"""Who may see and change structures and forums.

The secretariat staff named on a structure hold `forums.manage_structure` on it (a guardian
object permission kept in step by `structure_secretariat_sync`). People sitting in a forum
hold object permissions on the forum, granted from their mandates (see mandates.permissions).
"""

from django.db.models import Q
from guardian.shortcuts import assign_perm, get_objects_for_user, get_users_with_perms, remove_perm

from .models import Forum, Structure

MANAGE_STRUCTURE = "forums.manage_structure"
VIEW_FORUM = "forums.view_forum"
RAISE_CASE = "forums.raise_case"
LEAD_FORUM = "forums.lead_forum"


def structure_secretariat_sync(*, structure):
    """Grant manage_structure to exactly the structure's secretariat staff (idempotent)."""
    wanted = set(structure.secretariat_staff.all())
    holders = set(
        get_users_with_perms(
            structure, only_with_perms_in=["manage_structure"], with_superusers=False
        )
    )
    for user in wanted - holders:
        assign_perm(MANAGE_STRUCTURE, user, structure)
    for user in holders - wanted:
        remove_perm(MANAGE_STRUCTURE, user, structure)


def structures_managed_by(user):
    """Structures the user runs as secretariat (all of them for a superuser)."""
    if not user.is_authenticated:
        return Structure.objects.none()
    return get_objects_for_user(user, MANAGE_STRUCTURE, klass=Structure, accept_global_perms=False)


def can_manage_structure(user, structure):
    return user.is_authenticated and user.has_perm(MANAGE_STRUCTURE, structure)


def forums_with_perm(user, perm):
    """Forums on which the user holds `perm` through a mandate (no per-row queries)."""
    if not user.is_authenticated:
        return Forum.objects.none()
    return get_objects_for_user(user, perm, klass=Forum, accept_global_perms=False)


def forum_visibility_filter(user):
    """A Q for the forums the user may see: public ones, their own, their structures'."""
    visible = Q(is_public=True)
    if user.is_authenticated:
        visible |= Q(pk__in=forums_with_perm(user, VIEW_FORUM).values("pk"))
        visible |= Q(structure__in=structures_managed_by(user).values("pk"))
    return visible


def can_view_forum(user, forum):
    return (
        forum.is_public
        or (user.is_authenticated and user.has_perm(VIEW_FORUM, forum))
        or can_manage_structure(user, forum.structure)
    )


def can_edit_forum(user, forum):
    return can_manage_structure(user, forum.structure)
