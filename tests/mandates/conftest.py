"""Fixtures for the mandates tests: parties with organisations, other structures, media."""

import pytest

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from tests.factories import ForumFactory, OrganisationFactory, StructureFactory, UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary directory, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def regions(parties):
    return parties[0]


@pytest.fixture
def agencies(parties):
    return parties[1]


@pytest.fixture
def region_a(regions):
    return OrganisationFactory(name="Region A", short_name="RA", parties=[regions])


@pytest.fixture
def region_b(regions):
    return OrganisationFactory(name="Region B", short_name="RB", parties=[regions])


@pytest.fixture
def agency_a(agencies):
    return OrganisationFactory(name="Myndighet A", short_name="MA", parties=[agencies])


@pytest.fixture
def agency_b(agencies):
    return OrganisationFactory(name="Myndighet B", short_name="MB", parties=[agencies])


@pytest.fixture
def loner(db):
    """An organisation that belongs to no party."""
    return OrganisationFactory(name="Fristående", short_name="FS")


@pytest.fixture
def other_forum(db):
    """A forum of another structure, run by another secretariat."""
    return ForumFactory(name="Annan styrgrupp", tier=Forum.Tier.STRATEGIC)


@pytest.fixture
def other_secretariat_user(other_forum):
    user = UserFactory(username="annat-kansli")
    other_forum.structure.secretariat_staff.add(user)
    structure_secretariat_sync(structure=other_forum.structure)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Annan struktur")


def refreshed(user):
    """A fresh instance, so that no permission cache hides a change."""
    return type(user).objects.get(pk=user.pk)


# --- a real Celery worker (the approach of tests/samverkan/test_tasks.py) -------------------


def _database_url():
    from django.db import connection

    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path, media_root, settings):
    """A Celery worker on a queue of its own, against the test database and media root.

    E-mails go as files into the directory the fixture yields.
    """
    import os
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    from samverkan.celery import app as celery_app

    queue = f"test-{uuid.uuid4().hex}"
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samverkan.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"filemail:///{mail_dir}",  # environ drops one leading slash
        "MEDIA_ROOT": str(media_root),
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "samverkan", "worker", "--pool=solo",
         "--without-heartbeat", "--without-gossip", "--without-mingle", "-Q", queue,
         "-l", "info"],
        cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    eager, default_queue = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield mail_dir
    finally:
        celery_app.conf.task_always_eager = eager
        celery_app.conf.task_default_queue = default_queue
        process.terminate()
        process.wait(timeout=30)
        log.close()
        print(Path(log.name).read_text())  # shown by pytest when the test fails


def wait_for(predicate, seconds=90):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False
