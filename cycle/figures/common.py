"""What the figures' sections share: the forums a figure covers, cells, links to the list
pages that show what a figure counts, and the median in the database."""

from django.db.models import Aggregate, DurationField
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.http import urlencode

from forums.models import Forum

from . import Cell

DASH = "–"


def structure_forums(structure_id):
    """The structure's forums, by tier and name (one query): (id, name, slug, tier,
    escalates_to_id, min_meetings_per_year) tuples."""
    return list(
        Forum.objects.filter(structure_id=structure_id)
        .order_by("tier", "name", "pk")
        .values_list("pk", "name", "slug", "tier", "escalates_to_id", "min_meetings_per_year")
    )


def forums_below(forum_id, forums):
    """`forum_id` and the forums that escalate to it, recursively, in the order of `forums`."""
    below = {forum_id}
    grew = True
    while grew:
        grew = False
        for pk, *_rest, escalates_to, _minimum in forums:
            if escalates_to in below and pk not in below:
                below.add(pk)
                grew = True
    return [row for row in forums if row[0] in below]


def count_cell(number, url=""):
    number = number or 0
    return Cell(text=str(number), value=number, url=url)


def text_cell(text, url=""):
    return Cell(text=str(text), value=None, url=url)


def rate_cell(part, whole, url=""):
    """Per cent, one decimal; a dash where there is nothing to divide."""
    if not whole:
        return Cell(text=DASH, value=None, url=url)
    value = round(100 * part / whole, 1)
    return Cell(text=f"{number_format(value, 1)} %", value=value, url=url)


def days_cell(duration, url=""):
    """A median duration in days, one decimal; a dash where there is none."""
    if duration is None:
        return Cell(text=DASH, value=None, url=url)
    value = round(duration.total_seconds() / 86400, 1)
    return Cell(text=number_format(value, 1), value=value, url=url)


def link(name, query=None, **kwargs):
    """The address of a list page with its filters ("" if the page does not exist)."""
    try:
        url = reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode(query)}" if query else url


def url_of(obj):
    """An object's own page, or "" while that page does not exist yet."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


def meetings_link(slug, year, status=None):
    query = {"year": year}
    if status:
        query["status"] = status
    return link("meetings:forum_meetings", query, slug=slug)


class Median(Aggregate):
    """The median of durations (PostgreSQL's percentile_cont over intervals)."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()
