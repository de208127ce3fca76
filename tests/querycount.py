"""Query counting for the performance budget: a page makes as many queries at 5 rows as at 50."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(func, *args, **kwargs):
    """Run func and return (number of queries it made, its result)."""
    with CaptureQueriesContext(connection) as context:
        result = func(*args, **kwargs)
    return len(context.captured_queries), result


def assert_same_query_count(client, url, grow, *, small=5, large=50):
    """Call `grow(n)` to make n rows, fetch `url` at both sizes, and demand equal query counts.

    `grow` is called with the number of rows to ADD, so it receives small, then large - small.
    """
    grow(small)
    few, response = count_queries(client.get, url)
    assert response.status_code == 200, response.status_code
    grow(large - small)
    many, response = count_queries(client.get, url)
    assert response.status_code == 200, response.status_code
    assert few == many, f"{url}: {few} queries with {small} rows but {many} with {large}"
    return few
