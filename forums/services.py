"""Every write to structures, parties, organisations, forums, charters and seats.

Each service checks the actor's permission first (PermissionDenied), locks the row it
changes, validates, and saves through `save_with_history`. Field-level problems are raised
as `ValidationError({"field": [message]})` before anything is written, so the view can put
them next to the field; the database constraints and the escalation trigger are only the
last line of defence. Nothing that has history is deleted: structures, parties and
organisations are archived, forums are wound down, seats are set to zero.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from .models import AssignmentItem, CharterVersion, Forum, Organisation, Party, Seat, Structure
from .permissions import can_manage_structure, structure_secretariat_sync, structures_managed_by

ADD_STRUCTURE = "forums.add_structure"
# Words in the forum pages' addresses (forums/urls.py) that a forum's slug cannot be.
RESERVED_SLUGS = frozenset({"strukturer", "organisationer", "parter"})

STRUCTURE_FIELDS = (
    "name",
    "slug",
    "description",
    "is_partnership",
    "case_reference_prefix",
    "escalated_case_deadline_days",
)
PARTY_FIELDS = ("name", "short_name")
ORGANISATION_FIELDS = ("name", "short_name", "kind", "website")
FORUM_FIELDS = (
    "name",
    "short_name",
    "slug",
    "tier",
    "kind",
    "escalates_to",
    "appointed_by",
    "reports_to",
    "min_meetings_per_year",
    "quorum",
    "decision_rule",
    "minutes_approval",
    "chair_rotation_months",
    "chair_rotation_among",
    "chair_party",
    "vice_chair_from_other_party",
    "chair_party_differs_from",
    "is_public",
    "is_temporary",
    "setup_criteria",
    "active_from",
    "active_to",
)


# --- Helpers ---------------------------------------------------------------------------------


class _Errors(dict):
    def add(self, field, message):
        self.setdefault(field, []).append(message)

    def raise_if_any(self):
        if self:
            raise ValidationError(dict(self))


def _require_manage(actor, structure):
    if not can_manage_structure(actor, structure):
        raise PermissionDenied


def _is_secretariat_anywhere(actor):
    return actor.is_authenticated and (actor.is_superuser or structures_managed_by(actor).exists())


def _require_secretariat_anywhere(actor):
    if not _is_secretariat_anywhere(actor):
        raise PermissionDenied


def _apply(instance, data, allowed):
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)


def _unique_slug(model, text, *, max_length, fallback, exclude_pk=None):
    base = slugify(text)[: max_length - 4].strip("-") or fallback
    candidate, n = base, 1
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while candidate in RESERVED_SLUGS or others.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _full_clean(instance, errors, *, exclude=()):
    """Run the model's own validation after the domain checks passed."""
    errors.raise_if_any()
    instance.full_clean(exclude=list(exclude), validate_unique=True)


def _set_m2m(instance, attr, values, *, actor, reason):
    instance._history_user = actor
    instance._change_reason = reason
    getattr(instance, attr).set(values)


def _lock(model, instance):
    return model.objects.select_for_update().get(pk=instance.pk)


# --- Structures --------------------------------------------------------------------------------


def _structure_errors(structure):
    errors = _Errors()
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
    _apply(structure, data, STRUCTURE_FIELDS)
    if not structure.slug:
        structure.slug = _unique_slug(
            Structure, structure.name, max_length=60, fallback="structure"
        )
    _full_clean(structure, _structure_errors(structure))
    save_with_history(structure, actor=actor, reason="structure created")
    _set_m2m(
        structure,
        "secretariat_organisations",
        secretariat_organisations,
        actor=actor,
        reason="structure created",
    )
    _set_m2m(structure, "secretariat_staff", [actor], actor=actor, reason="structure created")
    structure_secretariat_sync(structure=structure)
    return structure


