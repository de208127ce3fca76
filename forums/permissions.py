"""Who may see and change structures and forums.

The secretariat staff named on a structure hold `forums.manage_structure` on it (a guardian
object permission kept in step by `structure_secretariat_sync`). People sitting in a forum
hold object permissions on the forum, granted from their mandates (see mandates.permissions).

The rules of the visibility API (`Model.objects.restrict(user, action)`, kernel.visibility):

- Structure: "view" if the user runs it or may see one of its forums; "manage" (also
  "change") if they run it as secretariat.
- Forum: "view" if it is public, they sit in it, or they run its structure; "members" (who
  sits there, their contact details, mandate documents and history) if they sit in it (an
  active mandate) or run its structure, whether or not the forum is public; "change" if they
  run its structure.
- Party: "view" and "manage" follow its structure.
- Organisation: one register every logged-in user may read. "change" (its name, kind,
  website; archive, restore) for an administrator and for the secretariat of a structure that
  uses it; an organisation no structure uses yet, for anyone who runs a structure. A structure
  uses an organisation when the organisation is in one of its parties, has a seat or a mandate
  in one of its forums, or is one of its secretariat organisations. Any secretariat member may
  still add an organisation to, or take it out of, the parties of the structures they run.
"""

from django.db.models import Exists, Q
from guardian.shortcuts import assign_perm, get_objects_for_user, get_users_with_perms, remove_perm

from kernel.visibility import VIEW, register_restriction

from .models import Forum, Organisation, Party, Structure

MANAGE_STRUCTURE = "forums.manage_structure"
VIEW_FORUM = "forums.view_forum"
RAISE_CASE = "forums.raise_case"
LEAD_FORUM = "forums.lead_forum"
MANAGE = "manage"
CHANGE = "change"
MEMBERS = "members"


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


def forum_members_filter(user):
    """A Q for the forums whose members the user may see in full: they sit in the forum
    (an active mandate grants view_forum) or run its structure; nothing for anonymous.
    Public or not makes no difference: the public sees only what each person publishes."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(pk__in=forums_with_perm(user, VIEW_FORUM).values("pk")) | Q(
        structure__in=structures_managed_by(user).values("pk")
    )


def structure_visibility_filter(user):
    """A Q for the structures the user runs, or in which they may see at least one forum."""
    return Q(pk__in=structures_managed_by(user).values("pk")) | Q(
        pk__in=Forum.objects.filter(forum_visibility_filter(user)).values("structure_id")
    )


def can_edit_forum(user, forum):
    return can_manage_structure(user, forum.structure)


def organisations_used_by(structures):
    """A Q for the organisations that any of `structures` (a queryset) uses."""
    return (
        Q(pk__in=Organisation.objects.filter(parties__structure__in=structures).values("pk"))
        | Q(pk__in=Organisation.objects.filter(seats__forum__structure__in=structures).values("pk"))
        # Mandates live in the mandates app; the reverse lookup needs no import of it.
        | Q(
            pk__in=Organisation.objects.filter(mandates__forum__structure__in=structures).values(
                "pk"
            )
        )
        | Q(pk__in=Organisation.objects.filter(secretariat_of__in=structures).values("pk"))
    )


def organisation_change_filter(user):
    """A Q for the organisations whose own fields the user may change (see the module doc)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q(pk__isnull=False)  # every one (an empty Q cannot be a When condition)
    managed = structures_managed_by(user)
    # An Exists rather than managed.exists(): one query less on every list that asks this.
    return organisations_used_by(managed.values("pk")) | (
        Q(Exists(managed)) & ~organisations_used_by(Structure.objects.values("pk"))
    )


def can_change_organisation(user, organisation):
    return Organisation.objects.filter(
        organisation_change_filter(user), pk=organisation.pk
    ).exists()


def is_secretariat_anywhere(user):
    """The user runs at least one structure (or is an administrator)."""
    return user.is_authenticated and (user.is_superuser or structures_managed_by(user).exists())


# --- Restrictions (kernel.visibility) ------------------------------------------------------


@register_restriction(Structure, VIEW)
def _structures_visible(queryset, user):
    return queryset.filter(structure_visibility_filter(user))


@register_restriction(Structure, MANAGE)
@register_restriction(Structure, CHANGE)
def _structures_managed(queryset, user):
    return queryset.filter(pk__in=structures_managed_by(user).values("pk"))


@register_restriction(Forum, VIEW)
def _forums_visible(queryset, user):
    return queryset.filter(forum_visibility_filter(user))


@register_restriction(Forum, MEMBERS)
def _forums_members_seen(queryset, user):
    return queryset.filter(forum_members_filter(user))


@register_restriction(Forum, CHANGE)
@register_restriction(Forum, MANAGE)
def _forums_changeable(queryset, user):
    return queryset.filter(structure__in=structures_managed_by(user).values("pk"))


@register_restriction(Party, VIEW)
def _parties_visible(queryset, user):
    return queryset.filter(structure__in=Structure.objects.restrict(user, VIEW).values("pk"))


@register_restriction(Party, MANAGE)
@register_restriction(Party, CHANGE)
def _parties_managed(queryset, user):
    return queryset.filter(structure__in=structures_managed_by(user).values("pk"))


@register_restriction(Organisation, VIEW)
def _organisations_visible(queryset, user):
    return queryset if user.is_authenticated else queryset.none()


@register_restriction(Organisation, CHANGE)
def _organisations_changeable(queryset, user):
    return queryset.filter(organisation_change_filter(user))
