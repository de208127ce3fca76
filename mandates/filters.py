"""The filters of the mandates' list pages (django-filter), bound to the GET query string.

A filter that does not validate (a search longer than 100 characters) is shown on the form
and the list is empty: nothing is cut or ignored silently.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kernel.models import User

from .models import Mandate, MandateImportRow

SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 5


class ListFilterSet(django_filters.FilterSet):
    @property
    def qs(self):
        if self.is_bound and not self.form.is_valid():
            return self.queryset.none()
        return super().qs


def word_search(*fields, guarded=None):
    """A search box: every word (up to five) is in one of `fields`, or in one of `guarded`
    ({field: Q}) where the row also matches that Q (a field not every viewer may read)."""

    def search(queryset, name, value):
        for word in value.split()[:SEARCH_MAX_WORDS]:
            condition = Q()
            for field in fields:
                condition |= Q(**{f"{field}__icontains": word})
            for field, allowed in (guarded or {}).items():
                condition |= Q(**{f"{field}__icontains": word}) & allowed
            queryset = queryset.filter(condition)
        return queryset

    return django_filters.CharFilter(label=_("Search"), method=search, max_length=SEARCH_MAX_LENGTH)


class MandateFilter(ListFilterSet):
    q = word_search(
        "person__first_name",
        "person__last_name",
        "person__username",
        "organisation__name",
        "forum__name",
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=Mandate.Role.choices, empty_label=_("All roles")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Mandate.Status.choices, empty_label=_("All statuses")
    )

    class Meta:
        model = Mandate
        fields = ("q", "role", "status")


class PersonFilter(ListFilterSet):
    # The e-mail is searched only where the viewer may read it (published, or the queryset's
    # `contact_shown`), so that a search cannot spell out an address letter by letter.
    q = word_search(
        "first_name",
        "last_name",
        "username",
        "title",
        guarded={"email": Q(publish_email=True) | Q(contact_shown=True)},
    )

    class Meta:
        model = User
        fields = ("q",)


class ImportRowFilter(ListFilterSet):
    invalid = django_filters.BooleanFilter(
        label=_("Show only rows that are not valid"),
        method="filter_invalid",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = MandateImportRow
        fields = ("invalid",)

    def filter_invalid(self, queryset, name, value):
        return queryset.exclude(errors=[]) if value else queryset
