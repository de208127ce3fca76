"""Forums: set up, changed and wound down, with the rules of their place in the structure
(R1 wind-down, R2 escalation one tier up, R3 appointing and steering without cycles, R10/R11
chair rules)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Forum
from .base import (
    RESERVED_SLUGS,
    Errors,
    apply_fields,
    full_clean,
    lock,
    require_manage,
    unique_slug,
)

# The fields a forum's form edits besides the forums it steers and the forums it coordinates
# its meeting planning with (forums.forms.ForumForm).
FORUM_FIELDS = (
    "name",
    "short_name",
    "slug",
    "tier",
    "kind",
    "escalates_to",
    "appointed_by",
    "reports_to_forum",
    "principal_body",
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


def _forum_errors(forum, *, steers=None, coordinates_with=None, today=None):
    """Everything wrong with the forum as it would be saved, by field."""
    today = today or timezone.localdate()
    errors = Errors()

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

    # The principal body: a forum of the structure or a body outside the portal, not both.
    principal = forum.reports_to_forum
    if principal is not None and forum.principal_body_id is not None:
        errors.add(
            "principal_body",
            _("Choose either a forum or a body outside the portal that it reports to, not both."),
        )
    elif principal is not None:
        if forum.pk and principal.pk == forum.pk:
            errors.add("reports_to_forum", _("A forum cannot report to itself."))
        elif principal.structure_id != forum.structure_id:
            errors.add(
                "reports_to_forum",
                _(
                    "The forum reported to must belong to the same structure; record a body "
                    "elsewhere as a body outside the portal."
                ),
            )

    # Meeting planning is coordinated with other forums, not with the forum itself.
    for other in coordinates_with or ():
        if forum.pk and other.pk == forum.pk:
            errors.add("coordinates_with", _("A forum cannot coordinate with itself."))

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


def _apply_coordination(forum, coordinates_with, *, actor):
    wanted = {other.pk for other in coordinates_with}
    if wanted != set(forum.coordinates_with.values_list("pk", flat=True)):
        # simple_history writes a historical record on m2m_changed, by this actor and reason.
        forum._history_user = actor
        forum._change_reason = "meeting planning coordination changed"
        forum.coordinates_with.set(wanted)


@transaction.atomic
def forum_create(*, actor, structure, data, steers=(), coordinates_with=()):
    """Create a forum in a structure the actor runs as secretariat."""
    require_manage(actor, structure)
    if structure.archived_at is not None:
        raise DomainError(_("The structure is archived: no new forums can be set up in it."))
    forum = Forum(structure=structure)
    apply_fields(forum, data, FORUM_FIELDS)
    if not forum.slug:
        forum.slug = unique_slug(Forum, forum.name, max_length=80, fallback="forum")
    steers = list(steers)
    coordinates_with = list(coordinates_with)
    full_clean(forum, _forum_errors(forum, steers=steers, coordinates_with=coordinates_with))
    save_with_history(forum, actor=actor, reason="forum created")
    if steers:
        _apply_steers(forum, steers, actor=actor)
    if coordinates_with:
        _apply_coordination(forum, coordinates_with, actor=actor)
    return forum


@transaction.atomic
def forum_update(*, actor, forum, data, steers=None, coordinates_with=None):
    """Change a forum's settings (not its structure, charter or seats)."""
    require_manage(actor, forum.structure)
    forum = lock(Forum, forum)
    apply_fields(forum, data, FORUM_FIELDS)
    if not forum.slug:
        forum.slug = unique_slug(
            Forum, forum.name, max_length=80, fallback="forum", exclude_pk=forum.pk
        )
    steers = list(steers) if steers is not None else None
    coordinates_with = list(coordinates_with) if coordinates_with is not None else None
    full_clean(forum, _forum_errors(forum, steers=steers, coordinates_with=coordinates_with))
    save_with_history(forum, actor=actor, reason="forum changed")
    if steers is not None:
        _apply_steers(forum, steers, actor=actor)
    if coordinates_with is not None:
        _apply_coordination(forum, coordinates_with, actor=actor)
    return forum


@transaction.atomic
def forum_wind_down(*, actor, forum, on):
    """Wind a forum down on a day (R1): it takes no escalations after that."""
    require_manage(actor, forum.structure)
    forum = lock(Forum, forum)
    if on is None:
        raise ValidationError({"active_to": [_("Give the day the forum is wound down.")]})
    forum.active_to = on
    errors = Errors(
        {key: value for key, value in _forum_errors(forum).items() if key == "active_to"}
    )
    errors.raise_if_any()
    return save_with_history(
        forum, actor=actor, reason="forum wound down", update_fields=["active_to"]
    )
