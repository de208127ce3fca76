"""R12: minimum meeting frequency, as a forum rule of the kernel's registry.

Seed 002 ("Mötesfrekvens"): "Beredningsgruppen ska ha sammanträde minst fyra gånger varje
år." Seed 003 ("Strategisk styrgrupp"): "Styrgruppen sammanträder formellt vid minst två
tillfällen per år." A forum names its minimum (`min_meetings_per_year`).

Soft: the chair can call extra meetings, and a year is planned as it goes. It warns when
the current year can no longer reach the minimum: the meetings still needed (not
cancelled) are more than the weeks left, counting at most one meeting a week.

Registered from `MeetingsConfig.ready()`: mandates, where the forum rules run, does not
import meetings.
"""

import datetime

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.rules import FORUM, SOFT, register

from .models import Meeting


def weeks_left_in_year(day):
    """Whole weeks from the day to the end of its year (one meeting a week at most)."""
    return (datetime.date(day.year, 12, 31) - day).days // 7


@register(
    code="R12",
    title=gettext_lazy("Meeting frequency"),
    clause=gettext_lazy("seed 002, “Mötesfrekvens”; seed 003, “Strategisk styrgrupp”"),
    level=SOFT,
    scope=FORUM,
)
def meeting_frequency(forums):
    """One query for all the forums that have a minimum, none when no forum has one."""
    with_minimum = [state for state in forums if state.forum.min_meetings_per_year]
    if not with_minimum:
        return
    year = forums.on.year
    counts = dict(
        Meeting.objects.filter(
            forum_id__in=[state.forum.pk for state in with_minimum], starts_at__year=year
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .values("forum_id")
        .annotate(n=Count("pk"))
        .values_list("forum_id", "n")
    )
    weeks_left = weeks_left_in_year(forums.on)
    for state in with_minimum:
        forum = state.forum
        count = counts.get(forum.pk, 0)
        needed = forum.min_meetings_per_year - count
        if needed > weeks_left:
            yield forums.finding(
                state,
                _(
                    "%(forum)s meets at least %(minimum)d times a year, but %(count)d meetings "
                    "are planned for %(year)d and the weeks left cannot hold the %(needed)d "
                    "more it needs."
                )
                % {
                    "forum": forum.name,
                    "minimum": forum.min_meetings_per_year,
                    "count": count,
                    "year": year,
                    "needed": needed,
                },
                code="year_cannot_reach_minimum",
            )