@transaction.atomic
def structure_update(*, actor, structure, data, secretariat_organisations=None):
    _require_manage(actor, structure)
    structure = _lock(Structure, structure)
    _apply(structure, data, STRUCTURE_FIELDS)
    if not structure.slug:
        structure.slug = _unique_slug(
            Structure, structure.name, max_length=60, fallback="structure", exclude_pk=structure.pk
        )
    _full_clean(structure, _structure_errors(structure))
    save_with_history(structure, actor=actor, reason="structure changed")
    if secretariat_organisations is not None:
        _set_m2m(
            structure,
            "secretariat_organisations",
            secretariat_organisations,
            actor=actor,
            reason="secretariat organisations changed",
        )
    return structure


@transaction.atomic
def structure_archive(*, actor, structure):
    _require_manage(actor, structure)
    structure = _lock(Structure, structure)
    if structure.archived_at is not None:
        raise DomainError(_("The structure is already archived."))
    structure.archived_at = timezone.now()
    return save_with_history(
        structure, actor=actor, reason="structure archived", update_fields=["archived_at"]
    )


@transaction.atomic
def structure_restore(*, actor, structure):
    _require_manage(actor, structure)
    structure = _lock(Structure, structure)
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
    _require_manage(actor, structure)
    structure = _lock(Structure, structure)
    staff = list(staff)
    errors = _Errors()
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
    _set_m2m(structure, "secretariat_staff", staff, actor=actor, reason="secretariat changed")
    structure_secretariat_sync(structure=structure)
    return structure


# --- Parties -----------------------------------------------------------------------------------


def _party_errors(party):
    errors = _Errors()
    same = Party.objects.filter(structure_id=party.structure_id, name__iexact=party.name)
    if party.pk:
        same = same.exclude(pk=party.pk)
    if party.name and same.exists():
        errors.add("name", _("The structure already has a party with this name."))
    return errors


@transaction.atomic
def party_create(*, actor, structure, data):
    _require_manage(actor, structure)
    if structure.archived_at is not None:
        raise DomainError(_("The structure is archived."))
    party = Party(structure=structure)
    _apply(party, data, PARTY_FIELDS)
    _full_clean(party, _party_errors(party))
    return save_with_history(party, actor=actor, reason="party created")


@transaction.atomic
def party_update(*, actor, party, data):
    _require_manage(actor, party.structure)
    party = _lock(Party, party)
    _apply(party, data, PARTY_FIELDS)
    _full_clean(party, _party_errors(party))
    return save_with_history(party, actor=actor, reason="party changed")


@transaction.atomic
def party_archive(*, actor, party):
    """Archive a party; refused while it holds seats or the chair in a forum in use."""
    _require_manage(actor, party.structure)
    party = _lock(Party, party)
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
    _require_manage(actor, party.structure)
    party = _lock(Party, party)
    if party.archived_at is None:
        raise DomainError(_("The party is not archived."))
    party.archived_at = None
    return save_with_history(
        party, actor=actor, reason="party restored", update_fields=["archived_at"]
    )


# --- Organisations -----------------------------------------------------------------------------
# Organisations are one register shared by all structures: any secretariat member may add and
# edit them, but may only change their membership of parties in structures they run.


def _organisation_errors(organisation):
    errors = _Errors()
    same = Organisation.objects.filter(name__iexact=organisation.name)
    if organisation.pk:
        same = same.exclude(pk=organisation.pk)
    if organisation.name and same.exists():
        errors.add("name", _("There is already an organisation with this name."))
    return errors


def _parties_after(actor, current, wanted, errors):
    managed = set(
        Party.objects.filter(structure__in=structures_managed_by(actor).values("pk")).values_list(
            "pk", flat=True
        )
    )
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
    _require_secretariat_anywhere(actor)
    organisation = Organisation()
    _apply(organisation, data, ORGANISATION_FIELDS)
    errors = _organisation_errors(organisation)
    party_ids = _parties_after(actor, [], list(parties), errors)
    _full_clean(organisation, errors)
    save_with_history(organisation, actor=actor, reason="organisation created")
    if party_ids:
        _set_m2m(organisation, "parties", party_ids, actor=actor, reason="organisation created")
    return organisation


