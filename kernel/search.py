"""Full-text search: the one definition of each searched document.

Every app that owns a searched table lists the columns of its document in its own
`search.py` (here: the people); the search page (samverkan.search) builds its query from
`vector(FIELDS)`, and the app's migration builds a GIN index on `index_expression(FIELDS)`.
Both are the same SQL, `to_tsvector('swedish', COALESCE(a, '') || ' ' || COALESCE(b, ''))`,
so PostgreSQL can use the index (tests/samverkan/search/test_indexes.py checks it with
EXPLAIN: a change to a list of fields without a new index migration fails there).
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import migrations

CONFIG = "swedish"

# A person's document: names and title (what anyone who sees the person sees).
USER_FIELDS = ("first_name", "last_name", "title")


def vector(fields):
    return SearchVector(*fields, config=CONFIG)


def query(text):
    """websearch syntax: any input is a valid query (quotes, -, or; no syntax errors).

    Plain words (no quotes, minus or "or") also match their other Swedish stem: each word
    is searched as itself or as its variant (`syncope_variant`), and all words must match.
    """
    words = WORD.findall(text)
    if not words or len(words) > MAX_VARIANT_WORDS or OPERATORS.search(text):
        return _websearch(text)
    combined = None
    for word in words:
        part = _websearch(word)
        variant = syncope_variant(word)
        if variant:
            part = part | _websearch(variant)
        combined = part if combined is None else combined & part
    return combined


def _websearch(text):
    return SearchQuery(text, config=CONFIG, search_type="websearch")


WORD = re.compile(r"\w+")
OPERATORS = re.compile(r'["\-]|\bor\b', re.IGNORECASE)
MAX_VARIANT_WORDS = 8
VOWELS = "aeiouyåäö"
# Swedish drops the unstressed e of -el, -en, -er before an ending that starts with a
# vowel (läkemedel, läkemedlen; regel, regler; vatten, vattnet), and the Snowball stemmer
# PostgreSQL uses does not put it back: "läkemedel" and "läkemedlen" get different stems.
_CONTRACTED = re.compile(
    rf"^(?P<stem>\w*?[^{VOWELS}\W])(?P<consonant>[lnr])(?:en|et|ens|ets|ar|arna|er|erna|or|orna|a)$"
)
_FULL = re.compile(rf"^(?P<stem>\w*[^{VOWELS}\W])e(?P<consonant>[lnr])$")


def syncope_variant(word):
    """The word's other form across the dropped e, or "" if it has none: "läkemedlen" ->
    "läkemedel" (found as itself), "läkemedel" -> "läkemedlen" (stems as the inflected
    forms do)."""
    word = word.lower()
    if len(word) < 5:
        return ""
    if match := _CONTRACTED.match(word):
        return f"{match['stem']}e{match['consonant']}"
    if match := _FULL.match(word):
        return f"{match['stem']}{match['consonant']}en"
    return ""


def index_expression(fields):
    """The SQL Django compiles `vector(fields)` to, without the table names."""
    document = " || ' ' || ".join(f"COALESCE(\"{field}\", '')" for field in fields)
    return f"to_tsvector('{CONFIG}'::regconfig, {document})"


def gin_index(*, table, name, fields):
    """A migration operation creating the GIN index on PostgreSQL and nothing elsewhere
    (`make run` migrates SQLite, which has no full-text search of this kind)."""
    create = (
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ({index_expression(fields)})'
    )
    drop = f'DROP INDEX IF EXISTS "{name}"'

    def run(sql):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return operation

    return migrations.RunPython(run(create), run(drop), elidable=False)
