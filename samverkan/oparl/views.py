"""The OParl 1.1 endpoint: JSON for anyone, GET only, CORS open (the spec asks for it).

External lists are paged by key (`?after=<id>`, no COUNT) and filtered by
`created_since`, `created_until`, `modified_since`, `modified_until`; a bad parameter is a
400 with a JSON error, an unpublished object a 404, a once-published one a tombstone.
"""

from django.http import Http404, JsonResponse
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_aware
from django.views.decorators.http import require_GET

from . import selectors
from . import serializers as out
from .serializers import Urls

PAGE_SIZE = 100
FILTERS = {
    "created_since": "created__gte",
    "created_until": "created__lte",
    "modified_since": "modified__gte",
    "modified_until": "modified__lte",
}


class BadRequest(Exception):
    pass


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET"
    return response


def oparl_view(view):
    """GET only, JSON out, CORS header on every answer, bad input a 400."""

    @require_GET
    def wrapped(request, *args, **kwargs):
        try:
            return _json(view(request, Urls(request), *args, **kwargs))
        except BadRequest as error:
            return _json({"error": str(error)}, status=400)
        except Http404:
            return _json({"error": "not found"}, status=404)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _int(request, name, default=None, low=0, high=2**31 - 1):
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadRequest(f"{name}: a whole number from {low} to {high}")
    return int(raw)


def _filters(request):
    lookups = {}
    for param, lookup in FILTERS.items():
        raw = request.GET.get(param)
        if raw is None:
            continue
        try:
            value = parse_datetime(raw)
        except ValueError:
            value = None
        if value is None or not is_aware(value):
            raise BadRequest(f"{param}: a date-time with a time zone (ISO 8601)")
        lookups[lookup] = value
    return lookups


def _page_size(request):
    return _int(request, "elementsPerPage", PAGE_SIZE, low=1, high=PAGE_SIZE)


