"""Principal bodies: the free text a forum reported to becomes a relation, to the forum of
that name in the same structure if there is one, else to an organisation of that name (made
here if the register lacks it: a political body where the name says so, else "other").
Forums also get the forums their meeting planning is coordinated with."""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

# Words in a body's name that make it a political body.
POLITICAL_WORDS = ("politisk", "nämnd", "regering", "riksdag", "fullmäktige", "samrådsorgan")


def _kind(name):
    lowered = name.lower()
    return "political_body" if any(word in lowered for word in POLITICAL_WORDS) else "other"


def _immediate(schema_editor):
    # The foreign keys are checked at once, so that the column can be dropped afterwards in
    # the same transaction (PostgreSQL refuses to alter a table with pending trigger events).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def map_reports_to(apps, schema_editor):
    _immediate(schema_editor)
    Forum = apps.get_model("forums", "Forum")
    Organisation = apps.get_model("forums", "Organisation")
    for forum in Forum.objects.exclude(reports_to="").order_by("pk"):
        name = forum.reports_to.strip()
        if not name:
            continue
        target = (
            Forum.objects.filter(structure_id=forum.structure_id, name__iexact=name)
            .exclude(pk=forum.pk)
            .first()
        )
        if target is not None:
            forum.reports_to_forum = target
        else:
            body = Organisation.objects.filter(name__iexact=name).first()
            if body is None:
                body = Organisation.objects.create(name=name[:200], kind=_kind(name))
            forum.principal_body = body
        forum.save(update_fields=["reports_to_forum", "principal_body"])


def unmap_reports_to(apps, schema_editor):
    _immediate(schema_editor)
    Forum = apps.get_model("forums", "Forum")
    for forum in Forum.objects.select_related("reports_to_forum", "principal_body"):
        body = forum.reports_to_forum or forum.principal_body
        if body is not None:
            forum.reports_to = body.name[:200]
            forum.save(update_fields=["reports_to"])


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0006_search_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalForum_coordinates_with",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "HistoricalForum_coordinates_with",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="forum",
            name="coordinates_with",
            field=models.ManyToManyField(
                blank=True,
                help_text="The forums whose meeting dates are shown when this forum plans meetings.",
                related_name="coordinated_by",
                to="forums.forum",
                verbose_name="meeting planning coordinated with",
            ),
        ),
        migrations.AddField(
            model_name="forum",
            name="principal_body",
            field=models.ForeignKey(
                blank=True,
                help_text="E.g. a regional management or a political body that is not a forum here.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reporting_forums",
                to="forums.organisation",
                verbose_name="reports to (body outside the portal)",
            ),
        ),
        migrations.AddField(
            model_name="forum",
            name="reports_to_forum",
            field=models.ForeignKey(
                blank=True,
                help_text="A forum of the structure that this forum reports to.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reporting_forums",
                to="forums.forum",
                verbose_name="reports to (forum)",
            ),
        ),
        migrations.AddField(
            model_name="historicalforum",
            name="principal_body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="E.g. a regional management or a political body that is not a forum here.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="forums.organisation",
                verbose_name="reports to (body outside the portal)",
            ),
        ),
        migrations.AddField(
            model_name="historicalforum",
            name="reports_to_forum",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="A forum of the structure that this forum reports to.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="forums.forum",
                verbose_name="reports to (forum)",
            ),
        ),
        migrations.AddConstraint(
            model_name="forum",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("reports_to_forum__isnull", True),
                    ("principal_body__isnull", True),
                    _connector="OR",
                ),
                name="forum_reports_to_one_body",
            ),
        ),
        migrations.AddConstraint(
            model_name="forum",
            constraint=models.CheckConstraint(
                condition=models.Q(("reports_to_forum", models.F("pk")), _negated=True),
                name="forum_not_reporting_to_itself",
            ),
        ),
        migrations.AddField(
            model_name="historicalforum_coordinates_with",
            name="from_forum",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_tablespace="",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="forums.forum",
            ),
        ),
        migrations.AddField(
            model_name="historicalforum_coordinates_with",
            name="history",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                to="forums.historicalforum",
            ),
        ),
        migrations.AddField(
            model_name="historicalforum_coordinates_with",
            name="to_forum",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_tablespace="",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="forums.forum",
            ),
        ),
        migrations.RunPython(map_reports_to, unmap_reports_to),
        migrations.RemoveField(
            model_name="forum",
            name="reports_to",
        ),
        migrations.RemoveField(
            model_name="historicalforum",
            name="reports_to",
        ),
    ]
