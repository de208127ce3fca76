"""Reads of cases, always scoped to a user. A case the user may not see is a 404.

Lists filter with one condition (see `permissions.case_visibility_filter`) and load what
each row shows with select_related / one prefetch, so a page makes the same number of
queries with 5 rows as with 50.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from forums.models import Forum
from forums.permissions import LEAD_FORUM, RAISE_CASE, forums_with_perm

from .models import Case, CaseEvent, Follow
from .permissions import case_visibility_filter

LIST_LIMIT = 100
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


def _with_paths(cases):
    cases = list(cases)
    for case in cases:
        case.path = case_path(case)
    return cases


def _followed_by(user):
    return Exists(Follow.objects.filter(case=OuterRef("pk"), user=user))


def case_list_visible_to(*, user):
    return Case.objects.filter(case_visibility_filter(user))


def case_get_visible(*, user, reference):
    """The case with this reference if the user may see it; Http404 otherwise."""
    case = (
        case_list_visible_to(user=user)
        .filter(reference=reference)
        .select_related(
            "origin_forum__structure",
            "current_forum__structure",
            "current_forum__escalates_to",
            "organisation",
            "raised_by",
            "prepared_by",
        )
        .annotate(is_followed=_followed_by(user))
        .prefetch_related(_escalations())
        .first()
    )
    if case is None:
        raise Http404
    case.path = case_path(case)
    return case


def case_list_raised_or_followed_by(*, user, limit=10):
    """Cases the user raised or follows, most recently changed first (the dashboard)."""
    return (
        Case.objects.filter(Q(raised_by=user) | _followed_by(user))
        .select_related("current_forum")
        .order_by("-status_changed_at", "-id")[:limit]
    )


def _mine(user):
    return Case.objects.filter(Q(raised_by=user) | _followed_by(user))


def case_list_mine(*, user, status="", tier=None, forum=None, limit=LIST_LIMIT):
    """The "My cases" list: cases the user raised or follows, filtered, newest change first."""
    cases = _mine(user)
    if status:
        cases = cases.filter(status=status)
    if tier:
        cases = cases.filter(current_forum__tier=tier)
    if forum is not None:
        cases = cases.filter(current_forum=forum)
    cases = (
        cases.select_related("origin_forum", "current_forum")
        .prefetch_related(_escalations())
        .order_by("-status_changed_at", "-id")[:limit]
    )
    return _with_paths(cases)


def forums_of_my_cases(*, user):
    """The forums where the user's cases are now (the choices of the forum filter)."""
    return Forum.objects.filter(pk__in=_mine(user).values("current_forum")).order_by("tier", "name")


def case_list_waiting_in_forums_led_by(*, user, limit=LIST_LIMIT):
    """Cases waiting in forums the user leads (chair, vice chair, secretary), oldest first."""
    led = forums_with_perm(user, LEAD_FORUM).values("pk")
    cases = (
        Case.objects.filter(current_forum__in=led, status__in=ACTIVE_STATUSES)
        .select_related("origin_forum", "current_forum")
        .prefetch_related(_escalations())
        .order_by("status_changed_at", "id")[:limit]
    )
    return _with_paths(cases)


def user_may_raise_cases(user):
    return forums_with_perm(user, RAISE_CASE).exists()


def case_list_awaiting_meeting(*, structure, limit=LIST_LIMIT * 5):
    """Escalated cases in the structure that no meeting has taken up yet, oldest first.

    Each case carries `arrived_at` (when it came to its current forum), `age_days`, and
    `overdue_days` / `days_left` against the structure's deadline.
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
    cases = (
        Case.objects.filter(
            current_forum__structure=structure, status__in=AWAITING_MEETING_STATUSES
        )
        .exclude(current_forum=F("origin_forum"))
        .annotate(arrived_at=Coalesce(arrived, "status_changed_at"))
        .select_related("origin_forum", "current_forum", "prepared_by")
        .prefetch_related(_escalations())
        .order_by("arrived_at", "id")[:limit]
    )
    cases = _with_paths(cases)
    now = timezone.now()
    for case in cases:
        case.age_days = (now - case.arrived_at).days
        case.overdue_days = case.age_days - structure.escalated_case_deadline_days
        case.days_left = max(0, -case.overdue_days)
    return cases
