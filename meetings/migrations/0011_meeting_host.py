import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0006_search_indexes"),
        ("meetings", "0010_remove_report"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="host_organisation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hosted_meetings",
                to="forums.organisation",
                verbose_name="host of the meeting",
            ),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="host_organisation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="forums.organisation",
                verbose_name="host of the meeting",
            ),
        ),
    ]
