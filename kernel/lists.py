"""Every list page: a FilterSet (django-filter) and a Table (django-tables2), paged without COUNT.

    filterset, table = list_page(request, CaseFilter, CaseTable, queryset)

renders with `{% include "includes/list.html" %}`. Columns sort by `?sort=`, pages are
`?page=`; the paginator looks one row ahead instead of counting the whole table.
"""

import django_tables2 as tables
from django_tables2 import RequestConfig
from django_tables2.paginators import LazyPaginator

PAGE_SIZE = 25


class Table(tables.Table):
    """The base of every table: one template, header cells with scope, count-free paging."""

    class Meta:
        template_name = "includes/table.html"
        attrs = {"class": "table table-sm align-middle"}


def table_page(request, table, *, per_page=PAGE_SIZE):
    """Sort and page `table` from the request's query string."""
    RequestConfig(
        request, paginate={"paginator_class": LazyPaginator, "per_page": per_page}
    ).configure(table)
    return table


def list_page(request, filterset_class, table_class, queryset, *, per_page=PAGE_SIZE, **kwargs):
    """The filtered, sorted, paged list; `kwargs` go to the table (e.g. `user`)."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    table = table_class(filterset.qs, **kwargs)
    return filterset, table_page(request, table, per_page=per_page)
