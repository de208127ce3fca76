"""Parties of a structure: added, changed, archived and restored."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Forum, Party
from .base import Errors, apply_fields, full_clean, lock, require_manage

# The fields a party's form edits (forums.forms.PartyForm uses this list).
PARTY_FIELDS = ("name", "short_name")


def _party_errors(party):
    errors = Errors()
    same = Party.objects.filter(structure_id=party.structure_id, name__iexact=party.name)
    if party.pk:
        same = same.exclude(pk=party.pk)
    if party.name and same.exists():
        errors.add("name", _("The structure already has a party with this name."))
    return errors


@transaction.atomic
def party_create(*, actor, structure, data):
    require_manage(actor, structure)
    if structure.archived_at is not None:
        raise DomainError(_("The structure is archived."))
    party = Party(structure=structure)
    apply_fields(party, data, PARTY_FIELDS)
    full_clean(party, _party_errors(party))
    return save_with_history(party, actor=actor, reason="party created")


@transaction.atomic
def party_update(*, actor, party, data):
    require_manage(actor, party.structure)
    party = lock(Party, party)
    apply_fields(party, data, PARTY_FIELDS)
    full_clean(party, _party_errors(party))
    return save_with_history(party, actor=actor, reason="party changed")


@transaction.atomic
def party_archive(*, actor, party):
    """Archive a party; refused while it holds seats or the chair in a forum in use."""
    require_manage(actor, party.structure)
    party = lock(Party, party)
    if party.archived_at is not None:
        raise DomainError(_("The party is already archived."))
    today = timezone.localdate()
    in_use = (
        Forum.objects.filter(Q(seats__party=party, seats__count__gt=0) | Q(chair_party=party))
        .filter(Q(active_to__isnull=True) | Q(active_to__gte=today))
        .distinct()
        .order_by("name")
    )
    names = [forum.name for forum in in_use]
    if names:
        raise DomainError(
            _("The party still holds seats or the chair in: %(forums)s. Change those first.")
            % {"forums": ", ".join(names)}
        )
    party.archived_at = timezone.now()
    return save_with_history(
        party, actor=actor, reason="party archived", update_fields=["archived_at"]
    )


@transaction.atomic
def party_restore(*, actor, party):
    require_manage(actor, party.structure)
    party = lock(Party, party)
    if party.archived_at is None:
        raise DomainError(_("The party is not archived."))
    party.archived_at = None
    return save_with_history(
        party, actor=actor, reason="party restored", update_fields=["archived_at"]
    )
