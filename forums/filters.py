"""The filters of the forums' list pages (django-filter), bound to the GET query string."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Forum, Organisation, Structure

ALL = _("All")


class ListFilterSet(django_filters.FilterSet):
    """Bound even without a query string, so a list's defaults (not archived) always apply."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else {}, *args, **kwargs)

    @property
    def user(self):
        return self.request.user


def text_search(*fields):
    """A search box over `fields` (any of them contains the text)."""

    def search(queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)

    return django_filters.CharFilter(label=_("Search"), method=search, max_length=100)


def _archived(label):
    return django_filters.BooleanFilter(
        label=label, widget=forms.CheckboxInput, method="filter_archived"
    )


def _visible_open_structures(request):
    return selectors.structures_open_visible_to(user=request.user)


def _parties_run_by(request):
    return selectors.parties_run_by(user=request.user)


class PartyChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = type(
        "PartyChoiceField",
        (forms.ModelChoiceField,),
        {"label_from_instance": lambda self, party: f"{party.name} ({party.structure.name})"},
    )


class ForumFilter(ListFilterSet):
    STATUS_CHOICES = [("active", _("Active")), ("wound_down", _("Wound down"))]

    q = text_search("name", "short_name", "slug", "purpose")
    structure = django_filters.ModelChoiceFilter(
        label=_("Structure"),
        queryset=_visible_open_structures,
        to_field_name="slug",
        empty_label=ALL,
    )
    tier = django_filters.ChoiceFilter(label=_("Tier"), choices=Forum.Tier.choices, empty_label=ALL)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Forum.Kind.choices, empty_label=ALL)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=ALL, method="filter_status"
    )

    class Meta:
        model = Forum
        fields = ("q", "structure", "tier", "kind", "status")

    def filter_status(self, queryset, name, value):
        return selectors.forum_filter_status(queryset, value)


class StructureFilter(ListFilterSet):
    q = text_search("name", "slug", "description")
    archived = _archived(_("Show archived structures"))

    class Meta:
        model = Structure
        fields = ("q", "archived")

    def filter_archived(self, queryset, name, value):
        if value:
            # Archived structures are shown only to their secretariat.
            return queryset.filter(archived_at__isnull=False).restrict(self.user, "manage")
        return queryset.filter(archived_at__isnull=True)


class OrganisationFilter(ListFilterSet):
    q = text_search("name", "short_name")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=ALL
    )
    party = PartyChoiceFilter(
        label=_("Party"), queryset=_parties_run_by, field_name="parties", empty_label=ALL
    )
    archived = _archived(_("Show archived organisations"))

    class Meta:
        model = Organisation
        fields = ("q", "kind", "party", "archived")

    def filter_archived(self, queryset, name, value):
        return queryset.filter(archived_at__isnull=not value)
