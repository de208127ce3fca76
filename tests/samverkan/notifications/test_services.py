"""Reading notices: one, all of one's own, never another person's; the choice per kind."""

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kernel.models import Notification, NotificationPreference
from kernel.services import notification_deliveries, notification_preference_set
from samverkan.notifications import services
from tests.factories import NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db
CASE = Notification.Kind.CASE
DAILY = NotificationPreference.Channel.DAILY


def test_marking_read_records_when_and_who():
    person = UserFactory()
    notice = NotificationFactory(recipient=person)
    with time_machine.travel("2026-05-04 10:00 +02:00", tick=False):
        done = services.notification_mark_read(actor=person, notification=notice)
    assert done.read_at.isoformat() == "2026-05-04T08:00:00+00:00"
    assert notice.history.get(history_change_reason="notification read").history_user == person
    # Read again later: it keeps the time it was first read.
    with time_machine.travel("2026-05-05 10:00 +02:00", tick=False):
        again = services.notification_mark_read(actor=person, notification=notice)
    assert again.read_at == done.read_at


def test_nobody_marks_another_persons_notice_read():
    notice = NotificationFactory()
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(actor=UserFactory(), notification=notice)
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read_marks_only_ones_own_unread():
    person, other = UserFactory(), UserFactory()
    mine = NotificationFactory.create_batch(3, recipient=person)
    theirs = NotificationFactory(recipient=other)
    with time_machine.travel("2026-05-01 09:00 +02:00", tick=False):
        services.notification_mark_read(actor=person, notification=mine[0])
    first_read = Notification.objects.get(pk=mine[0].pk).read_at
    assert services.notification_mark_all_read(actor=person) == 2
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    assert Notification.objects.get(pk=mine[0].pk).read_at == first_read
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    assert services.notification_mark_all_read(actor=person) == 0


def test_the_default_is_an_email_at_once_and_a_choice_is_kept_with_history():
    person = UserFactory()
    assert set(notification_deliveries(person).values()) == {NotificationPreference.DEFAULT}
    assert NotificationPreference.DEFAULT == NotificationPreference.Channel.IMMEDIATE
    preference = notification_preference_set(actor=person, person=person, kind=CASE, delivery=DAILY)
    assert notification_deliveries(person)[CASE] == DAILY
    assert preference.history.first().history_user == person
    # The same choice again writes nothing.
    notification_preference_set(actor=person, person=person, kind=CASE, delivery=DAILY)
    assert preference.history.count() == 1


def test_only_the_person_chooses_and_only_known_values():
    person = UserFactory()
    with pytest.raises(PermissionDenied):
        notification_preference_set(actor=UserFactory(), person=person, kind=CASE, delivery=DAILY)
    with pytest.raises(PermissionDenied):
        services.notification_preferences_save(
            actor=UserFactory(), person=person, deliveries={CASE: DAILY}
        )
    with pytest.raises(ValidationError):
        notification_preference_set(actor=person, person=person, kind="x", delivery=DAILY)
    with pytest.raises(ValidationError):
        notification_preference_set(actor=person, person=person, kind=CASE, delivery="fax")
    assert not NotificationPreference.objects.exists()


def test_one_choice_per_person_and_kind_is_stored():
    person = UserFactory()
    NotificationPreference.objects.create(person=person, kind=CASE, delivery=DAILY)
    with pytest.raises(IntegrityError, match="notification_preference_once_per_kind"):
        with transaction.atomic():
            NotificationPreference.objects.create(person=person, kind=CASE, delivery="portal")
