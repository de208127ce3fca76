"""The search: PostgreSQL full text (Swedish stemming, ranked, highlighted snippets), or a
plain `icontains` fallback on SQLite (`make run`), chosen by the database in use.

One query per kind shown, whatever the number of hits: the rows are fetched one more than
shown, so "more" is known without COUNT.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.db import connection
from django.db.models import Q, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kernel.search import CONFIG, query, vector

from .kinds import KINDS

# Highlight markers PostgreSQL puts around matches: private-use characters no one types.
# The snippet is escaped first, then only these become <mark> (user text stays text).
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 30


@dataclass
class Hit:
    title: str
    context: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around matches


@dataclass
class Group:
    kind: object
    hits: list
    more: bool


def highlighted(text):
    """Escape `text`, then turn the highlight markers (and only them) into <mark>."""
    text = escape(text or "")
    text = text.replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(text)  # noqa: S308 - escaped above; only our markers became tags


def _document(fields):
    """The document as one text, for the headline: the same concatenation as the vector."""
    parts = []
    for field in fields:
        if parts:
            parts.append(Value(" "))
        parts.append(Coalesce(field, Value(""), output_field=TextField()))
    return Concat(*parts, output_field=TextField()) if len(parts) > 1 else parts[0]


def _postgres_rows(kind, queryset, text):
    search = query(text)
    return (
        queryset.alias(search_document=vector(kind.fields))
        .annotate(
            search_rank=SearchRank(vector(kind.fields), search),
            search_snippet=SearchHeadline(
                _document(kind.fields),
                search,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=SNIPPET_WORDS,
                min_words=10,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .filter(search_document=search)
        .order_by("-search_rank", "-pk")
    )


def _plain_rows(kind, queryset, text):
    condition = Q()
    for field in kind.fields:
        condition |= Q(**{f"{field}__icontains": text})
    return queryset.filter(condition).order_by("-pk")


def _plain_snippet(row, fields, text):
    """The first field that holds the text, around its first occurrence, marked."""
    for field in fields:
        value = getattr(row, field) or ""
        at = value.lower().find(text.lower())
        if at < 0:
            continue
        before, after = value[:at], value[at + len(text) :]
        before = _words(before, keep_end=True)
        after = _words(after, keep_end=False)
        return highlighted(before + START + value[at : at + len(text)] + STOP + after)
    return ""


def _words(text, *, keep_end):
    """At most half a snippet's words of `text`, from its end or its start, keeping the
    whitespace that touches the match."""
    words = text.split()
    half = SNIPPET_WORDS // 2
    if keep_end:
        kept = " ".join(words[-half:])
        lead = "… " if len(words) > half else ""
        return lead + kept + (" " if text[-1:].isspace() else "")
    kept = " ".join(words[:half])
    tail = " …" if len(words) > half else ""
    return (" " if text[:1].isspace() else "") + kept + tail


def _hit(kind, row, text, full_text):
    if full_text:
        snippet = highlighted(row.search_snippet)
    else:
        snippet = _plain_snippet(row, kind.fields, text)
    return Hit(title=kind.title(row), context=kind.context(row), url=kind.url(row), snippet=snippet)


def full_text_available():
    return connection.vendor == "postgresql"


def search_group(*, user, kind, text, offset=0, limit=5, full_text=None):
    """The hits of one kind the user may see, best first: `limit` from `offset`, and whether
    there are more. `full_text` defaults to what the database offers."""
    if full_text is None:
        full_text = full_text_available()
    rows_of = _postgres_rows if full_text else _plain_rows
    rows = list(rows_of(kind, kind.visible(user), text)[offset : offset + limit + 1])
    hits = [_hit(kind, row, text, full_text) for row in rows[:limit]]
    return Group(kind=kind, hits=hits, more=len(rows) > limit)


def search_all(*, user, text, limit=5, full_text=None):
    """Every kind's first hits, the kinds without any left out."""
    groups = [
        search_group(user=user, kind=kind, text=text, limit=limit, full_text=full_text)
        for kind in KINDS
    ]
    return [group for group in groups if group.hits]


WORDS = re.compile(r"\w+")


def has_words(text):
    """Whether the text has anything to search for (not only punctuation)."""
    return bool(WORDS.search(text or ""))
