from django.db.models import Count

from .permissions import structures_managed_by


def structure_list_run_by(*, user):
    """Structures the user runs as secretariat, with how many forums each has."""
    return (
        structures_managed_by(user)
        .filter(archived_at__isnull=True)
        .annotate(forum_count=Count("forums"))
        .order_by("name")
    )