@transaction.atomic
def organisation_update(*, actor, organisation, data, parties=None):
    _require_secretariat_anywhere(actor)
    organisation = _lock(Organisation, organisation)
    _apply(organisation, data, ORGANISATION_FIELDS)
    errors = _organisation_errors(organisation)
    party_ids = None
    if parties is not None:
        party_ids = _parties_after(actor, list(organisation.parties.all()), list(parties), errors)
    _full_clean(organisation, errors)
    save_with_history(organisation, actor=actor, reason="organisation changed")
    if party_ids is not None:
        _set_m2m(organisation, "parties", party_ids, actor=actor, reason="parties changed")
    return organisation


@transaction.atomic
def organisation_archive(*, actor, organisation):
    """Archive an organisation; refused while it holds seats in a forum in use."""
    _require_secretariat_anywhere(actor)
    organisation = _lock(Organisation, organisation)
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
    _require_secretariat_anywhere(actor)
    organisation = _lock(Organisation, organisation)
    if organisation.archived_at is None:
        raise DomainError(_("The organisation is not archived."))
    organisation.archived_at = None
    return save_with_history(
        organisation, actor=actor, reason="organisation restored", update_fields=["archived_at"]
    )


# --- Forums ------------------------------------------------------------------------------------


def _cycle_path(start, attr, target_pk):
    """Follow `attr` (appointed_by / steered_by) from `start`; the forums passed on the way
    if the chain reaches `target_pk`, else None. Chains are short: one query a step."""
    path, seen, current = [], set(), start
    while current is not None:
        path.append(current)
        if current.pk == target_pk:
            return path
        if current.pk in seen:
            return None  # an old cycle elsewhere; not this forum's business
        seen.add(current.pk)
        next_id = getattr(current, f"{attr}_id")
        current = Forum.objects.filter(pk=next_id).first() if next_id else None
    return None


def _tier_label(tier):
    return str(Forum.Tier(tier).label).lower()


