"""Reads of the priority areas and action plans, always scoped to a user; the year-end
comparison of an action plan from the activities' history."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from forums.models import Forum
from kernel.visibility import VIEW, get_for_action, get_visible_or_404
from meetings.models import Meeting

from .models import ActionPlan, Activity, PriorityArea, PrioritySet
from .permissions import DRAFT, can_draft, can_see_cycle

# --- priority areas -----------------------------------------------------------------------


def forum_get(*, user, slug, action=VIEW):
    """The forum whose cycle the user may see (else 404), and draft for (else 403)."""
    forum = Forum.objects.select_related("structure").filter(slug=slug).first()
    if forum is None or not can_see_cycle(user, forum):
        raise Http404
    if action == DRAFT and not can_draft(user, forum):
        raise PermissionDenied
    return forum


def priority_set_get(*, user, pk, action=VIEW):
    queryset = PrioritySet.objects.select_related(
        "forum__structure", "agenda_item__meeting", "agenda_item__decision"
    )
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def priority_area_get(*, user, pk, action=VIEW):
    queryset = PriorityArea.objects.select_related("priority_set__forum__structure")
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def areas_of(priority_set):
    """The areas with their linked cases and decisions: three queries."""
    return list(
        priority_set.areas.prefetch_related("cases", "decisions__agenda_item__meeting").order_by(
            "order", "id"
        )
    )


def priority_sets_of(forum):
    return list(PrioritySet.objects.filter(forum=forum).order_by("-year"))


# --- action plans -------------------------------------------------------------------------


def action_plan_get(*, user, pk, action=VIEW):
    queryset = ActionPlan.objects.select_related(
        "forum__structure", "agenda_item__meeting", "agenda_item__decision"
    )
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def activity_get(*, user, pk, action=VIEW):
    queryset = Activity.objects.select_related("plan__forum__structure", "owner")
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def activities_of(plan):
    """The plan's activities with everything they link to: a fixed number of queries."""
    return list(
        plan.activities.select_related("owner", "owner_organisation").prefetch_related(
            "assignment_items",
            Prefetch(
                "priority_areas",
                queryset=PriorityArea.objects.select_related("priority_set"),
            ),
            "cases",
            "action_items__meeting",
        )
    )


def action_plans_of(forum):
    return list(ActionPlan.objects.filter(forum=forum).order_by("-year"))


def follow_ups_of(activity, limit=50):
    """The activity's latest status changes and notes (its history), newest first."""
    return list(
        activity.history.filter(history_change_reason="followed up")
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )


def coming_meetings_of(forum):
    """Meetings a draft can be put on: planned or convened, not yet begun."""
    return Meeting.objects.filter(
        forum=forum,
        status__in=(Meeting.Status.PLANNED, Meeting.Status.CONVENED),
        starts_at__gte=timezone.now(),
    ).order_by("starts_at")


# --- the year-end comparison --------------------------------------------------------------


def statuses_at(plan, moment):
    """{activity id: status} of the plan's activities as their history stood at `moment`:
    one query (PostgreSQL's DISTINCT ON: each activity's last history row by then)."""
    rows = (
        Activity.history.filter(plan_id=plan.pk, history_date__lte=moment)
        .order_by("id", "-history_date", "-history_id")
        .distinct("id")
        .values_list("id", "status", "history_type")
    )
    return {pk: status for pk, status, kind in rows if kind != "-"}


def year_end(plan):
    zone = timezone.get_current_timezone()
    return datetime.datetime(plan.year + 1, 1, 1, tzinfo=zone)


@dataclass
class ComparisonRow:
    activity: Activity
    at_adoption: str | None  # None: added during the year
    now: str

    @property
    def changed(self):
        return self.at_adoption != self.now

    @property
    def at_adoption_label(self):
        return Activity.Status(self.at_adoption).label if self.at_adoption else None

    @property
    def now_label(self):
        return Activity.Status(self.now).label


@dataclass
class Comparison:
    at_year_end: bool
    rows: list
    counts: list  # (status, its label, at adoption, now)


def plan_comparison(plan, activities):
    """Each activity's status when the plan was adopted against its status now (or at year
    end, once the year is over), and the counts per status: one or two queries."""
    if not plan.is_adopted or plan.adopted_at is None:
        return None
    labels = dict(Activity.Status.choices)
    adopted = statuses_at(plan, plan.adopted_at)
    end = year_end(plan)
    at_year_end = timezone.now() >= end
    current = statuses_at(plan, end) if at_year_end else {a.pk: a.status for a in activities}
    rows = [
        ComparisonRow(
            activity=activity,
            at_adoption=adopted.get(activity.pk),
            now=current.get(activity.pk, activity.status),
        )
        for activity in activities
    ]
    counts = [
        (
            status,
            labels[status],
            sum(1 for row in rows if row.at_adoption == status),
            sum(1 for row in rows if row.now == status),
        )
        for status in Activity.Status.values
    ]
    return Comparison(at_year_end=at_year_end, rows=rows, counts=counts)
