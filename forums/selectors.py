"""Reads of structures, parties, organisations and forums, always scoped to a user.

An object a user may not see raises Http404 here, the same as one that does not exist.
Forums reads no mandates: a forum's members are `mandates.selectors.forum_members`.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from .models import CharterVersion, Forum, Organisation, Party, Structure
from .permissions import forum_visibility_filter, structures_managed_by

FORUM_RELATED = (
    "structure",
    "escalates_to",
    "appointed_by",
    "steered_by",
    "chair_party",
    "chair_party_differs_from",
)


def structure_list_run_by(*, user):
    """Structures the user runs as secretariat, with how many forums each has."""
    return (
        structures_managed_by(user)
        .filter(archived_at__isnull=True)
        .annotate(forum_count=Count("forums"))
        .order_by("name")
    )


def _text_search(queryset, q, fields):
    q = (q or "").strip()
    if not q:
        return queryset
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": q})
    return queryset.filter(condition)


def forums_visible_to(user):
    return Forum.objects.filter(forum_visibility_filter(user))


def structure_visibility_filter(user):
    """Structures the user runs, or in which they may see at least one forum."""
    return Q(pk__in=structures_managed_by(user).values("pk")) | Q(
        pk__in=forums_visible_to(user).values("structure_id")
    )


def structure_list_visible_to(*, user, q="", archived=False):
    """Structures the user may see, each with the number of forums in it that they can see."""
    managed = structures_managed_by(user).values("pk")
    queryset = Structure.objects.filter(structure_visibility_filter(user))
    if archived:
        # Archived structures are shown only to their secretariat.
        queryset = queryset.filter(archived_at__isnull=False, pk__in=managed)
    else:
        queryset = queryset.filter(archived_at__isnull=True)
    queryset = _text_search(queryset, q, ("name", "slug", "description"))
    return queryset.annotate(
        forum_count=Count("forums", filter=Q(forums__in=forums_visible_to(user)), distinct=True),
    ).order_by("name")


def structure_get_visible(*, user, slug):
    try:
        return Structure.objects.filter(structure_visibility_filter(user)).get(slug=slug)
    except Structure.DoesNotExist:
        raise Http404 from None


def forum_list_visible_to(*, user, q="", structure=None, tier=None, kind="", status="", on=None):
    """Forums the user may see, filtered; structures archived are left out."""
    day = on or timezone.localdate()
    queryset = forums_visible_to(user).filter(structure__archived_at__isnull=True)
    if structure is not None:
        queryset = queryset.filter(structure=structure)
    if tier:
        queryset = queryset.filter(tier=tier)
    if kind:
        queryset = queryset.filter(kind=kind)
    if status == "active":
        queryset = queryset.filter(Q(active_to__isnull=True) | Q(active_to__gte=day))
    elif status == "wound_down":
        queryset = queryset.filter(active_to__lt=day)
    queryset = _text_search(queryset, q, ("name", "short_name", "slug", "purpose"))
    return queryset.select_related("structure", "escalates_to").order_by(
        "structure__name", "tier", "name"
    )


def forum_get_visible(*, user, slug):
    """The forum with its related forums loaded, or Http404 if the user may not see it."""
    try:
        return forums_visible_to(user).select_related(*FORUM_RELATED).get(slug=slug)
    except Forum.DoesNotExist:
        raise Http404 from None


def forum_get(*, slug):
    """The forum regardless of who asks (the view decides between 404 and 403)."""
    try:
        return Forum.objects.select_related(*FORUM_RELATED).get(slug=slug)
    except Forum.DoesNotExist:
        raise Http404 from None


def forums_of_structure_visible_to(*, user, structure):
    """All forums of a structure the user may see, in map order (one query)."""
    return forums_visible_to(user).filter(structure=structure).order_by("tier", "name")


def forum_relatives_visible_to(*, user, forum):
    """Forums that escalate to, were appointed by or are steered by this forum (one query)."""
    return (
        forums_visible_to(user)
        .filter(Q(escalates_to=forum) | Q(appointed_by=forum) | Q(steered_by=forum))
        .order_by("tier", "name")
    )


def party_list_for_structure(*, structure, archived=False):
    return (
        Party.objects.filter(structure=structure, archived_at__isnull=not archived)
        .annotate(organisation_count=Count("organisations", distinct=True))
        .order_by("name")
    )


def organisation_list(*, q="", kind="", party=None, archived=False):
    """The shared register of organisations, with the parties each belongs to (two queries)."""
    queryset = Organisation.objects.filter(archived_at__isnull=not archived)
    if kind:
        queryset = queryset.filter(kind=kind)
    if party is not None:
        queryset = queryset.filter(parties=party)
    queryset = _text_search(queryset, q, ("name", "short_name"))
    return queryset.prefetch_related("parties__structure").order_by("name")


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
        return Forum.objects.select_related("structure", "escalates_to").get(
            slug=slug, is_public=True, structure__archived_at__isnull=True
        )
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
