"""Full-text search: the one definition of each searched document.

Every app that owns a searched table lists the columns of its document in its own
`search.py` (here: the people); the search page (samverkan.search) builds its query from
`vector(FIELDS)`, and the app's migration builds a GIN index on `index_expression(FIELDS)`.
Both are the same SQL, `to_tsvector('swedish', COALESCE(a, '') || ' ' || COALESCE(b, ''))`,
so PostgreSQL can use the index (tests/samverkan/search/test_indexes.py checks it with
EXPLAIN: a change to a list of fields without a new index migration fails there).
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import migrations

CONFIG = "swedish"

# A person's document: names and title (what anyone who sees the person sees).
USER_FIELDS = ("first_name", "last_name", "title")


def vector(fields):
    return SearchVector(*fields, config=CONFIG)


def query(text):
    """websearch syntax: any input is a valid query (quotes, -, or; no syntax errors)."""
    return SearchQuery(text, config=CONFIG, search_type="websearch")


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
