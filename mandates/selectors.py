"""Reads of the mandates app, always scoped to a user (what they may not see is a 404)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.utils import timezone

from forums.models import Forum, Structure
from forums.permissions import forum_visibility_filter, structures_managed_by

from .models import Mandate, MandateImport
from .permissions import can_manage_people, mandates_in_force

User = get_user_model()


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


def mandate_list_visible_to(*, user, structure=None, forum=None, role="", status="", search=""):
    """Mandates in the forums the user may see, filtered; most relevant first."""
    mandates = Mandate.objects.filter(forum__in=forums_visible_to(user).values("pk"))
    if structure is not None:
        mandates = mandates.filter(forum__structure=structure)
    if forum is not None:
        mandates = mandates.filter(forum=forum)
    if role:
        mandates = mandates.filter(role=role)
    if status:
        mandates = mandates.filter(status=status)
    for word in search.split()[:5]:
        mandates = mandates.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(person__username__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(forum__name__icontains=word)
        )
    return mandates.select_related(
        "person", "forum__structure", "organisation", "deputy_for__person"
    ).order_by(
        "forum__structure__name", "forum__tier", "forum__name", "role", "person__last_name", "pk"
    )


def mandate_get_visible(*, user, pk):
    mandate = (
        Mandate.objects.filter(pk=pk, forum__in=forums_visible_to(user).values("pk"))
        .select_related(
            "person",
            "forum__structure",
            "organisation",
            "deputy_for__person",
            "appointed_by",
            "nominated_by",
        )
        .first()
    )
    if mandate is None:
        raise Http404
    return mandate


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


def forum_mandates_past(forum, *, limit=50):
    return (
        forum.mandates.filter(status__in=[Mandate.Status.ENDED, Mandate.Status.REVOKED])
        .select_related("person", "organisation", "deputy_for__person")
        .order_by("-valid_to", "-pk")[:limit]
    )


# --- people --------------------------------------------------------------------------------


def people_visible_to(user):
    """Secretariat staff see the whole directory; others see the people sitting in the
    forums they may see, and themselves."""
    people = User.objects.filter(is_active=True).exclude(username=settings.SYSTEM_USERNAME)
    if can_manage_people(user):
        return people
    sitting = mandates_in_force().filter(forum__in=forums_visible_to(user).values("pk"))
    return people.filter(Q(pk__in=sitting.values("person_id")) | Q(pk=user.pk))


def person_list_visible_to(*, user, search="", organisation=None):
    people = people_visible_to(user)
    for word in search.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(email__icontains=word)
            | Q(title__icontains=word)
        )
    if organisation is not None:
        people = people.filter(organisation=organisation)
    return people.select_related("organisation").order_by("last_name", "first_name", "pk")


def person_get_visible(*, user, pk):
    person = (
        User.objects.filter(pk=pk, is_active=True)
        .exclude(username=settings.SYSTEM_USERNAME)
        .select_related("organisation")
        .first()
    )
    if person is None:
        raise Http404
    if not people_visible_to(user).filter(pk=pk).exists():
        raise Http404
    return person


def person_mandates_visible_to(*, user, person):
    return (
        Mandate.objects.filter(person=person, forum__in=forums_visible_to(user).values("pk"))
        .select_related("person", "forum__structure", "organisation", "deputy_for__person")
        .order_by("-status", "-valid_from", "pk")
    )


def person_contact_visible(*, user, person):
    """(e-mail shown?, phone shown?) for the viewer."""
    full = user.pk == person.pk or can_manage_people(user)
    return full or person.publish_email, full or person.publish_phone


# --- imports -------------------------------------------------------------------------------


def mandate_import_get_managed(*, user, pk):
    """An import exists only for the secretariat of its structure."""
    mandate_import = (
        MandateImport.objects.filter(pk=pk, structure__in=structures_managed_by(user).values("pk"))
        .select_related("structure", "uploaded_by")
        .first()
    )
    if mandate_import is None:
        raise Http404
    return mandate_import


def mandate_import_rows(mandate_import, *, only_invalid=False):
    rows = mandate_import.rows.select_related("person", "mandate").order_by("number")
    if only_invalid:
        rows = rows.exclude(errors=[])
    return rows


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
