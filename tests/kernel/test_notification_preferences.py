"""Each person's choice per kind is honoured: e-mail at once, in the daily digest, or in the
portal only; e-mails carry absolute links to the object and to the choices."""

import pytest

from kernel.digest import digest_recipient_ids, notification_digest_send_now
from kernel.history import system_user
from kernel.models import Notification, NotificationPreference
from kernel.services import notification_create, notification_preference_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Kind = Notification.Kind
Channel = NotificationPreference.Channel
SITE = "https://samverkan.example.se"
PREFERENCES = f"{SITE}/aviseringar/installningar/"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE + "/"  # a trailing slash makes no double slash


def _notify(person, kind, n=1):
    return notification_create(
        actor=system_user(),
        recipient=person,
        kind=kind,
        title=f"Händelse {kind} {n}",
        body=f"Öppna ärendet: /arenden/SAM-{n}/",
        link=f"/arenden/SAM-{n}/",
        dedup_key=f"test:{kind}:{n}",
    )


def _choose(person, kind, channel):
    notification_preference_set(actor=person, person=person, kind=kind, delivery=channel)


@pytest.fixture
def person():
    return UserFactory(email="karin@example.se")


def test_by_default_a_notice_is_emailed_at_once_with_absolute_links(
    person, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person, Kind.MANDATE)
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert f"{SITE}/arenden/SAM-1/" in body
    assert " /arenden/" not in body  # the relative path is made absolute, not repeated
    assert PREFERENCES in body


def test_a_notice_without_its_path_in_the_text_gets_an_open_link(
    person, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification_create(
            actor=system_user(), recipient=person, kind=Kind.ACTION_ITEM, title="Åtgärd",
            body="Senast fredag.", link="/moten/7/",
        )  # fmt: skip
    assert f"Öppna: {SITE}/moten/7/" in mailoutbox[0].body


def test_the_digest_kind_waits_for_the_digest_and_the_portal_kind_is_never_emailed(
    person, mailoutbox, django_capture_on_commit_callbacks
):
    _choose(person, Kind.CASE, Channel.DAILY)
    _choose(person, Kind.MINUTES, Channel.PORTAL)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person, Kind.CASE, 1)
        _notify(person, Kind.CASE, 2)
        _notify(person, Kind.MINUTES, 3)
        _notify(person, Kind.ACTION_ITEM, 4)  # no choice: at once
    assert [mail.subject for mail in mailoutbox] == ["Händelse action_item 4"]
    mailoutbox.clear()

    assert digest_recipient_ids() == [person.pk]
    assert notification_digest_send_now(actor=system_user(), user_id=person.pk) == 2
    (digest,) = mailoutbox
    assert "Händelse case 1" in digest.body and "Händelse case 2" in digest.body
    assert "Händelse minutes" not in digest.body
    assert f"{SITE}/arenden/SAM-1/" in digest.body and f"{SITE}/arenden/SAM-2/" in digest.body
    assert PREFERENCES in digest.body
    # The portal-only notice is in the portal, not e-mailed, and not pending for a digest.
    portal = Notification.objects.get(recipient=person, kind=Kind.MINUTES)
    assert portal.emailed_at is None
    assert digest_recipient_ids() == []


def test_a_notice_read_in_the_portal_is_not_in_the_digest(person, mailoutbox):
    _choose(person, Kind.CASE, Channel.DAILY)
    notice = _notify(person, Kind.CASE)
    notice.read_at = notice.created_at
    notice.save()
    assert digest_recipient_ids() == []
    assert notification_digest_send_now(actor=system_user(), user_id=person.pk) == 0
    assert mailoutbox == []


def test_someone_who_wants_everything_at_once_gets_no_digest(person):
    notice = _notify(person, Kind.CASE)  # its e-mail at once is not sent here (no commit)
    assert notice.emailed_at is None
    assert digest_recipient_ids() == []
    assert notification_digest_send_now(actor=system_user(), user_id=person.pk) == 0
