"""Planning across bodies: the coming meetings of the forums a forum coordinates its
meeting planning with (`Forum.coordinates_with`), and the days its own meetings share with
theirs. A shared day is a warning to the planner, never a refusal.

What another forum's meeting shows depends on the viewer (meetings.permissions):
- whoever may see that forum's meetings gets its title, time and a link;
- otherwise a public forum's meeting shows the forum and the date (a public forum's
  meeting dates are no secret);
- otherwise only "a meeting of <forum>", without a date in the list. The same-day warning
  still names the forum: avoiding the clash is what the coordination is for, and it tells
  no more than that the day is taken.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from forums.models import Forum

from .models import Meeting
from .permissions import forums_for_meetings

HORIZON = datetime.timedelta(days=400)  # the coming meetings shown: a year and a bit
MAX_SHOWN = 100  # a bounded list; the page says when there are more


@dataclass(frozen=True)
class OtherMeeting:
    """A coming meeting of a coordinated forum, as this viewer may see it."""

    forum: Forum
    day: datetime.date
    starts_at: datetime.datetime
    title: str  # "" unless the viewer sees the forum's meetings
    url: str  # "" likewise
    shows_date: bool

    @property
    def visible(self):
        return bool(self.url)


@dataclass
class Coordination:
    forums: list
    meetings: list  # [OtherMeeting], by time
    more: bool = False

    def on(self, day):
        """The coordinated forums' meetings on `day`."""
        return [meeting for meeting in self.meetings if meeting.day == day]


def coordination_for(*, user, forum, now=None):
    """The forums `forum` coordinates with and their coming meetings (two queries)."""
    now = now or timezone.now()
    forums = list(forum.coordinates_with.order_by("name"))
    if not forums:
        return Coordination(forums=[], meetings=[])
    rows = list(
        Meeting.objects.filter(
            forum__in=[other.pk for other in forums],
            status__in=[Meeting.Status.PLANNED, Meeting.Status.CONVENED],
            ends_at__gte=now,
            starts_at__lte=now + HORIZON,
        )
        .annotate(viewer_sees=Exists(forums_for_meetings(user).filter(pk=OuterRef("forum_id"))))
        .order_by("starts_at", "pk")[: MAX_SHOWN + 1]
    )
    by_pk = {other.pk: other for other in forums}
    meetings = []
    for row in rows[:MAX_SHOWN]:
        other = by_pk[row.forum_id]
        meetings.append(
            OtherMeeting(
                forum=other,
                day=timezone.localtime(row.starts_at).date(),
                starts_at=row.starts_at,
                title=row.title if row.viewer_sees else "",
                url=row.get_absolute_url() if row.viewer_sees else "",
                shows_date=row.viewer_sees or other.is_public,
            )
        )
    return Coordination(forums=forums, meetings=meetings, more=len(rows) > MAX_SHOWN)


def coming_meetings_of(forum, *, now=None):
    """The forum's own planned or convened meetings in the same horizon (one query)."""
    now = now or timezone.now()
    return list(
        Meeting.objects.filter(
            forum=forum,
            status__in=[Meeting.Status.PLANNED, Meeting.Status.CONVENED],
            ends_at__gte=now,
            starts_at__lte=now + HORIZON,
        ).order_by("starts_at", "pk")[:MAX_SHOWN]
    )


def planner_context(*, user, forum, meeting=None):
    """What the forum's meeting planner shows: the coordinated forums' coming meetings and
    the clashes (of `meeting` on its form, else of the forum's coming meetings)."""
    coordination = coordination_for(user=user, forum=forum)
    if not coordination.forums:
        return {"coordination": None, "clashes": []}
    if meeting is not None:
        own = [meeting] if meeting.pk and meeting.starts_at else []
    else:
        own = coming_meetings_of(forum)
    return {"coordination": coordination, "clashes": clashes(coordination, own)}


def clashes(coordination, meetings):
    """(own meeting, [OtherMeeting]) for each of `meetings` that shares its day with a
    meeting of a coordinated forum."""
    found = []
    for meeting in meetings:
        others = coordination.on(timezone.localtime(meeting.starts_at).date())
        if others:
            found.append((meeting, others))
    return found
