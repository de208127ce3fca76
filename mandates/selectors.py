"""Reads of the mandates app, always scoped to a user through the visibility API
(`Mandate.objects.restrict(user, action)`, `get_visible_or_404`, `get_for_action`): what
they may not see is a 404, what they see but may not change a 403."""

from django.core.cache import cache
from django.db.models import BooleanField, Case, ExpressionWrapper, IntegerField, Q, Value, When
from django.http import Http404
from django.utils import timezone

from forums.models import Forum, Structure
from forums.permissions import MEMBERS, forum_visibility_filter, structures_managed_by
from kernel.visibility import get_for_action, get_visible_or_404

from .models import Mandate, MandateImport
from .permissions import CONTACT, mandates_in_force, people


def mandate_list_current_for_person(*, user, on=None):
    """The person's active mandates that are in force on the given day (default today)."""
    day = on or timezone.localdate()
    return (
        Mandate.objects.filter(person=user, status=Mandate.Status.ACTIVE, valid_from__lte=day)
        .exclude(valid_to__lt=day)
        .select_related("forum__structure", "organisation", "deputy_for__person")
        .order_by("forum__structure__name", "forum__tier", "forum__name", "role")
    )


def forums_visible_to(user):
    return Forum.objects.filter(forum_visibility_filter(user))


def forums_managed_by(user):
    """Forums in the structures the user runs as secretariat."""
    return Forum.objects.filter(structure__in=structures_managed_by(user).values("pk"))


def manages_any_forum(user):
    return forums_managed_by(user).exists()


def structures_run_by(user):
    """The structures the user runs as secretariat, by name."""
    return structures_managed_by(user).order_by("name")


def forum_get_visible(*, user, slug):
    forum = (
        forums_visible_to(user)
        .select_related("structure", "chair_party", "chair_party_differs_from")
        .filter(slug=slug)
        .first()
    )
    if forum is None:
        raise Http404
    return forum


def forum_get_members_visible(*, user, slug):
    """The forum if the user may see it (else 404) and its members in full (else 403)."""
    return get_for_action(
        Forum.objects.select_related("structure", "chair_party", "chair_party_differs_from"),
        user,
        MEMBERS,
        slug=slug,
    )


def structures_visible_to(user):
    """Structures the user runs, and those with a forum the user may see."""
    return Structure.objects.filter(
        Q(pk__in=structures_managed_by(user).values("pk"))
        | Q(pk__in=forums_visible_to(user).values("structure_id"))
    )


def structure_get_visible(*, user, slug):
    structure = structures_visible_to(user).filter(slug=slug).first()
    if structure is None:
        raise Http404
    return structure


MANDATE_RELATED = ("person", "forum__structure", "organisation", "deputy_for__person")


def mandate_list_visible_to(*, user):
    """Mandates in the forums the user may see; most relevant first (filters: MandateFilter)."""
    return (
        Mandate.objects.restrict(user)
        .select_related(*MANDATE_RELATED)
        .order_by(
            "forum__structure__name",
            "forum__tier",
            "forum__name",
            "role",
            "person__last_name",
            "pk",
        )
    )


def _mandate_detail():
    return Mandate.objects.select_related(*MANDATE_RELATED, "appointed_by", "nominated_by")


def mandate_get_visible(*, user, pk):
    return get_visible_or_404(_mandate_detail(), user, pk=pk)


def mandate_get_managed(*, user, pk):
    """A mandate the user changes: 404 if they may not see it, 403 if they may not manage it."""
    return get_for_action(_mandate_detail(), user, "manage", pk=pk)


def mandate_history(mandate, *, limit=50):
    return mandate.history.select_related("history_user").order_by("-history_date", "-history_id")[
        :limit
    ]


def forum_mandates_current(forum):
    """Proposed and active mandates of the forum."""
    return (
        forum.mandates.filter(status__in=[Mandate.Status.PROPOSED, Mandate.Status.ACTIVE])
        .select_related("person", "organisation", "deputy_for__person")
        .order_by("role", "valid_from", "person__last_name", "pk")
    )


def forum_mandates_past(forum):
    """Ended and revoked mandates of the forum, the latest first (paged by the table)."""
    return (
        forum.mandates.filter(status__in=[Mandate.Status.ENDED, Mandate.Status.REVOKED])
        .select_related("person", "organisation", "deputy_for__person")
        .order_by("-valid_to", "-pk")
    )


# --- people --------------------------------------------------------------------------------


def people_visible_to(user):
    """The people the user may see (the rule is registered in permissions.py)."""
    return people().restrict(user)


def contact_shown(user):
    """An annotation: True where the user sees the person's contact details whatever they
    publish (the rule is permissions.people_contact_visible), in the same query."""
    return ExpressionWrapper(
        Q(pk__in=people().restrict(user, CONTACT).values("pk")), output_field=BooleanField()
    )


def person_list_visible_to(*, user):
    """The directory as the user sees it, by name (filters: PersonFilter), each person with
    `contact_shown` (the table shows unpublished details only where it is true)."""
    return (
        people_visible_to(user)
        .select_related("organisation")
        .annotate(contact_shown=contact_shown(user))
        .order_by("last_name", "first_name", "pk")
    )


def person_get_visible(*, user, pk):
    return get_visible_or_404(people().select_related("organisation"), user, pk=pk)


def person_mandates_visible_to(*, user, person):
    return (
        Mandate.objects.restrict(user)
        .filter(person=person)
        .select_related(*MANDATE_RELATED)
        .order_by("-status", "-valid_from", "pk")
    )


def person_invitations_recent(person, *, limit=5):
    return person.invitations.order_by("-created_at")[:limit]


def person_contact_visible(*, user, person):
    """(e-mail shown?, phone shown?) for the viewer: what the person publishes, and all of
    it where the contact rule lets the viewer see it."""
    full = people().restrict(user, CONTACT).filter(pk=person.pk).exists()
    return full or person.publish_email, full or person.publish_phone


# --- imports -------------------------------------------------------------------------------


def mandate_import_get_managed(*, user, pk):
    """An import exists only for the secretariat of its structure."""
    return get_visible_or_404(
        MandateImport.objects.select_related("structure", "uploaded_by"), user, pk=pk
    )


def mandate_import_progress(mandate_import):
    """Per cent done: from the cache while saving (the record shows it only after commit)."""
    if mandate_import.status == MandateImport.Status.SAVING:
        from .services import progress_cache_key

        return cache.get(progress_cache_key(mandate_import.pk), 0)
    return mandate_import.progress


def mandate_import_rows(mandate_import):
    """The import's rows in file order; the page's filter picks the invalid ones."""
    return mandate_import.rows.select_related("person", "mandate").order_by("number")


def mandate_imports_recent(*, structure, limit=10):
    return (
        MandateImport.objects.filter(structure=structure)
        .select_related("uploaded_by")
        .order_by("-created_at", "-pk")[:limit]
    )


# --- A forum's members (its page, its public page, the member exports) ----------------------

ROLE_ORDER = ("chair", "vice_chair", "member", "deputy", "secretary", "contact_person", "co_opted")


def forum_members(*, forum, on=None):
    """Mandates in force in the forum, chair first, with person and organisation (one query)."""
    order = Case(
        *(When(role=role, then=Value(i)) for i, role in enumerate(ROLE_ORDER)),
        default=Value(len(ROLE_ORDER)),
        output_field=IntegerField(),
    )
    return (
        mandates_in_force(on=on)
        .filter(forum=forum)
        .select_related("person", "organisation")
        .annotate(role_order=order)
        .order_by("role_order", "person__last_name", "person__first_name", "id")
    )
