import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from forums.models import Forum
from kernel.visibility import get_for_action, get_visible_or_404
from mandates.models import Mandate

from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CalendarToken,
    Meeting,
    Minutes,
    MinutesSeal,
)
from .permissions import READ, VIEW, forums_for_meetings
from .rules import weeks_left_in_year

# --- Scoped reads for the meeting pages ------------------------------------------------------
# One the user may not see is a 404 (as one that does not exist); seen but not to be run, 403.


def forum_get_for_meetings(*, user, slug, action=VIEW):
    """The forum whose meetings the user may see (or, with action=RUN, run)."""
    if "\x00" in slug:  # PostgreSQL text cannot hold NUL: no forum has such a slug
        raise Http404
    forum = forums_for_meetings(user, VIEW).select_related("structure").filter(slug=slug).first()
    if forum is None:
        raise Http404
    if action != VIEW and not forums_for_meetings(user, action).filter(pk=forum.pk).exists():
        raise PermissionDenied
    return forum


def _get(queryset, user, action, pk):
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def meeting_get_visible(*, user, pk, action=VIEW):
    queryset = Meeting.objects.select_related("forum__structure", "called_by", "host_organisation")
    return _get(queryset, user, action, pk)


def agenda_item_get_visible(*, user, pk, action=VIEW):
    queryset = AgendaItem.objects.select_related("meeting__forum__structure")
    return _get(queryset, user, action, pk)


def action_item_get_visible(*, user, pk, action=VIEW):
    queryset = ActionItem.objects.select_related("meeting__forum__structure")
    return _get(queryset, user, action, pk)


def forum_meetings_list(*, user, forum):
    """The forum's meetings with their number of agenda items, newest first (a list page)."""
    return (
        Meeting.objects.restrict(user, VIEW)
        .filter(forum=forum)
        .select_related("forum")
        .annotate(item_count=Count("agenda_items"))
        .order_by("-starts_at", "id")
    )


def meetings_of_my_forums(*, user):
    """The meetings of every forum whose meetings the user sees, with their forum (the
    display name reads it); `filters.MyMeetingFilter` picks coming or past and orders."""
    return Meeting.objects.restrict(user, VIEW).select_related("forum").order_by("starts_at", "id")


def action_items_of(meeting):
    return list(
        ActionItem.objects.filter(meeting=meeting)
        .select_related("assignee", "agenda_item")
        .order_by("due_date", "id")
    )


def addenda_of(minutes):
    return list(minutes.addenda.select_related("author").order_by("created_at", "id"))


def _is_pk(value):
    """A posted id is ASCII digits ("²" is a digit to str.isdigit, but not to int())."""
    value = str(value)
    return value.isascii() and value.isdigit()


def minutes_of_meeting_get(*, meeting, pk):
    """Minutes of this meeting (the one an addendum corrects), or 404."""
    minutes = None
    if _is_pk(pk):
        minutes = Minutes.objects.filter(meeting=meeting, pk=pk).first()
    if minutes is None:
        raise Http404
    return minutes


def calendar_tokens_of(*, user):
    return list(
        CalendarToken.objects.restrict(user, VIEW)
        .filter(revoked_at__isnull=True)
        .select_related("forum")
        .order_by("-created_at", "id")
    )


def calendar_token_get(*, user, pk):
    if not _is_pk(pk):
        raise Http404
    return get_visible_or_404(CalendarToken, user, pk=pk)


