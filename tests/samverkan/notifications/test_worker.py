"""End to end with a real Celery worker: notices from escalation, mandates and meetings appear
in the recipient's list once each, are marked read when opened, and their e-mails (sent by
the worker) carry absolute links to the object and to the choices."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from escalation import services as escalation_services
from kernel.models import Notification
from mandates.tasks import mandate_reminders
from meetings.services import action_item_create
from tests.celery_worker import celery_worker_process, emails, wait_for
from tests.escalation.conftest import case, follower_user, operative_chair  # noqa: F401
from tests.factories import MandateFactory, MeetingFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
SITE = "https://samverkan.example.se"


@pytest.fixture
def site(settings, monkeypatch):
    """The same site address here and in the worker (which reads it from the environment)."""
    monkeypatch.setenv("SITE_URL", SITE)
    settings.SITE_URL = SITE


def _body(message):
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def test_notices_from_three_apps_are_listed_once_opened_and_emailed_with_absolute_links(
    site,
    tmp_path,
    case,  # noqa: F811
    operative_chair,  # noqa: F811
    follower_user,  # noqa: F811
    operative_forum,
    secretariat_user,
    representative_user,
):
    with celery_worker_process(tmp_path) as mail_dir:
        # escalation: the follower hears the case was escalated (the worker notifies)
        escalation_services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
        # mandates: the nightly run tells the secretariat a mandate ends soon
        MandateFactory(
            forum=operative_forum, valid_to=timezone.localdate() + datetime.timedelta(days=10)
        )
        mandate_reminders.delay()
        # meetings: an action item for the representative
        meeting = MeetingFactory(forum=operative_forum)
        action_item_create(
            actor=secretariat_user,
            meeting=meeting,
            title="Skicka underlaget",
            assignee=representative_user,
            due_date=timezone.localdate() + datetime.timedelta(days=20),
        )
        expected = {
            follower_user: Notification.Kind.CASE,
            secretariat_user: Notification.Kind.MANDATE,
            representative_user: Notification.Kind.ACTION_ITEM,
        }

        def all_emailed():
            notices = Notification.objects.filter(
                recipient__in=expected, kind__in=expected.values()
            )
            return {(n.recipient, n.kind) for n in notices} >= set(
                expected.items()
            ) and not notices.filter(emailed_at__isnull=True).exists()

        assert wait_for(all_emailed, seconds=90), "the worker did not notify and e-mail in time"
        messages = emails(mail_dir)

    for person, kind in expected.items():
        (notice,) = Notification.objects.filter(recipient=person, kind=kind)
        # The e-mail to the person links to the object and to the choices, absolutely.
        bodies = [_body(m) for m in messages if m["To"] == person.email]
        assert any(f"{SITE}{notice.link}" in body for body in bodies), (kind, bodies)
        assert all(f"{SITE}/aviseringar/installningar/" in body for body in bodies)
        assert not any(f" {notice.link}" in body for body in bodies)  # no relative path left
        # The list shows it once; opening it marks it read and leads to its object.
        client = Client()
        client.force_login(person)
        page = client.get(reverse("notifications:notification_list")).content.decode()
        opened = reverse("notifications:notification_open", args=[notice.pk])
        assert page.count(f'href="{opened}"') == 1, kind
        response = client.get(opened)
        assert response.status_code == 302 and response["Location"] == notice.link
        notice.refresh_from_db()
        assert notice.read_at is not None
