"""Seal the minutes approved before sealing existed (deployed data): each gets its snapshot
and its PDF, made once, as `minutes_approve` now does at the final approval.

The sealing code is the app's own (`meetings.sealing`), so it runs with today's models: a
database that reaches this migration with approved minutes is one deployed before sealing
existed, whose schema is this one. A new database has no approved minutes and skips it.
"""

from django.db import migrations
from django.db.models import F


def seal_existing(apps, schema_editor):
    Minutes = apps.get_model("meetings", "Minutes")
    pending = list(
        Minutes.objects.filter(status="approved", seal__isnull=True).values_list("pk", flat=True)
    )
    if not pending:
        return
    from kernel.history import system_user
    from meetings.models import Minutes as CurrentMinutes
    from meetings.sealing import seal_minutes

    actor = system_user()
    # Main minutes first, then addenda (an addendum's snapshot names its main minutes' seal).
    main_first = F("amends_id").asc(nulls_first=True)
    for minutes in CurrentMinutes.objects.filter(pk__in=pending).order_by(main_first, "id"):
        seal_minutes(minutes, actor=actor)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_minutes_seal")]

    operations = [migrations.RunPython(seal_existing, migrations.RunPython.noop, elidable=False)]