def _forum_errors(forum, *, steers=None, today=None):
    """Everything wrong with the forum as it would be saved, by field."""
    today = today or timezone.localdate()
    errors = _Errors()

    # Name unique in the structure (the constraint spans a field the form does not edit).
    if forum.name:
        same = Forum.objects.filter(structure_id=forum.structure_id, name__iexact=forum.name)
        if forum.pk:
            same = same.exclude(pk=forum.pk)
        if same.exists():
            errors.add("name", _("The structure already has a forum with this name."))

    if forum.slug in RESERVED_SLUGS:
        errors.add("slug", _("This word is used in the portal's addresses; choose another."))

    # R2: escalation goes to a forum of the same structure exactly one tier up.
    target = forum.escalates_to
    if target is not None:
        if forum.tier == Forum.Tier.STRATEGIC:
            errors.add(
                "escalates_to",
                _("A strategic forum is the top tier: it escalates to no other forum."),
            )
        elif forum.pk and target.pk == forum.pk:
            errors.add("escalates_to", _("A forum cannot escalate to itself."))
        elif target.structure_id != forum.structure_id:
            errors.add(
                "escalates_to",
                _("The forum cases are escalated to must belong to the same structure."),
            )
        elif forum.tier and target.tier != forum.tier - 1:
            errors.add(
                "escalates_to",
                _(
                    "Cases are escalated exactly one tier up: a %(tier)s forum escalates to a "
                    "%(up)s forum, and %(target)s is %(target_tier)s."
                )
                % {
                    "tier": _tier_label(forum.tier),
                    "up": _tier_label(forum.tier - 1),
                    "target": target.name,
                    "target_tier": _tier_label(target.tier),
                },
            )
        elif target.active_to is not None and target.active_to < today:
            errors.add(
                "escalates_to",
                _("%(target)s has been wound down and takes no escalated cases.")
                % {"target": target.name},
            )

    # A change of tier must not break the forums that escalate to this one.
    if forum.pk and forum.tier:
        below = list(
            Forum.objects.filter(escalates_to_id=forum.pk)
            .exclude(tier=forum.tier + 1)
            .order_by("name")
            .values_list("name", flat=True)
        )
        if below:
            errors.add(
                "tier",
                _(
                    "These forums escalate to this forum and would no longer be one tier "
                    "below it: %(names)s. Change their escalation target first."
                )
                % {"names": ", ".join(below)},
            )

    # R3: no cycle of appointing forums.
    if forum.appointed_by is not None:
        if forum.pk and forum.appointed_by.pk == forum.pk:
            errors.add("appointed_by", _("A forum cannot appoint itself."))
        elif forum.pk:
            path = _cycle_path(forum.appointed_by, "appointed_by", forum.pk)
            if path:
                names = " → ".join([forum.name, *(f.name for f in path)])
                errors.add(
                    "appointed_by",
                    _("This would make a cycle of appointing forums: %(path)s.") % {"path": names},
                )

    # Steering: the forums this forum steers, in its structure, without a cycle.
    for steered in steers or ():
        if forum.pk and steered.pk == forum.pk:
            errors.add("steers", _("A forum cannot steer itself."))
        elif steered.structure_id != forum.structure_id:
            errors.add(
                "steers",
                _("%(name)s belongs to another structure.") % {"name": steered.name},
            )
        elif forum.pk:
            path = _cycle_path(forum, "steered_by", steered.pk)
            if path:
                names = " → ".join([steered.name, *(f.name for f in path)])
                errors.add(
                    "steers",
                    _("This would make a cycle of steering forums: %(path)s.") % {"path": names},
                )

    # R1: a forum is wound down after it started.
    if forum.active_from and forum.active_to and forum.active_to < forum.active_from:
        errors.add(
            "active_to",
            _("A forum cannot be wound down before it started (%(start)s).")
            % {"start": forum.active_from.isoformat()},
        )
    elif forum.pk and forum.active_to:
        # Forums still escalating here after the wind-down would lose their escalation path.
        still = list(
            Forum.objects.filter(escalates_to_id=forum.pk)
            .filter(Q(active_to__isnull=True) | Q(active_to__gt=forum.active_to))
            .order_by("name")
            .values_list("name", flat=True)
        )
        if still:
            errors.add(
                "active_to",
                _(
                    "These forums still escalate to this forum after that date: %(names)s. "
                    "Give them another escalation target or wind them down first."
                )
                % {"names": ", ".join(still)},
            )

    # R10/R11: chair rules refer to this structure.
    if forum.chair_party is not None and forum.chair_party.structure_id != forum.structure_id:
        errors.add("chair_party", _("The party must belong to the forum's structure."))
    other = forum.chair_party_differs_from
    if other is not None:
        if forum.pk and other.pk == forum.pk:
            errors.add("chair_party_differs_from", _("Choose another forum than this one."))
        elif other.structure_id != forum.structure_id:
            errors.add(
                "chair_party_differs_from", _("The forum must belong to the same structure.")
            )
    if forum.chair_rotation_among and not forum.chair_rotation_months:
        errors.add("chair_rotation_months", _("Give the period after which the chair rotates."))
    return errors


def _apply_steers(forum, steers, *, actor):
    wanted = {steered.pk for steered in steers}
    for steered in Forum.objects.select_for_update().filter(Q(steered_by=forum) | Q(pk__in=wanted)):
        value = forum if steered.pk in wanted else None
        if steered.steered_by_id != (value.pk if value else None):
            steered.steered_by = value
            save_with_history(
                steered, actor=actor, reason="steering changed", update_fields=["steered_by"]
            )


