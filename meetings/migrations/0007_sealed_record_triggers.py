"""Once a meeting's main minutes are approved, the database itself refuses every change to
what they record, whatever code writes (R15): the meeting, its agenda items (and who is
co-opted to them), attendance and decisions refuse UPDATE, DELETE and new rows; approved
minutes, their approvals and every seal refuse UPDATE and DELETE (and approvals refuse new
rows). A draft addendum stays writable until its own approval.

Every refusal is raised with the prefix `meetings_sealed_record:` as an integrity error
(SQLSTATE 23000 on PostgreSQL, RAISE(ABORT) on SQLite). TRUNCATE is not guarded (it needs
the table owner; the test suite flushes with it).

On SQLite a later migration that rebuilds one of these tables (most AlterField operations
there) drops its triggers: such a migration must run `install(schema_editor)` again; a test
checks that every trigger exists after all migrations on both databases.
"""

from django.db import migrations

# A meeting is sealed when its main minutes (not an addendum) are approved.
_SEALED_PG = (
    "EXISTS (SELECT 1 FROM meetings_minutes m WHERE m.meeting_id = {meeting}"
    " AND m.amends_id IS NULL AND m.status = 'approved')"
)

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION meetings_is_sealed(meeting bigint) RETURNS boolean AS $$
    SELECT {_SEALED_PG.format(meeting="meeting")};
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION meetings_refuse_sealed() RETURNS trigger AS $$
DECLARE
    row_meeting bigint;
    refused boolean := false;
    rec RECORD;
BEGIN
    IF TG_OP = 'INSERT' THEN rec := NEW; ELSE rec := OLD; END IF;
    IF TG_TABLE_NAME = 'meetings_meeting' THEN
        refused := meetings_is_sealed(rec.id);
    ELSIF TG_TABLE_NAME IN ('meetings_agendaitem', 'meetings_attendance') THEN
        refused := meetings_is_sealed(rec.meeting_id)
            OR (TG_OP = 'UPDATE' AND meetings_is_sealed(NEW.meeting_id));
    ELSIF TG_TABLE_NAME = 'meetings_decision' THEN
        SELECT meeting_id INTO row_meeting FROM meetings_agendaitem WHERE id = rec.agenda_item_id;
        refused := meetings_is_sealed(row_meeting);
        IF TG_OP = 'UPDATE' AND NOT refused THEN
            SELECT meeting_id INTO row_meeting FROM meetings_agendaitem WHERE id = NEW.agenda_item_id;
            refused := meetings_is_sealed(row_meeting);
        END IF;
    ELSIF TG_TABLE_NAME = 'meetings_agendaitem_co_opted' THEN
        SELECT meeting_id INTO row_meeting FROM meetings_agendaitem WHERE id = rec.agendaitem_id;
        refused := meetings_is_sealed(row_meeting);
    ELSIF TG_TABLE_NAME = 'meetings_minutes' THEN
        refused := TG_OP <> 'INSERT' AND OLD.status = 'approved';
    ELSIF TG_TABLE_NAME = 'meetings_minutesapproval' THEN
        refused := EXISTS (SELECT 1 FROM meetings_minutes
                           WHERE id = rec.minutes_id AND status = 'approved');
    ELSIF TG_TABLE_NAME = 'meetings_minutesseal' THEN
        refused := TG_OP <> 'INSERT' OR NOT EXISTS (
            SELECT 1 FROM meetings_minutes WHERE id = NEW.minutes_id AND status = 'approved');
    END IF;
    IF refused THEN
        RAISE EXCEPTION 'meetings_sealed_record: % on % refused: the minutes are approved and sealed; a correction is an addendum with its own approval', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

# table -> the operations its trigger guards
GUARDED = {
    "meetings_meeting": "UPDATE OR DELETE",
    "meetings_agendaitem": "INSERT OR UPDATE OR DELETE",
    "meetings_agendaitem_co_opted": "INSERT OR UPDATE OR DELETE",
    "meetings_attendance": "INSERT OR UPDATE OR DELETE",
    "meetings_decision": "INSERT OR UPDATE OR DELETE",
    "meetings_minutes": "UPDATE OR DELETE",
    "meetings_minutesapproval": "INSERT OR UPDATE OR DELETE",
    "meetings_minutesseal": "INSERT OR UPDATE OR DELETE",
}


def pg_trigger_name(table):
    return f"{table}_sealed"


POSTGRES_TRIGGERS = [
    f"CREATE TRIGGER {pg_trigger_name(table)} BEFORE {ops} ON {table}"
    " FOR EACH ROW EXECUTE FUNCTION meetings_refuse_sealed();"
    for table, ops in GUARDED.items()
]

