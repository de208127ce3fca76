"""A real Celery worker for tests: a process on the real Redis broker and the test database.

It consumes a queue of its own and sends the tasks it starts there too, so that runs side
by side (xdist workers, CI, other developers) never take each other's tasks. E-mails are
written as files into the directory the context manager yields.
"""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

from samverkan.celery import app as celery_app

WORKER = """
import sys
from samverkan.celery import app
queue = sys.argv[1]
app.conf.task_default_queue = queue
app.worker_main(["worker", "--pool=solo", "--without-heartbeat", "--without-gossip",
                 "--without-mingle", "-Q", queue, "-l", "info"])
"""


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextmanager
def celery_worker_process(directory):
    """Run a worker while the block runs; tasks sent from this process go to it."""
    queue = f"test-{uuid.uuid4().hex}"
    mail_dir = directory / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samverkan.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"filemail:///{mail_dir}",  # environ drops one leading slash
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    log_path = directory / "worker.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER, queue],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
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
    print(log_path.read_text())  # shown by pytest when the test fails


def wait_for(predicate, seconds=120):
    """Poll until predicate() is true; False if it never was (the worker was too slow)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False
