"""Every history row the loader writes is stamped with the system user and "Demodata"."""

import threading
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from simple_history.signals import pre_create_historical_record

from .common import (
    CHANGE_REASON,
)


class _HistoryUser:
    user = None


@contextmanager
def _history_written_by(holder):
    """Stamp every history row written inside the block with the system user and reason.

    A `pre_create_historical_record` receiver reaches every row simple-history writes
    (objects made by get_or_create, many-to-many changes) without setting
    `_history_user` on each instance first. Only this thread's rows are stamped.
    """
    User = get_user_model()
    thread = threading.get_ident()

    def stamp(instance, history_instance, **kwargs):  # sender and the rest in kwargs
        if threading.get_ident() != thread:
            return
        user = holder.user
        if user is None and isinstance(instance, User):
            user = instance  # the system user's own first row
        if user is not None:
            history_instance.history_user_id = user.pk
        history_instance.history_change_reason = CHANGE_REASON

    uid = "samverkan.demo.loader.history"
    pre_create_historical_record.connect(stamp, weak=False, dispatch_uid=uid)
    try:
        yield
    finally:
        pre_create_historical_record.disconnect(dispatch_uid=uid)
