"""A forum escalates only to a forum of its structure exactly one tier up (R2).

A check constraint cannot look at another row, so the database enforces this with triggers:
on the escalating forum (insert, or a change of its target or tier) and on the target (a
change of its tier or structure that would break forums escalating to it).
"""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION forums_forum_check_escalation() RETURNS trigger AS $$
DECLARE
    target RECORD;
BEGIN
    IF NEW.escalates_to_id IS NOT NULL THEN
        SELECT tier, structure_id INTO target FROM forums_forum WHERE id = NEW.escalates_to_id;
        IF target.tier <> NEW.tier - 1 OR target.structure_id <> NEW.structure_id THEN
            RAISE EXCEPTION 'forum_escalates_one_tier_up: a forum may only escalate to a forum of its structure exactly one tier up'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND EXISTS (
        SELECT 1 FROM forums_forum
        WHERE escalates_to_id = NEW.id AND (tier <> NEW.tier + 1 OR structure_id <> NEW.structure_id)
    ) THEN
        RAISE EXCEPTION 'forum_escalates_one_tier_up: forums escalating to this forum would no longer be one tier below it'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER forums_forum_check_escalation
    BEFORE INSERT OR UPDATE OF escalates_to_id, tier, structure_id ON forums_forum
    FOR EACH ROW EXECUTE FUNCTION forums_forum_check_escalation();
"""

POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS forums_forum_check_escalation ON forums_forum;
DROP FUNCTION IF EXISTS forums_forum_check_escalation();
"""

_SQLITE_TARGET_CHECK = """
    WHEN NEW.escalates_to_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM forums_forum t
        WHERE t.id = NEW.escalates_to_id AND t.tier = NEW.tier - 1
          AND t.structure_id = NEW.structure_id)
    BEGIN SELECT RAISE(ABORT, 'forum_escalates_one_tier_up'); END;
"""

SQLITE_UP = [
    "CREATE TRIGGER forums_forum_escalation_insert BEFORE INSERT ON forums_forum"
    + _SQLITE_TARGET_CHECK,
    "CREATE TRIGGER forums_forum_escalation_update"
    " BEFORE UPDATE OF escalates_to_id, tier, structure_id ON forums_forum" + _SQLITE_TARGET_CHECK,
    """CREATE TRIGGER forums_forum_escalation_target_update
    BEFORE UPDATE OF tier, structure_id ON forums_forum
    WHEN EXISTS (SELECT 1 FROM forums_forum s WHERE s.escalates_to_id = NEW.id
                 AND (s.tier <> NEW.tier + 1 OR s.structure_id <> NEW.structure_id))
    BEGIN SELECT RAISE(ABORT, 'forum_escalates_one_tier_up'); END;""",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS forums_forum_escalation_insert",
    "DROP TRIGGER IF EXISTS forums_forum_escalation_update",
    "DROP TRIGGER IF EXISTS forums_forum_escalation_target_update",
]


def _run(schema_editor, postgres, sqlite):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(postgres)
    elif vendor == "sqlite":
        for statement in sqlite:
            schema_editor.execute(statement)


def up(apps, schema_editor):
    _run(schema_editor, POSTGRES_UP, SQLITE_UP)


def down(apps, schema_editor):
    _run(schema_editor, POSTGRES_DOWN, SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("forums", "0002_initial")]

    operations = [migrations.RunPython(up, down, elidable=False)]
