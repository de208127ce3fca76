"""Structures: created, changed, archived and restored, and their secretariat staff."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Structure
from ..permissions import structure_secretariat_sync
from .base import (
    ADD_STRUCTURE,
    Errors,
    apply_fields,
    full_clean,
    lock,
    require_manage,
    set_m2m,
    unique_slug,
)

# The fields a structure's form edits (forums.forms.StructureForm uses this list).
STRUCTURE_FIELDS = (
    "name",
    "slug",
    "description",
    "is_partnership",
    "case_reference_prefix",
    "escalated_case_deadline_days",
)


def _structure_errors(structure):
    errors = Errors()
    same_name = Structure.objects.filter(name__iexact=structure.name)
    if structure.pk:
        same_name = same_name.exclude(pk=structure.pk)
    if structure.name and same_name.exists():
        errors.add("name", _("There is already a structure with this name."))
    return errors


@transaction.atomic
def structure_create(*, actor, data, secretariat_organisations=()):
    """Create a structure; the actor becomes its first secretariat member.

    Needs the model permission `forums.add_structure` (an administrator gives it).
    """
    if not actor.is_authenticated or not actor.has_perm(ADD_STRUCTURE):
        raise PermissionDenied
    structure = Structure()
    apply_fields(structure, data, STRUCTURE_FIELDS)
    if not structure.slug:
        structure.slug = unique_slug(Structure, structure.name, max_length=60, fallback="structure")
    full_clean(structure, _structure_errors(structure))
    save_with_history(structure, actor=actor, reason="structure created")
    set_m2m(
        structure,
        "secretariat_organisations",
        secretariat_organisations,
        actor=actor,
        reason="structure created",
    )
    set_m2m(structure, "secretariat_staff", [actor], actor=actor, reason="structure created")
    structure_secretariat_sync(structure=structure)
    return structure


@transaction.atomic
def structure_update(*, actor, structure, data, secretariat_organisations=None):
    require_manage(actor, structure)
    structure = lock(Structure, structure)
    apply_fields(structure, data, STRUCTURE_FIELDS)
    if not structure.slug:
        structure.slug = unique_slug(
            Structure, structure.name, max_length=60, fallback="structure", exclude_pk=structure.pk
        )
    full_clean(structure, _structure_errors(structure))
    save_with_history(structure, actor=actor, reason="structure changed")
    if secretariat_organisations is not None:
        set_m2m(
            structure,
            "secretariat_organisations",
            secretariat_organisations,
            actor=actor,
            reason="secretariat organisations changed",
        )
    return structure


@transaction.atomic
def structure_archive(*, actor, structure):
    require_manage(actor, structure)
    structure = lock(Structure, structure)
    if structure.archived_at is not None:
        raise DomainError(_("The structure is already archived."))
    structure.archived_at = timezone.now()
    return save_with_history(
        structure, actor=actor, reason="structure archived", update_fields=["archived_at"]
    )


@transaction.atomic
def structure_restore(*, actor, structure):
    require_manage(actor, structure)
    structure = lock(Structure, structure)
    if structure.archived_at is None:
        raise DomainError(_("The structure is not archived."))
    structure.archived_at = None
    return save_with_history(
        structure, actor=actor, reason="structure restored", update_fields=["archived_at"]
    )


@transaction.atomic
def structure_secretariat_set(*, actor, structure, staff):
    """Name the structure's secretariat staff and grant them manage_structure.

    Only an administrator (superuser) or a present secretariat member of this structure may.
    """
    require_manage(actor, structure)
    structure = lock(Structure, structure)
    staff = list(staff)
    errors = Errors()
    inactive = [str(person) for person in staff if not person.is_active]
    if inactive:
        errors.add(
            "secretariat_staff",
            _("Only active accounts can be secretariat staff: %(names)s.")
            % {"names": ", ".join(inactive)},
        )
    if not staff and not actor.is_superuser:
        errors.add(
            "secretariat_staff",
            _(
                "A structure needs at least one secretariat member; only an administrator "
                "can remove the last one."
            ),
        )
    errors.raise_if_any()
    set_m2m(structure, "secretariat_staff", staff, actor=actor, reason="secretariat changed")
    structure_secretariat_sync(structure=structure)
    return structure
