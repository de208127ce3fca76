"""Reads of structures, parties, organisations and forums, always scoped to a user.

An object a user may not see raises Http404 here, the same as one that does not exist.
Forums reads no mandates: a forum's members are `mandates.selectors.forum_members`.
"""

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, Count, Q, Value, When
from django.http import Http404
from django.utils import timezone

from kernel.visibility import VIEW, get_for_action, get_visible_or_404

from .models import AssignmentItem, CharterVersion, Forum, Organisation, Party, Seat, Structure
from .permissions import organisation_change_filter, structures_managed_by

FORUM_RELATED = (
    "structure",
    "escalates_to",
    "appointed_by",
    "steered_by",
    "reports_to_forum",
    "principal_body",
    "chair_party",
    "chair_party_differs_from",
)


def _get(queryset, user, action, **lookup):
    """The object if the user may see it (404) and, for another action, do it (403)."""
    if action == VIEW:
        return get_visible_or_404(queryset, user, **lookup)
    return get_for_action(queryset, user, action, **lookup)


# --- Structures ------------------------------------------------------------------------------


def structure_list_run_by(*, user):
    """Structures the user runs as secretariat, with how many forums each has."""
    return (
        structures_managed_by(user)
        .filter(archived_at__isnull=True)
        .annotate(forum_count=Count("forums"))
        .order_by("name")
    )


def structure_ids_run_by(*, user):
    return set(structures_managed_by(user).values_list("pk", flat=True))


def structures_open_run_by(*, user):
    """Structures not archived that the user runs: where they may set up forums."""
    return Structure.objects.restrict(user, "manage").filter(archived_at__isnull=True)


def structures_open_visible_to(*, user):
    """Structures not archived that the user may see (the forum list's structure filter)."""
    return Structure.objects.restrict(user, VIEW).filter(archived_at__isnull=True).order_by("name")


def structure_list_visible_to(*, user):
    """Structures the user may see (archived ones too: the list's filter decides), each with
    the number of forums in it that they can see."""
    visible_forums = Forum.objects.restrict(user, VIEW)
    return (
        Structure.objects.restrict(user, VIEW)
        .annotate(
            forum_count=Count("forums", filter=Q(forums__in=visible_forums), distinct=True),
        )
        .order_by("name")
    )


def structure_get_visible(*, user, slug, action=VIEW):
    """The structure if the user may see it (404) and, for "manage", run it (403)."""
    return _get(Structure.objects.all(), user, action, slug=slug)


def structure_secretariat_staff(*, structure):
    return structure.secretariat_staff.order_by("last_name", "first_name")


def structure_secretariat_organisations(*, structure):
    return structure.secretariat_organisations.all()


def is_secretariat_staff(*, structure, user):
    """Whether the user is named on the structure's secretariat (not only an administrator)."""
    return structure.secretariat_staff.filter(pk=user.pk).exists()


# --- Forums ----------------------------------------------------------------------------------


def forums_visible_to(user):
    return Forum.objects.restrict(user, VIEW)


def forum_list_visible_to(*, user):
    """Forums the user may see, in structures not archived (the list's filters narrow it)."""
    return (
        forums_visible_to(user)
        .filter(structure__archived_at__isnull=True)
        .select_related("structure", "escalates_to")
        .order_by("structure__name", "tier", "name")
    )


def forum_filter_status(queryset, status, *, on=None):
    """Forums active on a day ("active") or wound down before it ("wound_down")."""
    day = on or timezone.localdate()
    if status == "active":
        return queryset.filter(Q(active_to__isnull=True) | Q(active_to__gte=day))
    if status == "wound_down":
        return queryset.filter(active_to__lt=day)
    return queryset


def forum_get_visible(*, user, slug, action=VIEW):
    """The forum with its related forums loaded: 404 if the user may not see it, 403 if they
    see it but may not `action` it ("change")."""
    return _get(Forum.objects.select_related(*FORUM_RELATED), user, action, slug=slug)


def forums_of_structure_visible_to(*, user, structure):
    """All forums of a structure the user may see, in map order (one query)."""
    return (
        forums_visible_to(user)
        .filter(structure=structure)
        .select_related("principal_body")
        .order_by("tier", "name")
    )


def forum_relatives_visible_to(*, user, forum):
    """Forums that escalate to, were appointed by or are steered by this forum (one query)."""
    return (
        forums_visible_to(user)
        .filter(Q(escalates_to=forum) | Q(appointed_by=forum) | Q(steered_by=forum))
        .order_by("tier", "name")
    )


