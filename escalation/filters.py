"""The filters of the case lists (django-filter; GET, so a filtered list can be bookmarked)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from forums.models import Forum

from .models import Case, CaseEvent
from .selectors import forums_of_my_cases


def _forums_of_my_cases(request):
    if request is None:
        return Forum.objects.none()
    return forums_of_my_cases(user=request.user)


# The statuses a case shows in a list. "Escalated" is not one: an escalated case is open again
# at the forum one tier up (Case.TRANSITIONS), and the list shows it so; whether a case was
# escalated is its path, the `escalated` filter.
LISTED_STATUSES = [(value, label) for value, label in Case.Status.choices if value != "escalated"]
ESCALATED, NOT_ESCALATED = "yes", "no"


class MyCaseFilter(django_filters.FilterSet):
    """ "My cases": by status, by the tier and the forum where each case is now, and by
    whether it was escalated (its escalation path goes beyond the forum where it was raised)."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=LISTED_STATUSES, empty_label=_("All statuses")
    )
    escalated = django_filters.ChoiceFilter(
        label=_("Escalated"),
        choices=[
            (ESCALATED, _("Escalated to a forum higher up")),
            (NOT_ESCALATED, _("Not escalated")),
        ],
        empty_label=_("Escalated or not"),
        method="filter_escalated",
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
        fields = ["status", "escalated", "tier", "forum"]

    def filter_escalated(self, queryset, name, value):
        escalations = CaseEvent.objects.filter(case=OuterRef("pk"), kind=CaseEvent.Kind.ESCALATED)
        if value == ESCALATED:
            return queryset.filter(Exists(escalations))
        return queryset.exclude(Exists(escalations))