@transaction.atomic
def forum_create(*, actor, structure, data, steers=()):
    """Create a forum in a structure the actor runs as secretariat."""
    _require_manage(actor, structure)
    if structure.archived_at is not None:
        raise DomainError(_("The structure is archived: no new forums can be set up in it."))
    forum = Forum(structure=structure)
    _apply(forum, data, FORUM_FIELDS)
    if not forum.slug:
        forum.slug = _unique_slug(Forum, forum.name, max_length=80, fallback="forum")
    steers = list(steers)
    _full_clean(forum, _forum_errors(forum, steers=steers))
    save_with_history(forum, actor=actor, reason="forum created")
    if steers:
        _apply_steers(forum, steers, actor=actor)
    return forum


@transaction.atomic
def forum_update(*, actor, forum, data, steers=None):
    """Change a forum's settings (not its structure, charter or seats)."""
    _require_manage(actor, forum.structure)
    forum = _lock(Forum, forum)
    _apply(forum, data, FORUM_FIELDS)
    if not forum.slug:
        forum.slug = _unique_slug(
            Forum, forum.name, max_length=80, fallback="forum", exclude_pk=forum.pk
        )
    steers = list(steers) if steers is not None else None
    _full_clean(forum, _forum_errors(forum, steers=steers))
    save_with_history(forum, actor=actor, reason="forum changed")
    if steers is not None:
        _apply_steers(forum, steers, actor=actor)
    return forum


@transaction.atomic
def forum_wind_down(*, actor, forum, on):
    """Wind a forum down on a day (R1): it takes no escalations after that."""
    _require_manage(actor, forum.structure)
    forum = _lock(Forum, forum)
    if on is None:
        raise ValidationError({"active_to": [_("Give the day the forum is wound down.")]})
    forum.active_to = on
    errors = _Errors(
        {key: value for key, value in _forum_errors(forum).items() if key == "active_to"}
    )
    errors.raise_if_any()
    return save_with_history(
        forum, actor=actor, reason="forum wound down", update_fields=["active_to"]
    )


# --- Charter -----------------------------------------------------------------------------------


def _clean_items(items):
    return [text.strip() for text in items if text and text.strip()]


def _current_charter(forum):
    general, specific = [], []
    for item in AssignmentItem.objects.filter(forum=forum).order_by("order", "id"):
        (general if item.kind == AssignmentItem.Kind.GENERAL else specific).append(item)
    return general, specific


def _sync_items(forum, kind, items, texts, *, actor):
    for order, text in enumerate(texts, start=1):
        if order <= len(items):
            item = items[order - 1]
            if item.text != text or item.order != order:
                item.text, item.order = text, order
                save_with_history(item, actor=actor, reason="charter changed")
        else:
            save_with_history(
                AssignmentItem(forum=forum, kind=kind, order=order, text=text),
                actor=actor,
                reason="charter changed",
            )
    for item in items[len(texts) :]:
        # The text stays in the charter versions and in the item's history.
        item._history_user = actor
        item._change_reason = "charter changed"
        item.delete()


