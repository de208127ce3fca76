"""The review reminder of a direction document: once the current version's review date has
passed, its forum's leaders and the structure's secretariat hear of it, once, whatever
number of runs, retries or redeliveries."""

import datetime

import pytest
from django.conf import settings

from cycle import services, tasks
from kernel.models import Notification
from tests.celery_worker import wait_for
from tests.cycle.direction_helpers import adopt, document_data

pytestmark = pytest.mark.django_db


def _reminders():
    return Notification.objects.filter(kind=Notification.Kind.DIRECTION_REVIEW)


@pytest.fixture
def adopted(secretariat_user, chair_user, tactical_forum, operative_forum, frozen_day):
    review = frozen_day + datetime.timedelta(days=30)
    document = services.direction_document_create(
        actor=secretariat_user,
        forum=tactical_forum,
        data=document_data(operative_forum, review_on=review),
    )
    return adopt(document.versions.get(), secretary=secretariat_user)


def test_no_reminder_until_the_review_date_has_passed(adopted, time_machine, frozen_day):
    time_machine.move_to(datetime.datetime.combine(adopted.review_on, datetime.time(10)))
    tasks.direction_review_reminders.apply()
    assert not _reminders().exists()


def test_reminded_once_the_leaders_and_the_secretariat(
    adopted, time_machine, secretariat_user, chair_user, representative_user
):
    time_machine.move_to(
        datetime.datetime.combine(adopted.review_on + datetime.timedelta(days=1), datetime.time(10))
    )
    tasks.direction_review_reminders.apply()
    tasks.direction_review_reminders.apply()
    recipients = set(_reminders().values_list("recipient__username", flat=True))
    assert recipients == {secretariat_user.username, chair_user.username}
    assert _reminders().count() == 2
    adopted.refresh_from_db()
    assert adopted.review_reminded_at is not None


def test_a_retry_of_the_service_sends_nothing_twice(adopted, time_machine, secretariat_user):
    """A second delivery of the same work (a retry after the first committed) is a no-op,
    even if it is asked for the version directly."""
    later = adopted.review_on + datetime.timedelta(days=2)
    time_machine.move_to(datetime.datetime.combine(later, datetime.time(10)))
    services.direction_review_remind(actor=secretariat_user, version_id=adopted.pk)
    services.direction_review_remind(actor=secretariat_user, version_id=adopted.pk)
    assert _reminders().count() == 2


def test_a_draft_is_not_reminded(secretariat_user, tactical_forum, operative_forum, frozen_day):
    document = services.direction_document_create(
        actor=secretariat_user,
        forum=tactical_forum,
        data=document_data(operative_forum, review_on=frozen_day - datetime.timedelta(days=1)),
    )
    tasks.direction_review_reminders.apply()
    assert not _reminders().exists()
    assert document.versions.get().review_reminded_at is None


def test_beat_schedule_names_the_task():
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "cycle.tasks.direction_review_reminders" in names


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_reminder_runs_in_a_real_worker(
    secretariat_user, chair_user, tactical_forum, operative_forum, celery_worker
):
    """The worker runs on the real clock: the version's review date is already past."""
    from django.utils import timezone

    document = services.direction_document_create(
        actor=secretariat_user,
        forum=tactical_forum,
        data=document_data(
            operative_forum, review_on=timezone.localdate() + datetime.timedelta(days=1)
        ),
    )
    version = adopt(document.versions.get(), secretary=secretariat_user)
    version.review_on = timezone.localdate() - datetime.timedelta(days=1)
    version.save(update_fields=["review_on"])
    tasks.direction_review_reminders.delay()
    assert wait_for(lambda: _reminders().count() >= 2), "the worker sent no reminders"
    assert _reminders().count() == 2
    version.refresh_from_db()
    assert version.review_reminded_at is not None
