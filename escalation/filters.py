"""The filters of the case lists (django-filter; GET, so a filtered list can be bookmarked)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from forums.models import Forum

from .models import Case
from .selectors import forums_of_my_cases


def _forums_of_my_cases(request):
    if request is None:
        return Forum.objects.none()
    return forums_of_my_cases(user=request.user)


class MyCaseFilter(django_filters.FilterSet):
    """ "My cases": by status, by the tier and the forum where each case is now."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Case.Status.choices, empty_label=_("All statuses")
    )
    tier = django_filters.ChoiceFilter(
        label=_("Tier"),
        field_name="current_forum__tier",
        choices=Forum.Tier.choices,
        empty_label=_("All tiers"),
    )
    forum = django_filters.ModelChoiceFilter(
        label=_("Forum now"),
        field_name="current_forum",
        queryset=_forums_of_my_cases,
        empty_label=_("All forums"),
    )

    class Meta:
        model = Case
        fields = ["status", "tier", "forum"]