def _next_link(request, after):
    query = request.GET.copy()
    query["after"] = after
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _page(request, queryset, serialize):
    """One page of an external list: keyset by primary key, one query more than the page."""
    size = _page_size(request)
    after = _int(request, "after", 0)
    rows = list(queryset.filter(pk__gt=after, **_filters(request))[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    links = {"self": request.build_absolute_uri()}
    if more:
        links["next"] = _next_link(request, rows[-1].pk)
    return {
        "data": [serialize(row) for row in rows],
        "pagination": {"elementsPerPage": size},
        "links": links,
    }


def _get(queryset, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _body(pk):
    return _get(selectors.bodies(), pk)


def _live_body(pk):
    structure = _body(pk)
    if not structure.has_public or structure.archived_at:
        raise Http404
    return structure


# --- System and Body ------------------------------------------------------------------------


@oparl_view
def system(request, urls):
    """The entry point."""
    return out.system(urls)


@oparl_view
def body_list(request, urls):
    return _page(request, selectors.bodies(), lambda s: _body_object(urls, s))


def _body_object(urls, structure):
    first, last = selectors.body_years(structure)
    return out.body(urls, structure, range(first, last + 1))


@oparl_view
def body(request, urls, pk):
    return _body_object(urls, _body(pk))


@oparl_view
def term(request, urls, pk, year):
    structure = _live_body(pk)
    first, last = selectors.body_years(structure)
    if not first <= year <= last:
        raise Http404
    return out.legislative_term(urls, structure, year)


@oparl_view
def body_terms(request, urls, pk):
    structure = _live_body(pk)
    first, last = selectors.body_years(structure)
    years = range(first, last + 1)
    return {
        "data": [out.legislative_term(urls, structure, year) for year in years],
        "pagination": {"elementsPerPage": len(years)},
        "links": {"self": request.build_absolute_uri()},
    }


@oparl_view
def body_organizations(request, urls, pk):
    """Forums first (`after=f<id>`), then the organisations (`after=o<id>`)."""
    structure = _live_body(pk)
    size = _page_size(request)
    after = request.GET.get("after", "f0")
    if len(after) < 2 or after[0] not in "fo" or not after[1:].isdigit():
        raise BadRequest("after: f<id> or o<id>")
    stage, key = after[0], int(after[1:])
    filters = _filters(request)
    rows = []
    if stage == "f":
        forums = selectors.forums(body=structure).filter(pk__gt=key, **filters)
        rows = [("f", f) for f in forums[: size + 1]]
        key = 0
    if len(rows) <= size:
        organisations = selectors.organisations(body=structure).filter(pk__gt=key, **filters)
        rows += [("o", o) for o in organisations[: size + 1 - len(rows)]]
    more = len(rows) > size
    rows = rows[:size]
    links = {"self": request.build_absolute_uri()}
    if more:
        links["next"] = _next_link(request, f"{rows[-1][0]}{rows[-1][1].pk}")
    data = [out.forum(urls, o) if kind == "f" else out.organisation(urls, o) for kind, o in rows]
    return {"data": data, "pagination": {"elementsPerPage": size}, "links": links}


def _body_list(selector, serializer):
    def view(request, urls, pk):
        structure = _live_body(pk)
        return _page(request, selector(body=structure), lambda obj: serializer(urls, obj))

    return view


body_people = oparl_view(_body_list(selectors.people, out.person))
body_meetings = oparl_view(_body_list(selectors.meetings, out.meeting))
body_papers = oparl_view(_body_list(selectors.papers, out.paper))
body_memberships = oparl_view(_body_list(selectors.memberships, out.membership))
body_files = oparl_view(_body_list(selectors.files, out.file))
for _view, _name in (
    (body_people, "body_people"),
    (body_meetings, "body_meetings"),
    (body_papers, "body_papers"),
    (body_memberships, "body_memberships"),
    (body_files, "body_files"),
):
    _view.__name__ = _name


# --- Single objects -------------------------------------------------------------------------


@oparl_view
def forum(request, urls, pk):
    return out.forum(urls, _get(selectors.forums(), pk))


@oparl_view
def forum_meetings(request, urls, pk):
    found = _get(selectors.forums(), pk)
    if not out.forum_is_public(found):
        raise Http404
    return _page(request, selectors.meetings(forum=found), lambda m: out.meeting(urls, m))


@oparl_view
def organisation(request, urls, pk):
    return out.organisation(urls, _get(selectors.organisations(), pk))


@oparl_view
def person(request, urls, pk):
    found = selectors.people().filter(pk=pk).first()
    if found is None:
        if not selectors.person_was_published(pk):
            raise Http404
        return out.tombstone(urls, "Person", "person", pk)
    return out.person(urls, found)


@oparl_view
def membership(request, urls, pk):
    return out.membership(urls, _get(selectors.memberships(), pk))


@oparl_view
def meeting(request, urls, pk):
    found = selectors.meetings().filter(pk=pk).first()
    if found is None:
        if not selectors.meeting_was_published(pk):
            raise Http404
        deleted = selectors.meeting_deleted_at(pk)
        return out.tombstone(urls, "Meeting", "meeting", pk, modified=deleted)
    return out.meeting(urls, found)


@oparl_view
def agenda_item(request, urls, pk):
    return out.agenda_item(urls, _get(selectors.agenda_items(), pk))


@oparl_view
def consultation(request, urls, pk):
    found = _get(selectors.agenda_items().filter(case__isnull=False), pk)
    return out.consultation(urls, found)


@oparl_view
def paper(request, urls, pk):
    return out.paper(urls, _get(selectors.papers(), pk))


@oparl_view
def file(request, urls, pk):
    return out.file(urls, _get(selectors.files(), pk))


@oparl_view
def location(request, urls, pk):
    found = _get(selectors.meetings().exclude(location=""), pk)
    return out.location(urls, found)
