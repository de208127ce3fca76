"""The nightly reconcile, the end of expired mandates and the reminders (Celery beat)."""

import datetime

import pytest
from django.conf import settings
from guardian.shortcuts import assign_perm, remove_perm

from kernel.history import system_user
from kernel.models import Notification
from mandates import services, tasks
from mandates.models import Mandate
from mandates.permissions import ROLE_PERMISSIONS, held_permissions
from samverkan.celery import app as celery_app
from tests.celery_worker import wait_for
from tests.clock import FROZEN_DAY
from tests.factories import ForumFactory, MandateFactory, UserFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The dates in these tests are relative to the frozen day (tests/clock.py)."""


def _corrupt(representative_user, operative_forum, outsider_user, strategic_forum):
    """Drift: a needed grant deleted, and a stray grant nobody's mandate explains."""
    remove_perm("forums.raise_case", representative_user, operative_forum)
    assign_perm("forums.lead_forum", outsider_user, strategic_forum)
    assert held_permissions(person=representative_user, forum=operative_forum) == {
        "forums.view_forum"
    }
    assert held_permissions(person=outsider_user, forum=strategic_forum) == {"forums.lead_forum"}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_repairs_drifted_grants(
    celery_worker, representative_user, operative_forum, outsider_user, strategic_forum, chair_user,
    tactical_forum,
):  # fmt: skip
    expired_person = UserFactory()
    expired = MandateFactory(
        person=expired_person,
        forum=strategic_forum,
        valid_from=FROZEN_DAY - 100 * DAY,
        valid_to=FROZEN_DAY - DAY,
    )
    assign_perm("forums.view_forum", expired_person, strategic_forum)
    _corrupt(representative_user, operative_forum, outsider_user, strategic_forum)

    tasks.reconcile_permissions.delay()

    assert wait_for(
        lambda: (
            Mandate.objects.get(pk=expired.pk).status == Mandate.Status.ENDED
            and _repaired(representative_user, operative_forum)
            and held_permissions(person=outsider_user, forum=strategic_forum) == set()
        )
    ), "the worker did not repair the grants within 90 s"
    assert held_permissions(person=expired_person, forum=strategic_forum) == set()
    assert held_permissions(person=chair_user, forum=tactical_forum) == ROLE_PERMISSIONS["chair"]
    record = Mandate.objects.get(pk=expired.pk).history.first()
    assert (record.history_user, record.history_change_reason) == (system_user(), "term ended")


def _repaired(person, forum):
    return held_permissions(person=person, forum=forum) == ROLE_PERMISSIONS["member"]


@pytest.mark.django_db
def test_reconcile_is_idempotent(representative_user, operative_forum, outsider_user,
                                 strategic_forum, chair_user):  # fmt: skip
    _corrupt(representative_user, operative_forum, outsider_user, strategic_forum)
    first = tasks.reconcile_permissions.apply(throw=True).result
    assert (first["granted"], first["revoked"]) == (1, 1)
    second = tasks.reconcile_permissions.apply(throw=True).result
    assert (second["ended"], second["granted"], second["revoked"]) == (0, 0, 0)
    assert second["pairs"] == first["pairs"] - 1  # the stray grant is gone


@pytest.mark.django_db
def test_reconcile_grants_a_mandate_whose_term_began_today(
    secretariat_user, operative_forum, region_a
):
    person = UserFactory(organisation=region_a)
    mandate = services.mandate_propose(
        actor=secretariat_user, person=person, forum=operative_forum, role="member",
        organisation=region_a, valid_from=FROZEN_DAY + DAY, activate=True,
    )  # fmt: skip
    assert held_permissions(person=person, forum=operative_forum) == set()
    services.permissions_reconcile(actor=system_user(), on=mandate.valid_from)
    assert held_permissions(person=person, forum=operative_forum) == ROLE_PERMISSIONS["member"]


@pytest.mark.django_db
def test_only_the_system_or_a_superuser_reconciles(secretariat_user):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.permissions_reconcile(actor=secretariat_user)


