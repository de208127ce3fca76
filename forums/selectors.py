from django.db.models import Count

from .models import Structure


def structure_list_run_by(*, user):
    """Structures where the user is secretariat staff, with how many forums each has."""
    return (
        Structure.objects.filter(secretariat_staff=user, archived_at__isnull=True)
        .annotate(forum_count=Count("forums"))
        .order_by("name")
    )
