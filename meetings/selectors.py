import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from forums.models import Forum

from .models import ActionItem, AgendaItem, Attendance, Meeting, Minutes
from .permissions import can_see_approved_minutes, can_see_meetings


def meeting_list_upcoming(*, forum_ids, limit=10):
    """The next meetings of the given forums that are not cancelled."""
    return (
        Meeting.objects.filter(forum_id__in=forum_ids, starts_at__gte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("forum")
        .order_by("starts_at", "id")[:limit]
    )


def action_item_list_open_for(*, user, limit=10):
    return (
        ActionItem.objects.filter(assignee=user, status=ActionItem.Status.OPEN)
        .select_related("meeting__forum")
        .order_by("due_date", "id")[:limit]
    )


# --- Scoped reads for the meeting pages ------------------------------------------------------


def forum_get_for_meetings(*, user, slug):
    forum = Forum.objects.select_related("structure").filter(slug=slug).first()
    if forum is None or not can_see_meetings(user, forum):
        raise Http404
    return forum


def meeting_get_visible(*, user, pk):
    meeting = Meeting.objects.select_related("forum__structure", "called_by").filter(pk=pk).first()
    if meeting is None or not can_see_meetings(user, meeting.forum):
        raise Http404
    return meeting


def agenda_items_of(meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("case", "decision")
        .prefetch_related("co_opted")
        .order_by("order", "id")
    )


def attendance_of(meeting):
    return list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "stands_in_for", "mandate__organisation")
        .order_by("person__last_name", "person__first_name", "id")
    )


def minutes_of(meeting):
    return list(
        Minutes.objects.filter(meeting=meeting)
        .select_related("author", "amends")
        .order_by("created_at", "id")
    )


def minutes_get_visible(*, user, pk):
    minutes = (
        Minutes.objects.select_related("meeting__forum__structure", "author", "amends")
        .filter(pk=pk)
        .first()
    )
    if minutes is None:
        raise Http404
    forum = minutes.meeting.forum
    if can_see_meetings(user, forum):
        return minutes
    raise Http404


def minutes_get_published(*, user, pk):
    """Approved minutes for whoever may see the forum (anyone, for a public forum)."""
    minutes = (
        Minutes.objects.select_related("meeting__forum__structure", "author", "amends")
        .filter(pk=pk, status=Minutes.Status.APPROVED)
        .first()
    )
    if minutes is None or not can_see_approved_minutes(user, minutes.meeting.forum):
        raise Http404
    return minutes


def approved_minutes_of_forum(forum, limit=50):
    return list(
        Minutes.objects.filter(meeting__forum=forum, status=Minutes.Status.APPROVED)
        .select_related("meeting", "amends")
        .order_by("-meeting__starts_at", "created_at")[:limit]
    )


@dataclass
class YearCount:
    year: int
    count: int
    minimum: int | None
    needed: int
    weeks_left: int | None
    cannot_reach: bool


def meetings_per_year(forum, *, today=None):
    """Meetings (not cancelled) per year against the forum's minimum (R12).

    For the current year: how many more are needed, and whether the weeks left can still
    hold them (counting at most one meeting a week).
    """
    today = today or timezone.localdate()
    rows = (
        Meeting.objects.filter(forum=forum)
        .exclude(status=Meeting.Status.CANCELLED)
        .values("starts_at__year")
        .annotate(n=Count("pk"))
    )
    counts = {row["starts_at__year"]: row["n"] for row in rows}
    counts.setdefault(today.year, 0)
    minimum = forum.min_meetings_per_year
    result = []
    for year in sorted(counts, reverse=True):
        count = counts[year]
        needed = max((minimum or 0) - count, 0)
        weeks_left = None
        cannot = False
        if year == today.year:
            weeks_left = (datetime.date(year, 12, 31) - today).days // 7
            cannot = needed > weeks_left
        elif year < today.year:
            cannot = needed > 0
        result.append(YearCount(year, count, minimum, needed, weeks_left, cannot))
    return result


def meetings_of_forum(forum):
    return list(
        Meeting.objects.filter(forum=forum)
        .annotate(item_count=Count("agenda_items"))
        .order_by("-starts_at", "id")
    )


def meetings_for_feed(*, token):
    """The meetings a calendar token serves: one forum's, or all the person's forums'."""
    from mandates.permissions import mandates_in_force

    person = token.person
    if token.forum_id:
        if not can_see_meetings(person, token.forum):
            return Meeting.objects.none()
        forum_ids = [token.forum_id]
    else:
        forum_ids = mandates_in_force().filter(person=person).values("forum_id")
    since = timezone.now() - datetime.timedelta(days=180)
    return (
        Meeting.objects.filter(forum_id__in=forum_ids, starts_at__gte=since)
        .select_related("forum")
        .order_by("starts_at", "id")
    )


def forums_with_meetings_for(*, user):
    """The forums whose meetings the user sees: their mandates' and their structures'."""
    from forums.permissions import VIEW_FORUM, forums_with_perm, structures_managed_by

    qs = Forum.objects.filter(
        Q(pk__in=forums_with_perm(user, VIEW_FORUM).values("pk"))
        | Q(structure__in=structures_managed_by(user).values("pk"))
    )
    return list(qs.select_related("structure").order_by("structure__name", "tier", "name"))
