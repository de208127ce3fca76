"""Once an annual report is adopted, the database itself refuses to change it, whatever code
writes: its seal refuses UPDATE and DELETE (and a seal of a report not adopted), the adopted
report refuses DELETE and any change of its forum, year, texts, status, adoption or agenda
item. Marking it as sent (sent_on, sent_to) stays possible.

Refusals are raised with the prefix `cycle_sealed_report:` (SQLSTATE 23000). PostgreSQL
only; on SQLite (used only for `makemigrations --check`) nothing is installed.
"""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION cycle_refuse_sealed_report() RETURNS trigger AS $$
DECLARE
    refused boolean := false;
BEGIN
    IF TG_TABLE_NAME = 'cycle_annualreportseal' THEN
        refused := TG_OP <> 'INSERT' OR NOT EXISTS (
            SELECT 1 FROM cycle_annualreport WHERE id = NEW.report_id AND status = 'adopted');
    ELSIF TG_TABLE_NAME = 'cycle_annualreport' THEN
        IF TG_OP = 'DELETE' THEN
            refused := OLD.status = 'adopted';
        ELSIF TG_OP = 'UPDATE' THEN
            refused := OLD.status = 'adopted' AND (
                NEW.status IS DISTINCT FROM OLD.status
                OR NEW.texts IS DISTINCT FROM OLD.texts
                OR NEW.forum_id IS DISTINCT FROM OLD.forum_id
                OR NEW.year IS DISTINCT FROM OLD.year
                OR NEW.adopted_at IS DISTINCT FROM OLD.adopted_at
                OR NEW.agenda_item_id IS DISTINCT FROM OLD.agenda_item_id);
        END IF;
    END IF;
    IF refused THEN
        RAISE EXCEPTION 'cycle_sealed_report: % on % refused: the annual report is adopted and sealed', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

GUARDED = {
    "cycle_annualreport": "UPDATE OR DELETE",
    "cycle_annualreportseal": "INSERT OR UPDATE OR DELETE",
}


def pg_trigger_name(table):
    return f"{table}_sealed"


POSTGRES_TRIGGERS = [
    f"CREATE TRIGGER {pg_trigger_name(table)} BEFORE {ops} ON {table}"
    " FOR EACH ROW EXECUTE FUNCTION cycle_refuse_sealed_report();"
    for table, ops in GUARDED.items()
]

POSTGRES_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {pg_trigger_name(table)} ON {table};" for table in GUARDED),
    "DROP FUNCTION IF EXISTS cycle_refuse_sealed_report();",
]


def up(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(POSTGRES_UP, None)
    for statement in POSTGRES_DOWN[: len(GUARDED)] + POSTGRES_TRIGGERS:
        schema_editor.execute(statement, None)


def down(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTGRES_DOWN:
        schema_editor.execute(statement, None)


class Migration(migrations.Migration):
    dependencies = [("cycle", "0001_initial")]

    operations = [migrations.RunPython(up, down, elidable=False)]
