"""The filter of the notification list (GET, so a filtered list can be bookmarked)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.models import Notification

UNREAD, READ = "unread", "read"


class NotificationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Notification.Kind.choices, empty_label=_("All kinds")
    )
    state = django_filters.ChoiceFilter(
        label=_("Read or unread"),
        choices=((UNREAD, _("Unread")), (READ, _("Read"))),
        empty_label=_("Read and unread"),
        method="filter_state",
    )

    class Meta:
        model = Notification
        fields = ["kind", "state"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(read_at__isnull=value == UNREAD)
