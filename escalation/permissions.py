"""Who may see a case and who may move it.

A case is visible to the members (view_forum) of every forum on its path (where it was
raised, every forum it was escalated to, and where it is now), to its followers, and to the
secretariat of its structure. The path is read from the case's escalation events, so the
filter is one condition with subqueries: lists never check permissions row by row.

Moving a case (preparing, scheduling, deciding, ...) is for those who lead the forum where
it is now (chair, vice chair, secretary: lead_forum) and the structure's secretariat.
Escalating is only for those who lead the forum where it is now, or a decision taken at one
of its meetings (the meetings app says so when it calls the service).
"""

from django.db.models import Exists, OuterRef, Q

from forums.permissions import (
    LEAD_FORUM,
    RAISE_CASE,
    VIEW_FORUM,
    can_manage_structure,
    forums_with_perm,
    structures_managed_by,
)

from .models import Case, CaseEvent, Follow


def case_visibility_filter(user):
    """A Q on Case for the cases the user may see (nothing for an anonymous visitor)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    forum_ids = forums_with_perm(user, VIEW_FORUM).values("pk")
    on_path = CaseEvent.objects.filter(
        case=OuterRef("pk"), kind=CaseEvent.Kind.ESCALATED, to_forum__in=forum_ids
    )
    followed = Follow.objects.filter(case=OuterRef("pk"), user=user)
    return (
        Q(origin_forum__in=forum_ids)
        | Q(current_forum__in=forum_ids)
        | Exists(on_path)
        | Exists(followed)
        | Q(origin_forum__structure__in=structures_managed_by(user).values("pk"))
    )


def cases_visible_to(user):
    return Case.objects.filter(case_visibility_filter(user))


def can_view_case(user, case):
    return user.is_authenticated and cases_visible_to(user).filter(pk=case.pk).exists()


def can_raise_case_in(user, forum):
    return user.is_authenticated and user.has_perm(RAISE_CASE, forum)


def leads_forum(user, forum):
    """The user is chair, vice chair or secretary of the forum (lead_forum)."""
    return user.is_authenticated and user.has_perm(LEAD_FORUM, forum)


def can_escalate_case(user, case):
    return leads_forum(user, case.current_forum)


def can_handle_case(user, case):
    """May move the case at its current forum: its leaders and the structure's secretariat."""
    return leads_forum(user, case.current_forum) or can_manage_structure(
        user, case.current_forum.structure
    )


def can_prepare_case(user, forum):
    """R13: cases are prepared by the chair and vice chair (lead_forum) with the secretariat."""
    return leads_forum(user, forum) or can_manage_structure(user, forum.structure)


def can_add_attachment(user, case):
    """The person who raised it, those who may raise or lead at its forum, the secretariat."""
    if not user.is_authenticated or case.is_finished:
        return False
    return (
        case.raised_by_id == user.pk
        or user.has_perm(RAISE_CASE, case.current_forum)
        or can_handle_case(user, case)
    )
