"""Reads of cases, always scoped to a user. A case the user may not see is a 404.

Visibility is the registered rule (`Case.objects.restrict(user, action)`, see
permissions.py); single cases come through `get_visible_or_404` / `get_for_action`. Lists
are querysets that load what each row shows with select_related / one prefetch, so a page
makes the same number of queries with 5 rows as with 50; the pages filter, sort and page
them (filters.py, tables.py) without counting.
"""

import datetime

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from forums.models import Forum, Structure
from forums.permissions import (
    LEAD_FORUM,
    MANAGE,
    RAISE_CASE,
    forums_with_perm,
    structures_managed_by,
)
from kernel.visibility import get_for_action, get_visible_or_404

from .models import Case, CaseAttachment, CaseEvent, Follow

# Statuses in which a case waits for something at its current forum.
ACTIVE_STATUSES = [
    status
    for status in Case.Status.values
    if Case.TRANSITIONS[Case.Status(status)] and status != Case.Status.ESCALATED
]
# An escalated case "has no meeting yet" while it waits for preparation at the new forum.
AWAITING_MEETING_STATUSES = [Case.Status.OPEN, Case.Status.IN_PREPARATION]


def _escalations():
    return Prefetch(
        "events",
        queryset=CaseEvent.objects.filter(kind=CaseEvent.Kind.ESCALATED)
        .select_related("to_forum")
        .order_by("at", "id"),
        to_attr="escalation_events",
    )


def case_path(case):
    """The forums the case has been at, in order: where it was raised, then each escalation.

    Uses the `escalation_events` prefetched by the list selectors, else one query.
    """
    events = getattr(case, "escalation_events", None)
    if events is None:
        events = (
            case.events.filter(kind=CaseEvent.Kind.ESCALATED)
            .select_related("to_forum")
            .order_by("at", "id")
        )
    path = [case.origin_forum]
    for event in events:
        if event.to_forum_id and event.to_forum_id != path[-1].pk:
            path.append(event.to_forum)
    return path


def _followed_by(user):
    return Exists(Follow.objects.filter(case=OuterRef("pk"), user=user))


def case_get_visible(*, user, reference, action=None, page=False):
    """The case with this reference if the user may see it (Http404 otherwise).

    With `action` the user must also be allowed to do it (PermissionDenied otherwise). With
    `page`, what the case page shows comes along: its attachments and its follower count.
    """
    cases = (
        Case.objects.select_related(
            "origin_forum__structure",
            "current_forum__structure",
            "current_forum__escalates_to",
            "organisation",
            "raised_by",
            "prepared_by",
        )
        .annotate(is_followed=_followed_by(user))
        .prefetch_related(_escalations())
    )
    if page:
        cases = cases.annotate(follower_count=Count("follows", distinct=True)).prefetch_related(
            Prefetch("attachments", queryset=CaseAttachment.objects.select_related("uploaded_by"))
        )
    if action is None:
        case = get_visible_or_404(cases, user, reference=reference)
    else:
        case = get_for_action(cases, user, action, reference=reference)
    case.path = case_path(case)
    return case


def attachment_get_visible(*, user, reference, pk):
    """An attachment of the case with this reference, if the user may see the case."""
    attachments = CaseAttachment.objects.filter(case__reference=reference)
    return get_visible_or_404(attachments, user, pk=pk)


def case_list_raised_or_followed_by(*, user, limit=10):
    """The latest cases the user raised or follows (the dashboard, which links to the rest)."""
    return (
        Case.objects.filter(Q(raised_by=user) | _followed_by(user))
        .select_related("current_forum")
        .order_by("-status_changed_at", "-id")[:limit]
    )


def _mine(user):
    return Case.objects.filter(Q(raised_by=user) | _followed_by(user))


def _rows(cases):
    """What a case row shows: the forums, the path (one prefetch)."""
    return cases.select_related("origin_forum", "current_forum").prefetch_related(_escalations())


def case_list_mine(*, user):
    """The "My cases" list: cases the user raised or follows, newest change first."""
    return _rows(_mine(user)).order_by("-status_changed_at", "-id")


def forums_of_my_cases(*, user):
    """The forums where the user's cases are now (the choices of the forum filter)."""
    return Forum.objects.filter(pk__in=_mine(user).values("current_forum")).order_by("tier", "name")


def case_list_waiting_in_forums_led_by(*, user):
    """Cases waiting in forums the user leads (chair, vice chair, secretary), oldest first."""
    led = forums_with_perm(user, LEAD_FORUM).values("pk")
    cases = Case.objects.filter(current_forum__in=led, status__in=ACTIVE_STATUSES)
    return _rows(cases).order_by("status_changed_at", "id")


def user_may_raise_cases(user):
    return forums_with_perm(user, RAISE_CASE).exists()


def forum_for_raising(*, user, slug):
    """The forum named in "raise a case here" links, if the user may raise cases in it."""
    return forums_with_perm(user, RAISE_CASE).filter(slug=slug).first()


def structures_run_by(*, user):
    """The structures (not archived) whose secretariat the user is in."""
    return structures_managed_by(user).filter(archived_at__isnull=True)


def structure_get_managed(*, user, slug):
    """A structure the user runs as secretariat; Http404 for any other."""
    return get_visible_or_404(Structure.objects.restrict(user, MANAGE), user, slug=slug)


def case_list_awaiting_meeting(*, structure):
    """Escalated cases in the structure that no meeting has taken up yet, oldest first.

    Each case carries `arrived_at`: when it came to its current forum.
    """
    arrived = Subquery(
        CaseEvent.objects.filter(
            case=OuterRef("pk"),
            kind=CaseEvent.Kind.ESCALATED,
            to_forum=OuterRef("current_forum"),
        )
        .order_by("-at", "-id")
        .values("at")[:1]
    )
    return (
        Case.objects.filter(
            current_forum__structure=structure, status__in=AWAITING_MEETING_STATUSES
        )
        .exclude(current_forum=F("origin_forum"))
        .annotate(arrived_at=Coalesce(arrived, "status_changed_at"))
        .select_related("origin_forum", "current_forum", "prepared_by")
        .prefetch_related(_escalations())
        .order_by("arrived_at", "id")
    )


def case_waiting_days(case, structure, now):
    """How long the case has waited at its forum, and how far it is over or within the
    structure's deadline: (age_days, overdue_days, days_left)."""
    age_days = (now - case.arrived_at).days
    overdue_days = age_days - structure.escalated_case_deadline_days
    return age_days, overdue_days, max(0, -overdue_days)


def case_count_overdue(*, cases, structure, now):
    """How many of the awaiting cases are over the deadline (more than its days old)."""
    cutoff = now - datetime.timedelta(days=structure.escalated_case_deadline_days + 1)
    return cases.filter(arrived_at__lte=cutoff).count()
