"""A GIN index on a person's search document (kernel.search USER_FIELDS), on PostgreSQL only."""

from django.db import migrations

from kernel.search import gin_index


class Migration(migrations.Migration):
    dependencies = [
        ("samverkan", "0004_notification_kind_and_preference"),
    ]

    operations = [
        gin_index(
            table="samverkan_user",
            name="user_search_idx",
            fields=("first_name", "last_name", "title"),
        ),
    ]
