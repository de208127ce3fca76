"""Helpers shared by the test_views modules."""


def records(response, table="table"):
    return [row.record for row in response.context[table].paginated_rows]
