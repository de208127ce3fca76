from django.utils import timezone

from .models import Mandate


def mandate_list_current_for_person(*, user, on=None):
    """The person's active mandates that are in force on the given day (default today)."""
    day = on or timezone.localdate()
    return (
        Mandate.objects.filter(person=user, status=Mandate.Status.ACTIVE, valid_from__lte=day)
        .exclude(valid_to__lt=day)
        .select_related("forum__structure", "organisation")
        .order_by("forum__structure__name", "forum__tier", "forum__name", "role")
    )
