"""The register of organisations, shared by all structures.

Any secretariat member may add organisations and change their membership of parties in the
structures they run. An organisation's own fields (name, kind, website) and its archiving are
for the secretariat of a structure that uses it, or an administrator
(`forums.permissions.can_change_organisation`).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Forum, Organisation, Party
from ..permissions import can_change_organisation
from .base import Errors, apply_fields, full_clean, lock, require_secretariat_anywhere, set_m2m

# The fields an organisation's form edits besides its parties (forums.forms.OrganisationForm).
ORGANISATION_FIELDS = ("name", "short_name", "kind", "website")


def _require_change(actor, organisation):
    if not can_change_organisation(actor, organisation):
        raise PermissionDenied(
            _(
                "Only the secretariat of a structure that uses this organisation, or an "
                "administrator, may change it."
            )
        )


def _organisation_errors(organisation):
    errors = Errors()
    same = Organisation.objects.filter(name__iexact=organisation.name)
    if organisation.pk:
        same = same.exclude(pk=organisation.pk)
    if organisation.name and same.exists():
        errors.add("name", _("There is already an organisation with this name."))
    return errors


def _parties_after(actor, current, wanted, errors):
    managed = set(Party.objects.restrict(actor, "manage").values_list("pk", flat=True))
    current_ids = {party.pk for party in current}
    wanted_ids = {party.pk for party in wanted}
    foreign = (wanted_ids ^ current_ids) - managed
    if foreign:
        errors.add(
            "parties",
            _("You can only change membership of parties in structures you run as secretariat."),
        )
    archived = [str(p) for p in wanted if p.archived_at is not None and p.pk not in current_ids]
    if archived:
        errors.add(
            "parties",
            _("These parties are archived: %(names)s.") % {"names": ", ".join(archived)},
        )
    return wanted_ids


@transaction.atomic
def organisation_create(*, actor, data, parties=()):
    require_secretariat_anywhere(actor)
    organisation = Organisation()
    apply_fields(organisation, data, ORGANISATION_FIELDS)
    errors = _organisation_errors(organisation)
    party_ids = _parties_after(actor, [], list(parties), errors)
    full_clean(organisation, errors)
    save_with_history(organisation, actor=actor, reason="organisation created")
    if party_ids:
        set_m2m(organisation, "parties", party_ids, actor=actor, reason="organisation created")
    return organisation


@transaction.atomic
def organisation_update(*, actor, organisation, data, parties=None):
    require_secretariat_anywhere(actor)
    organisation = lock(Organisation, organisation)
    if any(getattr(organisation, name) != value for name, value in data.items()):
        _require_change(actor, organisation)
    apply_fields(organisation, data, ORGANISATION_FIELDS)
    errors = _organisation_errors(organisation)
    party_ids = None
    if parties is not None:
        party_ids = _parties_after(actor, list(organisation.parties.all()), list(parties), errors)
    full_clean(organisation, errors)
    save_with_history(organisation, actor=actor, reason="organisation changed")
    if party_ids is not None:
        set_m2m(organisation, "parties", party_ids, actor=actor, reason="parties changed")
    return organisation


@transaction.atomic
def organisation_archive(*, actor, organisation):
    """Archive an organisation; refused while it holds seats in a forum in use."""
    require_secretariat_anywhere(actor)
    organisation = lock(Organisation, organisation)
    _require_change(actor, organisation)
    if organisation.archived_at is not None:
        raise DomainError(_("The organisation is already archived."))
    today = timezone.localdate()
    names = list(
        Forum.objects.filter(seats__organisation=organisation, seats__count__gt=0)
        .filter(Q(active_to__isnull=True) | Q(active_to__gte=today))
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)
    )
    if names:
        raise DomainError(
            _("The organisation still holds seats in: %(forums)s. Change those first.")
            % {"forums": ", ".join(names)}
        )
    organisation.archived_at = timezone.now()
    return save_with_history(
        organisation, actor=actor, reason="organisation archived", update_fields=["archived_at"]
    )


@transaction.atomic
def organisation_restore(*, actor, organisation):
    require_secretariat_anywhere(actor)
    organisation = lock(Organisation, organisation)
    _require_change(actor, organisation)
    if organisation.archived_at is None:
        raise DomainError(_("The organisation is not archived."))
    organisation.archived_at = None
    return save_with_history(
        organisation, actor=actor, reason="organisation restored", update_fields=["archived_at"]
    )
