"""The filters of the meeting lists (django-filter; GET, so a filtered list can be bookmarked)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.models import Forum

from .models import Meeting
from .permissions import forums_for_meetings


class ForumMeetingFilter(django_filters.FilterSet):
    """A forum's meetings: by status, kind and year."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Meeting.Status.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Meeting.Kind.choices)
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="starts_at",
        lookup_expr="year",
        min_value=1900,
        max_value=9999,  # beyond it Python's datetime has no such year (a 500, not a filter)
    )

    class Meta:
        model = Meeting
        fields = ["status", "kind", "year"]


def _forums_of(request):
    if request is None:
        return Forum.objects.none()
    return forums_for_meetings(request.user).order_by("name", "id")


COMING = "coming"
PAST = "past"


class MyMeetingFilter(django_filters.FilterSet):
    """The meetings of the user's forums: coming (the default, soonest first) or past (latest
    first), by forum, year and status. Cancelled meetings show only when that status is asked
    for. Always bound, so the default applies to a bare `/moten/` too."""

    when = django_filters.ChoiceFilter(
        label=_("Coming or past"),
        choices=[(COMING, _("Coming meetings")), (PAST, _("Past meetings"))],
        empty_label=None,
        method="filter_when",
    )
    forum = django_filters.ModelChoiceFilter(label=_("Forum"), queryset=_forums_of)
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="starts_at",
        lookup_expr="year",
        min_value=1900,
        max_value=9999,  # beyond it Python's datetime has no such year (a 500, not a filter)
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Meeting.Status.choices)

    class Meta:
        model = Meeting
        fields = ["when", "forum", "year", "status"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else {}, *args, **kwargs)

    def filter_when(self, queryset, name, value):
        return queryset  # applied in filter_queryset, which also sees an empty choice

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = getattr(self.form, "cleaned_data", {})
        if not data.get("status"):
            queryset = queryset.exclude(status=Meeting.Status.CANCELLED)
        now = timezone.now()
        if data.get("when") == PAST:
            return queryset.filter(starts_at__lt=now).order_by("-starts_at", "-id")
        return queryset.filter(starts_at__gte=now).order_by("starts_at", "id")
