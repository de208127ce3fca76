"""Who may see a case and who may move it.

A case is visible to the members (view_forum) of every forum on its path (where it was
raised, every forum it was escalated to, and where it is now), to its followers, and to the
secretariat of its structure. The path is read from the case's escalation events, so the
filter is one condition with subqueries: lists never check permissions row by row.

Moving a case (preparing, scheduling, deciding, ...) is for those who lead the forum where
it is now (chair, vice chair, secretary: lead_forum) and the structure's secretariat.
Escalating is only for those who lead the forum where it is now, or a decision taken at one
of its meetings (the meetings app says so when it calls the service).

The rules are registered with the visibility API, so reads go through
`Case.objects.restrict(user, action)` and single cases through `get_visible_or_404` /
`get_for_action` (not visible: 404; visible but not allowed: 403):

- "view": the visibility above;
- "handle": move the case at its current forum (its leaders and the secretariat);
- "escalate": escalate it (the current forum's leaders only);
- "attach": add an attachment (the raiser, those who may raise or lead at its current
  forum, the secretariat; not once the case is finished).

The `can_*` predicates say the same for a case already in hand (the services check them
before they lock); tests/escalation/test_permissions.py checks that both agree.
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
from kernel.visibility import VIEW, register_restriction

from .models import Case, CaseAttachment, CaseEvent, Follow

HANDLE = "handle"
ESCALATE = "escalate"
ATTACH = "attach"


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


def _led_forums(user):
    return forums_with_perm(user, LEAD_FORUM).values("pk")


def _handle_filter(user):
    return Q(current_forum__in=_led_forums(user)) | Q(
        current_forum__structure__in=structures_managed_by(user).values("pk")
    )


FINAL_STATUSES = [status for status, targets in Case.TRANSITIONS.items() if not targets]


@register_restriction(Case, VIEW)
def cases_visible(queryset, user):
    return queryset.filter(case_visibility_filter(user))


@register_restriction(Case, HANDLE)
def cases_handled(queryset, user):
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(_handle_filter(user))


@register_restriction(Case, ESCALATE)
def cases_escalated(queryset, user):
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(current_forum__in=_led_forums(user))


@register_restriction(Case, ATTACH)
def cases_attachable(queryset, user):
    if not user.is_authenticated:
        return queryset.none()
    raising = forums_with_perm(user, RAISE_CASE).values("pk")
    return queryset.exclude(status__in=FINAL_STATUSES).filter(
        Q(raised_by=user) | Q(current_forum__in=raising) | _handle_filter(user)
    )


@register_restriction(CaseAttachment, VIEW)
def attachments_visible(queryset, user):
    """An attachment is seen by those who see its case."""
    return queryset.filter(case__in=Case.objects.restrict(user, VIEW).values("pk"))


def can_view_case(user, case):
    return user.is_authenticated and Case.objects.restrict(user, VIEW).filter(pk=case.pk).exists()


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
    if not user.is_authenticated or case.is_final:
        return False
    return (
        case.raised_by_id == user.pk
        or user.has_perm(RAISE_CASE, case.current_forum)
        or can_handle_case(user, case)
    )
