"""The filters of the meeting lists (django-filter; GET, so a filtered list can be bookmarked)."""

import django_filters
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


class UpcomingMeetingFilter(django_filters.FilterSet):
    """The coming meetings of the user's forums: by forum and status."""

    forum = django_filters.ModelChoiceFilter(label=_("Forum"), queryset=_forums_of)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(s.value, s.label) for s in (Meeting.Status.PLANNED, Meeting.Status.CONVENED)],
    )

    class Meta:
        model = Meeting
        fields = ["forum", "status"]
