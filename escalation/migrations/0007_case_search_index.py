"""A GIN index on a case's search document (escalation.search), on PostgreSQL only."""

from django.db import migrations

from kernel.search import gin_index


class Migration(migrations.Migration):
    dependencies = [
        ("escalation", "0006_case_kept_until_at_wound_down_forum"),
    ]

    operations = [
        gin_index(
            table="escalation_case",
            name="case_search_idx",
            fields=("reference", "title", "description"),
        ),
    ]
