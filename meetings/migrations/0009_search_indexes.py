"""GIN indexes on the search documents of meetings (meetings.search), on PostgreSQL only."""

from django.db import migrations

from kernel.search import gin_index


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0008_attendance_one_deputy_per_member"),
    ]

    operations = [
        gin_index(
            table="meetings_agendaitem",
            name="agendaitem_search_idx",
            fields=("title", "description"),
        ),
        gin_index(table="meetings_decision", name="decision_search_idx", fields=("text",)),
        gin_index(table="meetings_minutes", name="minutes_search_idx", fields=("body",)),
    ]
