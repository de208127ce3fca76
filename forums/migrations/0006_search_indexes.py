"""GIN indexes on the search documents of forums and organisations (forums.search), on
PostgreSQL only."""

from django.db import migrations

from kernel.search import gin_index


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0005_help_texts_without_rule_codes"),
    ]

    operations = [
        gin_index(
            table="forums_forum",
            name="forum_search_idx",
            fields=("name", "short_name", "purpose"),
        ),
        gin_index(
            table="forums_organisation",
            name="organisation_search_idx",
            fields=("name", "short_name"),
        ),
    ]
