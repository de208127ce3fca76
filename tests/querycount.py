"""Query counting for the performance budget: a page makes the same, pinned number of queries
at 5 rows as at 50, and the 45 extra rows really render."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(func, *args, **kwargs):
    """Run func and return (number of queries it made, its result)."""
    with CaptureQueriesContext(connection) as context:
        result = func(*args, **kwargs)
    return len(context.captured_queries), result


def assert_same_query_count(client, url, grow, *, queries, marker, per_row=1, small=5, large=50):
    """Call `grow(n)` to make n rows, fetch `url` at both sizes, and demand `queries` queries
    both times; `marker` (a piece of HTML each row renders `per_row` times) must appear
    `(large - small) * per_row` times more on the larger page, so the rows really render.

    `grow` is called with the number of rows to ADD, so it receives small, then large - small.
    """
    client.get(url)  # warm what a first request caches (content types, session), not counted
    grow(small)
    few, response = count_queries(client.get, url)
    assert response.status_code == 200, response.status_code
    shown_few = response.content.decode().count(marker)
    grow(large - small)
    many, response = count_queries(client.get, url)
    assert response.status_code == 200, response.status_code
    shown_many = response.content.decode().count(marker)
    measured = {"queries": (few, many), "extra markers": shown_many - shown_few}
    expected = {"queries": (queries, queries), "extra markers": (large - small) * per_row}
    assert measured == expected, (
        f"{url} with {small} and {large} rows (marker {marker!r}): {measured} != {expected}"
    )
    return few