def charter_items(*, forum):
    """The forum's assignments in order: (general, specific)."""
    general, specific = [], []
    for item in AssignmentItem.objects.filter(forum=forum).order_by("order", "id"):
        (general if item.kind == AssignmentItem.Kind.GENERAL else specific).append(item)
    return general, specific


def seat_form_choices(*, forum):
    """The forum's seats and what the seat form offers: (seats, organisations, parties).

    Archived organisations and parties are offered only where they already hold a seat.
    """
    seats = list(
        Seat.objects.filter(forum=forum, count__gt=0)
        .select_related("organisation", "party")
        .order_by("id")
    )
    organisations = list(
        Organisation.objects.filter(
            Q(archived_at__isnull=True) | Q(pk__in=[s.organisation_id for s in seats])
        ).order_by("name")
    )
    parties = list(
        Party.objects.filter(structure=forum.structure)
        .filter(Q(archived_at__isnull=True) | Q(pk__in=[s.party_id for s in seats]))
        .order_by("name")
    )
    return seats, organisations, parties


# --- Parties and organisations ---------------------------------------------------------------


def party_get(*, user, pk, action=VIEW):
    """The party if the user may see its structure (404) and, for "manage", run it (403)."""
    return _get(Party.objects.select_related("structure"), user, action, pk=pk)


def parties_run_by(*, user):
    """Parties of the structures not archived that the user runs."""
    return (
        Party.objects.restrict(user, "manage")
        .filter(structure__archived_at__isnull=True)
        .select_related("structure")
        .order_by("structure__name", "name")
    )


def parties_for_organisation_form(*, user, organisation=None):
    """The parties an organisation's form offers: those the user runs, and the
    organisation's own parties in structures the user runs (archived ones too)."""
    offered = parties_run_by(user=user)
    if organisation is not None:
        offered = offered | Party.objects.filter(
            pk__in=organisation.parties.restrict(user, "manage").values("pk")
        ).select_related("structure")
    return offered.distinct().order_by("structure__name", "name")


def organisation_parties_elsewhere(*, user, organisation):
    """The organisation's parties in structures the user does not run (they stay as they are)."""
    return (
        organisation.parties.exclude(pk__in=Party.objects.restrict(user, "manage").values("pk"))
        .select_related("structure")
        .order_by("structure__name", "name")
    )


def organisation_get(*, user, pk, action=VIEW):
    """An organisation of the register: 404 if there is none, 403 if the user may not
    `action` it ("change")."""
    return _get(Organisation.objects.all(), user, action, pk=pk)


def party_list_for_structure(*, structure, archived=False):
    return (
        Party.objects.filter(structure=structure, archived_at__isnull=not archived)
        .annotate(organisation_count=Count("organisations", distinct=True))
        .order_by("name")
    )


def organisation_list(*, user):
    """The shared register of organisations, with the parties each belongs to (two queries)
    and whether `user` may change each (`may_change`); the list's filters narrow it (by
    default to those not archived)."""
    return (
        Organisation.objects.prefetch_related("parties__structure")
        .annotate(
            may_change=Case(
                When(organisation_change_filter(user), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("name")
    )


def charter_versions(*, forum):
    return (
        CharterVersion.objects.filter(forum=forum).select_related("created_by").order_by("-number")
    )


# --- Public pages (no login) ---------------------------------------------------------------


def public_forums(*, on=None):
    """Public forums of structures not archived that have not been wound down."""
    day = on or timezone.localdate()
    return (
        Forum.objects.filter(is_public=True, structure__archived_at__isnull=True)
        .filter(Q(active_to__isnull=True) | Q(active_to__gte=day))
        .select_related("structure")
        .order_by("structure__name", "tier", "name")
    )


def public_forum_get(*, slug):
    try:
        return Forum.objects.select_related(
            "structure", "escalates_to", "reports_to_forum", "principal_body"
        ).get(slug=slug, is_public=True, structure__archived_at__isnull=True)
    except Forum.DoesNotExist:
        raise Http404 from None


def people_named(*, identifiers):
    """Active people named by username or e-mail; returns (people, identifiers not found)."""
    people, missing = [], []
    User = get_user_model()
    for identifier in identifiers:
        identifier = identifier.strip()
        if not identifier:
            continue
        person = (
            User.objects.filter(is_active=True)
            .filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))
            .order_by("pk")
            .first()
        )
        if person is None:
            missing.append(identifier)
        else:
            people.append(person)
    return people, missing