POSTGRES_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {pg_trigger_name(table)} ON {table};" for table in GUARDED),
    "DROP FUNCTION IF EXISTS meetings_refuse_sealed();",
    "DROP FUNCTION IF EXISTS meetings_is_sealed(bigint);",
]


def _sqlite_sealed(meeting):
    return _SEALED_PG.format(meeting=meeting)


def _sqlite_meeting_of_item(item):
    return f"(SELECT meeting_id FROM meetings_agendaitem WHERE id = {item})"


def _minutes_approved(minutes):
    return f"EXISTS (SELECT 1 FROM meetings_minutes WHERE id = {minutes} AND status = 'approved')"


# (table, operation) -> the condition (SQLite has one trigger per table and operation)
SQLITE_CONDITIONS = {
    ("meetings_meeting", "UPDATE"): _sqlite_sealed("OLD.id"),
    ("meetings_meeting", "DELETE"): _sqlite_sealed("OLD.id"),
    **{
        (table, op): cond
        for table in ("meetings_agendaitem", "meetings_attendance")
        for op, cond in (
            ("INSERT", _sqlite_sealed("NEW.meeting_id")),
            ("UPDATE", f"{_sqlite_sealed('OLD.meeting_id')} OR {_sqlite_sealed('NEW.meeting_id')}"),
            ("DELETE", _sqlite_sealed("OLD.meeting_id")),
        )
    },
    ("meetings_decision", "INSERT"): _sqlite_sealed(_sqlite_meeting_of_item("NEW.agenda_item_id")),
    ("meetings_decision", "UPDATE"): (
        f"{_sqlite_sealed(_sqlite_meeting_of_item('OLD.agenda_item_id'))}"
        f" OR {_sqlite_sealed(_sqlite_meeting_of_item('NEW.agenda_item_id'))}"
    ),
    ("meetings_decision", "DELETE"): _sqlite_sealed(_sqlite_meeting_of_item("OLD.agenda_item_id")),
    ("meetings_agendaitem_co_opted", "INSERT"): _sqlite_sealed(
        _sqlite_meeting_of_item("NEW.agendaitem_id")
    ),
    ("meetings_agendaitem_co_opted", "UPDATE"): _sqlite_sealed(
        _sqlite_meeting_of_item("OLD.agendaitem_id")
    ),
    ("meetings_agendaitem_co_opted", "DELETE"): _sqlite_sealed(
        _sqlite_meeting_of_item("OLD.agendaitem_id")
    ),
    ("meetings_minutes", "UPDATE"): "OLD.status = 'approved'",
    ("meetings_minutes", "DELETE"): "OLD.status = 'approved'",
    ("meetings_minutesapproval", "INSERT"): _minutes_approved("NEW.minutes_id"),
    ("meetings_minutesapproval", "UPDATE"): _minutes_approved("OLD.minutes_id"),
    ("meetings_minutesapproval", "DELETE"): _minutes_approved("OLD.minutes_id"),
    ("meetings_minutesseal", "INSERT"): f"NOT {_minutes_approved('NEW.minutes_id')}",
    ("meetings_minutesseal", "UPDATE"): "1",
    ("meetings_minutesseal", "DELETE"): "1",
}


def sqlite_trigger_name(table, op):
    return f"{table}_sealed_{op.lower()}"


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS {sqlite_trigger_name(table, op)} BEFORE {op} ON {table}"
    f" WHEN {condition} BEGIN SELECT RAISE(ABORT,"
    f" 'meetings_sealed_record: {op} on {table} refused: the minutes are approved and sealed;"
    " a correction is an addendum with its own approval'); END;"
    for (table, op), condition in SQLITE_CONDITIONS.items()
]

SQLITE_DOWN = [
    f"DROP TRIGGER IF EXISTS {sqlite_trigger_name(table, op)}" for table, op in SQLITE_CONDITIONS
]


def trigger_names(vendor):
    """The names of the triggers installed on this database vendor (for the tests)."""
    if vendor == "postgresql":
        return sorted(pg_trigger_name(table) for table in GUARDED)
    return sorted(sqlite_trigger_name(table, op) for table, op in SQLITE_CONDITIONS)


def install(schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # No parameters: the function's RAISE uses % placeholders of its own.
        schema_editor.execute(POSTGRES_UP, None)
        for statement in POSTGRES_DOWN[: len(GUARDED)] + POSTGRES_TRIGGERS:
            schema_editor.execute(statement, None)
    elif vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def up(apps, schema_editor):
    install(schema_editor)


def down(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}.get(vendor, []):
        schema_editor.execute(statement, None)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_seal_existing_approved_minutes")]

    operations = [migrations.RunPython(up, down, elidable=False)]
