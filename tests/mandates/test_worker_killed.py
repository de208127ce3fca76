"""A real worker's child SIGKILLed in the middle of the nightly reconcile: the task runs
again, each expired mandate is ended once (one history record) and its grants are gone."""

import datetime

import pytest
from guardian.shortcuts import assign_perm

from kernel.history import system_user
from mandates import tasks
from mandates.models import Mandate
from mandates.permissions import held_permissions
from tests.celery_worker import celery_worker_process, kill_paused_child, wait_for
from tests.clock import FROZEN_DAY
from tests.factories import MandateFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

DAY = datetime.timedelta(days=1)


def test_a_reconcile_killed_midway_ends_each_mandate_once(strategic_forum, tmp_path):
    expired = [
        MandateFactory(
            forum=strategic_forum, valid_from=FROZEN_DAY - 100 * DAY, valid_to=FROZEN_DAY - DAY
        )
        for _ in range(3)
    ]
    for mandate in expired:
        assign_perm("forums.view_forum", mandate.person, strategic_forum)
    # The child stops as it is about to end the second mandate: the first is ended.
    pause = ("mandates.services.nightly:mandate_end", 2)
    with celery_worker_process(tmp_path, prefork=True, pause_in=pause):
        tasks.reconcile_permissions.delay()
        kill_paused_child(tmp_path)
        assert wait_for(
            lambda: all(
                Mandate.objects.get(pk=m.pk).status == Mandate.Status.ENDED
                and not held_permissions(person=m.person, forum=strategic_forum)
                for m in expired
            ),
            seconds=30,
        ), "the requeued reconcile did not end the rest"
    for mandate in expired:
        ended = mandate.history.filter(history_change_reason="term ended")
        assert ended.count() == 1
        assert ended.get().history_user == system_user()
    assert "WorkerLostError" in (tmp_path / "worker.log").read_text()