@transaction.atomic
def charter_update(*, actor, forum, purpose, general, specific, note=""):
    """Set a forum's charter (R4): purpose and ordered general and specific assignments.

    Every change is kept as a numbered CharterVersion with who and when; a charter that was
    never versioned is first kept as it was. Returns the new version, or None when nothing
    changed.
    """
    _require_manage(actor, forum.structure)
    forum = _lock(Forum, forum)
    purpose = (purpose or "").strip()
    general, specific = _clean_items(general), _clean_items(specific)
    general_items, specific_items = _current_charter(forum)
    before = (
        forum.purpose.strip(),
        [item.text for item in general_items],
        [item.text for item in specific_items],
    )
    if before == (purpose, general, specific):
        return None
    latest = CharterVersion.objects.filter(forum=forum).order_by("-number").first()
    number = latest.number if latest else 0
    if latest is None and any(before):
        # Keep the charter as it stood before its first change through the portal.
        number += 1
        save_with_history(
            CharterVersion(
                forum=forum,
                number=number,
                purpose=before[0],
                general_assignments=before[1],
                specific_assignments=before[2],
                note=_("The charter as it was before it was first changed in the portal."),
            ),
            actor=actor,
            reason="charter baseline kept",
        )
    _sync_items(forum, AssignmentItem.Kind.GENERAL, general_items, general, actor=actor)
    _sync_items(forum, AssignmentItem.Kind.SPECIFIC, specific_items, specific, actor=actor)
    if forum.purpose != purpose:
        forum.purpose = purpose
        save_with_history(forum, actor=actor, reason="charter changed", update_fields=["purpose"])
    return save_with_history(
        CharterVersion(
            forum=forum,
            number=number + 1,
            purpose=purpose,
            general_assignments=general,
            specific_assignments=specific,
            note=(note or "").strip()[:300],
            created_by=actor,
        ),
        actor=actor,
        reason="charter changed",
    )


# --- Seats -------------------------------------------------------------------------------------


@transaction.atomic
def seat_set(*, actor, forum, seats):
    """Set the forum's seats per organisation or party (R5).

    `seats` is a list of dicts with `organisation` or `party` and `count`. A seat that is no
    longer listed is set to zero (kept with its history, not deleted). Returns the seats
    with at least one place.
    """
    _require_manage(actor, forum.structure)
    forum = _lock(Forum, forum)
    errors = _Errors()
    wanted = {}
    for row in seats:
        organisation, party, count = row.get("organisation"), row.get("party"), row.get("count")
        if (organisation is None) == (party is None):
            errors.add("organisation", _("Choose either an organisation or a party for each seat."))
            continue
        label = str(organisation or party)
        if count is None or not isinstance(count, int):
            errors.add("count", _("Give the number of seats for %(name)s.") % {"name": label})
            continue
        if count < 0:
            errors.add(
                "count",
                _("The number of seats cannot be below zero (%(name)s: %(count)s).")
                % {"name": label, "count": count},
            )
        if party is not None and party.structure_id != forum.structure_id:
            errors.add(
                "party",
                _("%(name)s is a party of another structure.") % {"name": label},
            )
        key = ("organisation", organisation.pk) if organisation else ("party", party.pk)
        if key in wanted:
            errors.add(
                "party" if party else "organisation",
                _("%(name)s is listed twice.") % {"name": label},
            )
        wanted[key] = (organisation, party, count)
    existing = {
        ("organisation", seat.organisation_id)
        if seat.organisation_id
        else ("party", seat.party_id): seat
        for seat in Seat.objects.select_for_update().filter(forum=forum)
    }
    for key, (organisation, party, count) in wanted.items():
        seat = existing.get(key)
        is_new = seat is None or seat.count == 0
        if is_new and count > 0:
            archived = (organisation or party).archived_at is not None
            if archived:
                errors.add(
                    "party" if party else "organisation",
                    _("%(name)s is archived and cannot get new seats.")
                    % {"name": str(organisation or party)},
                )
    errors.raise_if_any()
    for key, seat in existing.items():
        if key not in wanted and seat.count != 0:
            seat.count = 0
            save_with_history(seat, actor=actor, reason="seats changed", update_fields=["count"])
    for key, (organisation, party, count) in wanted.items():
        seat = existing.get(key)
        if seat is None:
            seat = Seat(forum=forum, organisation=organisation, party=party, count=count)
            save_with_history(seat, actor=actor, reason="seats changed")
        elif seat.count != count:
            seat.count = count
            save_with_history(seat, actor=actor, reason="seats changed", update_fields=["count"])
    return list(
        Seat.objects.filter(forum=forum, count__gt=0).select_related("organisation", "party")
    )
