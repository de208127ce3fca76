"""A real Celery worker for tests: a process on the real Redis broker and the test database.

It consumes a queue of its own and sends the tasks it starts there too, so that runs side
by side (xdist workers, CI, other developers) never take each other's tasks. E-mails are
written as files into the directory the context manager yields (`emails()` reads them).

`prefork=True` runs the prefork pool with one child, as production does: the parent hands
each task to the child, and when the child dies (SIGKILL) the parent requeues the task
(acks_late with reject_on_worker_lost) and a new child runs it again. `pause_in=(target,
n)` makes the children block in the n-th call of `target` ("module:attribute.path"), once
per run of the worker: the child writes its pid to `paused` in the directory and waits
there to be killed (`kill_paused_child()`); the child that replaces it does not pause.
"""

import email
import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

from samverkan.celery import app as celery_app

WORKER = """
import importlib, os, sys, time
import django
django.setup()
from samverkan.celery import app

def pause_in(target, nth, marker):
    module_name, _, path = target.partition(":")
    owner = importlib.import_module(module_name)
    *parents, name = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    original = getattr(owner, name)
    calls = [0]

    def paused(*args, **kwargs):
        calls[0] += 1
        if calls[0] == nth and not os.path.exists(marker):
            with open(marker + ".tmp", "w") as f:
                f.write(str(os.getpid()))
            os.replace(marker + ".tmp", marker)
            while True:  # until the test kills this process
                time.sleep(1)
        return original(*args, **kwargs)

    setattr(owner, name, paused)

queue, pool = sys.argv[1], sys.argv[2]
if os.environ.get("TEST_PAUSE_TARGET"):
    pause_in(os.environ["TEST_PAUSE_TARGET"], int(os.environ["TEST_PAUSE_CALL"]),
             os.environ["TEST_PAUSE_MARKER"])
app.conf.task_default_queue = queue
pool_options = ["--pool=prefork", "--concurrency=1"] if pool == "prefork" else ["--pool=solo"]
app.worker_main(["worker", *pool_options, "--without-heartbeat", "--without-gossip",
                 "--without-mingle", "-Q", queue, "-l", "info"])
"""


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextmanager
def celery_worker_process(directory, *, prefork=False, pause_in=None):
    """Run a worker while the block runs; tasks sent from this process go to it."""
    queue = f"test-{uuid.uuid4().hex}"
    mail_dir = directory / "mail"
    pause = {}
    if pause_in is not None:
        target, nth = pause_in
        pause = {
            "TEST_PAUSE_TARGET": target,
            "TEST_PAUSE_CALL": str(nth),
            "TEST_PAUSE_MARKER": str(directory / "paused"),
        }
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samverkan.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"filemail:///{mail_dir}",  # environ drops one leading slash
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **pause,
    }
    log_path = directory / "worker.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER, queue, "prefork" if prefork else "solo"],
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
            process.terminate()  # a warm shutdown: the parent stops its child too
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
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


def kill_paused_child(directory, seconds=60):
    """Wait until a worker child pauses (see `pause_in`), SIGKILL it; returns its pid."""
    marker = directory / "paused"
    assert wait_for(marker.exists, seconds), "no worker child paused in the task"
    pid = int(marker.read_text())
    os.kill(pid, signal.SIGKILL)
    return pid


def emails(mail_dir):
    """Every e-mail the worker wrote (the file backend writes each message, then a line of
    79 dashes), parsed."""
    messages = []
    if not mail_dir.exists():
        return messages
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.lstrip(b"\n")))
    return messages
