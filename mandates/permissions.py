"""Active mandates are the source of truth for what a person may do in a forum.

Each role maps to guardian object permissions on the Forum. `forum_permissions_sync` makes
a person's grants on one forum match their mandates in force; it is idempotent, so the
services call it on every change and the nightly reconcile can call it for everyone.

The grants held are read straight from guardian's table (not through `get_perms`), so
the sync also sees, and repairs, grants of superusers and of people no longer active.
"""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm, remove_perm
from guardian.utils import get_user_obj_perms_model

from forums.models import Forum
from forums.permissions import (
    LEAD_FORUM,
    MEMBERS,
    RAISE_CASE,
    VIEW_FORUM,
    can_manage_structure,
    forum_members_filter,
    forum_visibility_filter,
    structures_managed_by,
)
from kernel.models import User
from kernel.visibility import RestrictedQuerySet, register_restriction

from .models import Mandate, MandateImport

Role = Mandate.Role

ROLE_PERMISSIONS = {
    Role.CHAIR: {VIEW_FORUM, RAISE_CASE, LEAD_FORUM},
    Role.VICE_CHAIR: {VIEW_FORUM, RAISE_CASE, LEAD_FORUM},
    Role.SECRETARY: {VIEW_FORUM, LEAD_FORUM},
    Role.MEMBER: {VIEW_FORUM, RAISE_CASE},
    Role.DEPUTY: {VIEW_FORUM, RAISE_CASE},
    Role.CO_OPTED: {VIEW_FORUM},
    Role.CONTACT_PERSON: {VIEW_FORUM},
}
MANAGED_PERMISSIONS = set().union(*ROLE_PERMISSIONS.values())
MANAGED_CODENAMES = {perm.split(".", 1)[1] for perm in MANAGED_PERMISSIONS}

# What each permission lets a person do, in words for "My mandates".
PERMISSION_TEXT = {
    VIEW_FORUM: _("See the forum, its members, meetings and minutes"),
    RAISE_CASE: _("Raise cases in the forum"),
    # Approving minutes follows the forum's approval rule, not the role: said apart.
    LEAD_FORUM: _("Lead the forum: call meetings and escalate cases"),
}
# What the role is for, beyond its permissions (the duties named in the seeds).
ROLE_DUTIES = {
    Role.CHAIR: _("Chair the meetings and prepare cases with the vice chair and secretariat"),
    Role.VICE_CHAIR: _("Prepare cases with the chair and secretariat; stand in for the chair"),
    Role.MEMBER: _("Speak for your organisation, and inform and anchor questions in it"),
    Role.DEPUTY: _("Stand in for the member you are deputy for"),
    Role.SECRETARY: _("Document the meetings and support the chair"),
    Role.CO_OPTED: _("Take part in the agenda items you are co-opted for"),
    Role.CONTACT_PERSON: _("Be your organisation's contact person for the partnership"),
}
_ORDER = (VIEW_FORUM, RAISE_CASE, LEAD_FORUM)


def role_abilities(role):
    """The things a role lets its holder do, as translatable sentences, duty first."""
    role = Role(role)
    return [ROLE_DUTIES[role]] + [
        PERMISSION_TEXT[perm] for perm in _ORDER if perm in ROLE_PERMISSIONS[role]
    ]


def mandates_in_force(*, on=None):
    day = on or timezone.localdate()
    return Mandate.objects.filter(status=Mandate.Status.ACTIVE, valid_from__lte=day).exclude(
        valid_to__lt=day
    )


def wanted_permissions(*, person, forum, on=None):
    roles = (
        mandates_in_force(on=on).filter(person=person, forum=forum).values_list("role", flat=True)
    )
    return set().union(set(), *(ROLE_PERMISSIONS[Role(role)] for role in roles))


def managed_grants():
    """Guardian's rows for the permissions that mandates manage on forums."""
    return get_user_obj_perms_model().objects.filter(
        content_type=ContentType.objects.get_for_model(Forum),
        permission__codename__in=MANAGED_CODENAMES,
    )


def held_permissions(*, person, forum):
    codenames = managed_grants().filter(user=person, object_pk=str(forum.pk))
    return {
        f"forums.{codename}"
        for codename in codenames.values_list("permission__codename", flat=True)
    }


def forum_permissions_sync(*, person, forum, on=None):
    """Make the person's permissions on the forum match their mandates in force.

    Returns (granted, revoked) as sets of permission names, empty when nothing drifted.
    """
    wanted = wanted_permissions(person=person, forum=forum, on=on)
    held = held_permissions(person=person, forum=forum)
    for perm in wanted - held:
        assign_perm(perm, person, forum)
    for perm in held - wanted:
        remove_perm(perm, person, forum)
    return wanted - held, held - wanted


