"""The sealed-record triggers of migration meetings 0007 on SQLite: `migrate` on a new SQLite
database in a subprocess installs every trigger, and they refuse the same writes."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SCRIPT = r"""
import json
import django
django.setup()
from importlib import import_module
from django.db import IntegrityError, connection, transaction
from meetings.models import Attendance, Decision, Meeting, Minutes
from tests.factories import AttendanceFactory, DecisionFactory, MinutesFactory, UserFactory

migration = import_module("meetings.migrations.0007_sealed_record_triggers")
with connection.cursor() as cursor:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    installed = {row[0] for row in cursor.fetchall()}
minutes = MinutesFactory()
meeting = minutes.meeting
attendance = AttendanceFactory(meeting=meeting)
decision = DecisionFactory(agenda_item__meeting=meeting)
before = Meeting.objects.get(pk=meeting.pk)
before.location = "Före godkännandet"
before.save()  # allowed: not approved yet
minutes.status, minutes.approved_at = "approved", minutes.created_at
minutes.save()
results = {}

def attempt(name, write):
    try:
        with transaction.atomic():
            write()
        results[name] = "written"
    except IntegrityError as error:
        results[name] = str(error)

def change_meeting():
    meeting.title = "Ändrad"
    meeting.save()

def change_decision():
    decision.text = "Ändrad"
    decision.save()

def reopen_minutes():
    minutes.status = "draft"
    minutes.save()

attempt("meeting update", change_meeting)
attempt("attendance delete", attendance.delete)
attempt("attendance insert", lambda: Attendance.objects.create(
    meeting=meeting, person=UserFactory(), status="present"))
attempt("decision update", change_decision)
attempt("decision raw", lambda: connection.cursor().execute(
    "DELETE FROM meetings_decision WHERE id = %s", [decision.pk]))
attempt("minutes update", reopen_minutes)
print(json.dumps({
    "missing": sorted(set(migration.trigger_names("sqlite")) - installed),
    "results": results,
}))
"""


def test_migrate_on_sqlite_installs_triggers_that_refuse(tmp_path):
    database = tmp_path / "seal.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "samverkan.settings.test",
    }
    root = Path(settings.BASE_DIR)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["missing"] == []
    assert len(outcome["results"]) == 6
    for name, result in outcome["results"].items():
        assert result.startswith("meetings_sealed_record:"), (name, result)
