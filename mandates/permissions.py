"""Active mandates are the source of truth for what a person may do in a forum.

Each role maps to guardian object permissions on the Forum. `forum_permissions_sync` makes
a person's grants on one forum match their mandates in force; it is idempotent, so the
services call it on every change and the nightly reconcile can call it for everyone.
"""

from django.utils import timezone
from guardian.shortcuts import assign_perm, get_perms, remove_perm

from forums.permissions import LEAD_FORUM, RAISE_CASE, VIEW_FORUM

from .models import Mandate

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


def forum_permissions_sync(*, person, forum, on=None):
    """Make the person's permissions on the forum match their mandates in force.

    Returns (granted, revoked) as sets of permission names, empty when nothing drifted.
    """
    wanted = wanted_permissions(person=person, forum=forum, on=on)
    held = {f"forums.{codename}" for codename in get_perms(person, forum)} & MANAGED_PERMISSIONS
    for perm in wanted - held:
        assign_perm(perm, person, forum)
    for perm in held - wanted:
        remove_perm(perm, person, forum)
    return wanted - held, held - wanted
