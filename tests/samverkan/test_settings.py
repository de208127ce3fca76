"""Settings come from the environment: nothing set means SQLite and eager Celery."""

import os
import subprocess
import sys

from django.conf import settings

from tests.settings_probe import probe_settings

PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, "
    "'language': s.LANGUAGE_CODE, 'acks_late': s.CELERY_TASK_ACKS_LATE, "
    "'reject_on_worker_lost': s.CELERY_TASK_REJECT_ON_WORKER_LOST, "
    "'prefetch': s.CELERY_WORKER_PREFETCH_MULTIPLIER, 'accept': s.CELERY_ACCEPT_CONTENT, "
    "'visibility_timeout': s.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout'], "
    "'time_limit': s.CELERY_TASK_TIME_LIMIT}))"
)
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER", "CACHE_URL")


def _settings_with(**variables):
    return probe_settings(
        PRINT_SETTINGS,
        environment={"DJANGO_SETTINGS_MODULE": "samverkan.settings.dev", **variables},
        drop=SERVICE_VARIABLES,
    )


def test_nothing_set_means_sqlite_and_eager_tasks():
    values = _settings_with()
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["eager"] is True
    assert values["broker"] == ""
    assert values["language"] == "sv"


def test_urls_in_the_environment_switch_to_postgresql_and_redis():
    values = _settings_with(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/samverkan",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["eager"] is False
    assert values["broker"] == "redis://127.0.0.1:6379/0"


def test_celery_reliability_settings():
    values = _settings_with(CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
    assert values["acks_late"] is True
    assert values["reject_on_worker_lost"] is True
    assert values["prefetch"] == 1
    assert values["accept"] == ["json"]
    # Redis re-delivers an unacknowledged task after the visibility timeout: it must
    # outlast the longest a task may run.
    assert values["visibility_timeout"] > values["time_limit"]


def test_make_test_stops_quickly_with_advice_when_a_service_is_down():
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/samverkan"}
    # A hang fails (TimeoutExpired); nothing is timed: the bound only ends the waiting.
    result = subprocess.run(
        [sys.executable, "scripts/check_services.py"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "PostgreSQL is not reachable at 127.0.0.1:1" in result.stderr
    assert "docker compose up -d db redis" in result.stderr


def test_check_services_passes_when_both_are_up():
    result = subprocess.run(
        [sys.executable, "scripts/check_services.py"], cwd=settings.BASE_DIR, capture_output=True
    )
    assert result.returncode == 0, result.stderr