def calendar_token_by_secret(token):
    """The active token a calendar program presents (the secret is the key), or 404."""
    found = (
        CalendarToken.objects.select_related("person", "forum__structure")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if found is None or not found.person.is_active:
        raise Http404
    return found


def forums_with_mandate_for(*, user):
    """The forums where the user holds a mandate in force, by name (feeds of one forum)."""
    from mandates.permissions import mandates_in_force

    forum_ids = mandates_in_force().filter(person=user).values("forum_id")
    return list(Forum.objects.filter(pk__in=forum_ids).order_by("name", "id"))


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


@dataclass
class AttendanceSummary:
    """Who holds the meeting's seats and who attends beside them (R5: the quorum counts
    seats). `seats`: seat holders (chair, vice chair, members) and deputies standing in for
    one; `others`: secretary, deputies not standing in, anyone without a seat; `co_opted`:
    (person, agenda items) joining for single items. Neither of the last two counts."""

    seats: list
    others: list
    co_opted: list
    seats_taken: int
    quorum: int | None

    @property
    def quorate(self):
        return self.quorum is None or self.seats_taken >= self.quorum


def holds_seat(attendance):
    """A seat holder's row, or a deputy's row standing in for one."""
    if attendance.status == Attendance.Status.DEPUTY:
        return attendance.stands_in_for_id is not None
    mandate = attendance.mandate
    return mandate is not None and mandate.role in Mandate.SEAT_ROLES


def attendance_summary(meeting, *, attendances=None, items=None):
    """The quorum's count: each seat once, taken by its holder present or the deputy
    standing in (never both, never the secretary, co-opted or guests)."""
    attendances = attendance_of(meeting) if attendances is None else attendances
    items = agenda_items_of(meeting) if items is None else items
    seats = [a for a in attendances if holds_seat(a)]
    taken = {a.person_id for a in seats if a.status == Attendance.Status.PRESENT}
    taken |= {a.stands_in_for_id for a in seats if a.status == Attendance.Status.DEPUTY}
    co_opted = {}
    for item in items:
        for person in item.co_opted.all():
            co_opted.setdefault(person, []).append(item)
    return AttendanceSummary(
        seats=seats,
        others=[a for a in attendances if not holds_seat(a)],
        co_opted=sorted(co_opted.items(), key=lambda p: (p[0].last_name, p[0].first_name)),
        seats_taken=len(taken),
        quorum=meeting.forum.quorum,
    )


def minutes_of(meeting):
    return list(
        Minutes.objects.filter(meeting=meeting)
        .select_related("author", "amends")
        .order_by("created_at", "id")
    )


def minutes_get_visible(*, user, pk, action=VIEW):
    queryset = Minutes.objects.select_related("meeting__forum__structure", "author", "amends")
    return _get(queryset, user, action, pk)


def minutes_get_readable(*, user, pk):
    """Minutes the user may read (permissions.READ: the page and the PDF alike), or 404."""
    queryset = Minutes.objects.select_related("meeting__forum__structure", "author", "amends")
    minutes = queryset.restrict(user, READ).filter(pk=pk).first()
    if minutes is None:
        raise Http404
    return minutes


def minutes_get_published(*, user, pk):
    """Approved minutes the user may read (the same rule as the page), or 404: the PDF."""
    minutes = minutes_get_readable(user=user, pk=pk)
    if minutes.status != Minutes.Status.APPROVED:
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
            weeks_left = weeks_left_in_year(today)  # as R12 counts them
            cannot = needed > weeks_left
        elif year < today.year:
            cannot = needed > 0
        result.append(YearCount(year, count, minimum, needed, weeks_left, cannot))
    return result


def meetings_for_feed(*, token):
    """The meetings a calendar token serves: one forum's, or all the person's forums'."""
    from mandates.permissions import mandates_in_force

    person = token.person
    since = timezone.now() - datetime.timedelta(days=180)
    if token.forum_id:
        meetings = Meeting.objects.restrict(person, VIEW).filter(forum_id=token.forum_id)
    else:
        forum_ids = mandates_in_force().filter(person=person).values("forum_id")
        meetings = Meeting.objects.filter(forum_id__in=forum_ids)
    return meetings.filter(starts_at__gte=since).select_related("forum").order_by("starts_at", "id")


def forums_with_meetings_for(*, user):
    """The forums whose meetings the user sees: their mandates' and their structures'."""
    return list(
        forums_for_meetings(user, VIEW)
        .select_related("structure")
        .order_by("structure__name", "tier", "name")
    )


def minutes_seal_of(minutes, *, with_pdf=False):
    """The seal of approved minutes (the snapshot, and the stored PDF if asked), or None."""
    seals = MinutesSeal.objects.filter(minutes=minutes)
    return (seals if with_pdf else seals.defer("pdf")).first()


def minutes_seal_find(digest):
    """The seal whose PDF or snapshot has this SHA-256 (lower-case hex), or None. Public:
    whoever holds the file or its hash learns which minutes it is and who approved them."""
    return (
        MinutesSeal.objects.defer("pdf")
        .filter(Q(pdf_sha256=digest) | Q(snapshot_sha256=digest))
        .first()
    )