# --- reminders -----------------------------------------------------------------------------


@pytest.fixture
def ending(structure, secretariat_user, operative_forum):
    """Mandates ending in 60 and in 14 days, one in 100 and one ended."""
    secretariat_user.email = "kansli@example.se"
    secretariat_user.save()
    return {
        days: MandateFactory(
            forum=operative_forum,
            valid_from=FROZEN_DAY - 300 * DAY,
            valid_to=FROZEN_DAY + days * DAY,
        )
        for days in (60, 14, 100)
    }


@pytest.mark.django_db
def test_reminders_60_and_14_days_before_the_end_never_twice(
    ending, secretariat_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.mandate_reminders.apply()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.mandate_reminders.apply()  # the task ran twice
    keys = set(
        Notification.objects.filter(recipient=secretariat_user).values_list("dedup_key", flat=True)
    )
    assert keys == {f"mandate:{ending[60].pk}:ends:60", f"mandate:{ending[14].pk}:ends:14"}
    assert len(mailoutbox) == 2
    assert {mail.to[0] for mail in mailoutbox} == {"kansli@example.se"}
    assert all(n.link.startswith("/mandat/") for n in Notification.objects.all())


@pytest.mark.django_db
def test_the_14_day_reminder_follows_the_60_day_one(ending, secretariat_user):
    services.mandate_reminders_send(actor=system_user())
    services.mandate_reminders_send(actor=system_user(), on=FROZEN_DAY + 46 * DAY)
    services.mandate_reminders_send(actor=system_user(), on=FROZEN_DAY + 47 * DAY)
    keys = Notification.objects.filter(recipient=secretariat_user).values_list(
        "dedup_key", flat=True
    )
    mandate = ending[60]
    assert sorted(k for k in keys if k.startswith(f"mandate:{mandate.pk}:")) == [
        f"mandate:{mandate.pk}:ends:14",
        f"mandate:{mandate.pk}:ends:60",
    ]


@pytest.mark.django_db
def test_a_rotating_chair_term_is_reminded_of(structure, secretariat_user):
    forum = ForumFactory(structure=structure, chair_rotation_months=12,
                         chair_rotation_among="parties")  # fmt: skip
    chair = MandateFactory(forum=forum, role=Mandate.Role.CHAIR, valid_to=None,
                           valid_from=FROZEN_DAY - 365 * DAY + 14 * DAY)  # fmt: skip
    services.mandate_reminders_send(actor=system_user())
    notification = Notification.objects.get(recipient=secretariat_user)
    assert notification.dedup_key == f"mandate:{chair.pk}:chair-term-ends:14"
    assert "Mandatperioden som ordförande" in notification.title


@pytest.mark.django_db
def test_other_structures_secretariat_is_not_reminded(ending, other_secretariat_user):
    services.mandate_reminders_send(actor=system_user())
    assert not Notification.objects.filter(recipient=other_secretariat_user).exists()


# --- ending expired mandates ---------------------------------------------------------------


@pytest.mark.django_db
def test_expired_mandates_end_with_history_and_lose_grants(representative_user, operative_forum):
    mandate = representative_user.mandates.get()
    mandate.valid_to = FROZEN_DAY - DAY
    mandate.save()
    assert services.mandates_end_expired(actor=system_user()) == 1
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.ENDED
    assert mandate.valid_to == FROZEN_DAY - DAY  # the term's end is kept
    assert held_permissions(person=representative_user, forum=operative_forum) == set()
    assert services.mandates_end_expired(actor=system_user()) == 0


# --- the schedule --------------------------------------------------------------------------


def test_beat_runs_the_tasks_nightly_and_daily():
    schedule = settings.CELERY_BEAT_SCHEDULE
    by_task = {entry["task"]: entry for entry in schedule.values()}
    assert "mandates.tasks.reconcile_permissions" in by_task
    assert "mandates.tasks.mandate_reminders" in by_task
    celery_app.loader.import_default_modules()
    for name in by_task:
        assert name in celery_app.tasks, name