def grant_new_mandates(mandates, *, on=None):
    """Grant, in bulk, the permissions of mandates just created (an import).

    New mandates only add permissions, so nothing is revoked; a grant already held is left
    as it is. Mandates not in force on the day get nothing (the nightly reconcile grants
    them when their term begins).
    """
    day = on or timezone.localdate()
    content_type = ContentType.objects.get_for_model(Forum)
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type=content_type, codename__in=MANAGED_CODENAMES
        )
    }
    model = get_user_obj_perms_model()
    grants = {}
    for mandate in mandates:
        if not mandate.is_current_on(day):
            continue
        for perm in ROLE_PERMISSIONS[Role(mandate.role)]:
            codename = perm.split(".", 1)[1]
            grants[(mandate.person_id, mandate.forum_id, codename)] = model(
                user_id=mandate.person_id,
                permission=permissions[codename],
                content_type=content_type,
                object_pk=str(mandate.forum_id),
            )
    model.objects.bulk_create(grants.values(), ignore_conflicts=True)


# --- who may manage mandates and people ----------------------------------------------------


def can_manage_mandates(user, forum):
    """The secretariat of the forum's structure (and superusers) change its mandates."""
    return can_manage_structure(user, forum.structure)


def can_manage_people(user):
    """Secretariat staff of any structure keep the directory of people (and superusers)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or structures_managed_by(user).exists()


def can_change_person(user, person):
    """Secretariat staff change the people whose contact details they may see (those placed
    in their structures, and those placed nowhere yet), but never staff accounts unless a
    superuser."""
    if not can_manage_people(user):
        return False
    if person.is_superuser or person.is_staff or person.secretariat_structures.exists():
        return user.is_superuser
    return people().restrict(user, CONTACT).filter(pk=person.pk).exists()


# --- visibility: Model.objects.restrict(user, action) -------------------------------------


def _visible_forums(user):
    return Forum.objects.filter(forum_visibility_filter(user)).values("pk")


def _member_forums(user):
    """The forums whose members the user may see in full (forums.permissions MEMBERS)."""
    return Forum.objects.filter(forum_members_filter(user)).values("pk")


def _managed_structures(user):
    return structures_managed_by(user).values("pk")


@register_restriction(Mandate, "view")
def mandates_visible(queryset, user):
    """The mandates (their documents and history) of the forums whose members the user may
    see: they sit there or run the structure. A public forum's page shows who sits there;
    the mandates themselves are not public."""
    return queryset.filter(forum__in=Forum.objects.restrict(user, MEMBERS).values("pk"))


@register_restriction(Mandate, "manage")
def mandates_managed(queryset, user):
    """The mandates of the structures the user runs as secretariat (all for a superuser)."""
    return queryset.filter(forum__structure__in=_managed_structures(user))


@register_restriction(MandateImport, "view")
@register_restriction(MandateImport, "manage")
def mandate_imports_managed(queryset, user):
    """An import exists only for the secretariat of its structure."""
    return queryset.filter(structure__in=_managed_structures(user))


def people():
    """The directory: active people, without the system user, as a restrictable queryset.

    User is a kernel model, so its visibility is a rule of this app (who sits where).
    """
    return (
        RestrictedQuerySet(model=User)
        .filter(is_active=True)
        .exclude(username=settings.SYSTEM_USERNAME)
    )


def _people_visible(queryset, user):
    """Secretariat staff see the whole directory; others see the people sitting in the
    forums they may see, and themselves."""
    if can_manage_people(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    sitting = mandates_in_force().filter(forum__in=_visible_forums(user))
    return queryset.filter(Q(pk__in=sitting.values("person_id")) | Q(pk=user.pk))


register_restriction(User, "view")(_people_visible)


# Contact details (e-mail, phone) beyond what the person publishes.
CONTACT = "contact"


@register_restriction(User, CONTACT)
def people_contact_visible(queryset, user):
    """The people whose e-mail and phone the user sees whatever they publish: themselves,
    the people sitting in a forum whose members the user may see (as a member, or as the
    secretariat of its structure), and, for secretariat staff, the people with any mandate
    in their structures and those with no mandate anywhere yet (whom they register and
    place). Everyone else sees only what each person chose to publish."""
    if not user.is_authenticated:
        return queryset.none()
    if user.is_superuser:
        return queryset
    seen = Q(pk=user.pk) | Q(
        pk__in=mandates_in_force().filter(forum__in=_member_forums(user)).values("person_id")
    )
    managed = _managed_structures(user)
    placed_here = Q(pk__in=Mandate.objects.filter(forum__structure__in=managed).values("person_id"))
    placed_nowhere = Exists(managed) & ~Q(pk__in=Mandate.objects.values("person_id"))
    return queryset.filter(seen | placed_here | placed_nowhere)
