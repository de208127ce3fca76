"""Every list page: a FilterSet (django-filter) and a Table (django-tables2), paged without COUNT.

    filterset, table = list_page(request, CaseFilter, CaseTable, queryset)

renders with `{% include "includes/list.html" %}`. Columns sort by `?sort=`, pages are
`?page=`; the paginator looks one row ahead instead of counting the whole table.
"""

import django_tables2 as tables
from django.core.paginator import EmptyPage
from django_tables2.paginators import LazyPaginator

PAGE_SIZE = 25
# Beyond this a page number is nonsense (and its OFFSET would overflow the database's integer).
MAX_PAGE = 1_000_000


class Table(tables.Table):
    """The base of every table: one template, header cells with scope, count-free paging."""

    class Meta:
        template_name = "includes/table.html"
        attrs = {"class": "table table-sm align-middle"}


def _page_number(request, table):
    try:
        number = int(request.GET.get(table.prefixed_page_field, 1))
    except ValueError:
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


def table_page(request, table, *, per_page=PAGE_SIZE):
    """Sort and page `table` from the query string; the page size is ours, not the visitor's.

    (django-tables2's RequestConfig would take `?per_page=`, which lets anyone ask for the
    whole table in one page.) A page past the end shows the first page.
    """
    table.request = request
    order_by = request.GET.getlist(table.prefixed_order_by_field)
    if order_by:
        table.order_by = order_by
    try:
        table.paginate(LazyPaginator, per_page=per_page, page=_page_number(request, table))
    except EmptyPage:
        table.paginate(LazyPaginator, per_page=per_page, page=1)
    return table


def list_page(request, filterset_class, table_class, queryset, *, per_page=PAGE_SIZE, **kwargs):
    """The filtered, sorted, paged list; `kwargs` go to the table (e.g. `user`)."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    table = table_class(filterset.qs, **kwargs)
    return filterset, table_page(request, table, per_page=per_page)
