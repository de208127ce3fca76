"""Deterministic races on PostgreSQL: the second transaction is seen waiting on the lock.

`first_holds_second_waits(first, second)` runs `first` in a thread whose transaction stays
open after `first` returns (so it still holds its row locks), starts `second` in another
thread (each thread has its own connection), and polls `pg_stat_activity` until the second
thread's backend waits on a lock (`wait_event_type = 'Lock'`). Only then does the first
transaction commit and let the second go on. If the second never waits on a lock (the code
took no lock, or a different one), the helper fails. The timeout only bounds the waiting;
nothing is timed.
"""

import queue
import threading
import time

from django.db import connection, transaction

TIMEOUT = 30  # seconds; only an upper bound for waiting, never a measurement
POLL = 0.005


def _outcome(action):
    try:
        return action()
    except Exception as error:  # noqa: BLE001 - handed back to the test, which decides
        return error


def _backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def wait_event_type(pid):
    """What the backend `pid` waits on now ('Lock', 'Client', None ...)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row[0] if row else None


def wait_until_waiting_on_lock(pid, *, timeout=TIMEOUT, finished=None):
    """Poll pg_stat_activity until backend `pid` waits on a lock; False if it never does
    (or `finished`, an Event, is set first: the other side went on without waiting)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if wait_event_type(pid) == "Lock":
            return True
        if finished is not None and finished.is_set():
            return False
        time.sleep(POLL)
    return False


def first_holds_second_waits(first, second, *, timeout=TIMEOUT):
    """Run `first`, hold its transaction open until `second` waits on a lock, then commit.

    Returns (what first returned or raised, what second returned or raised).
    """
    holding = threading.Event()
    release = threading.Event()
    second_pid = queue.Queue()
    second_done = threading.Event()
    results = {}

    def run_first():
        try:
            with transaction.atomic():
                results["first"] = _outcome(first)
                holding.set()
                release.wait(timeout)
        except Exception as error:  # noqa: BLE001 - e.g. the commit itself failed
            results["first"] = error
        finally:
            holding.set()
            connection.close()

    def run_second():
        try:
            holding.wait(timeout)
            second_pid.put(_backend_pid())
            results["second"] = _outcome(second)
        finally:
            second_done.set()
            second_pid.put(None)
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    try:
        pid = second_pid.get(timeout=timeout)
        waited = pid is not None and wait_until_waiting_on_lock(
            pid, timeout=timeout, finished=second_done
        )
    finally:
        release.set()
        for thread in threads:
            thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a racing thread did not finish"
    assert waited, (
        "the second transaction never waited on a lock held by the first "
        f"(first gave {results.get('first')!r}, second gave {results.get('second')!r})"
    )
    return results["first"], results["second"]
