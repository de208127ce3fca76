"""Who hears of a case event, e-mails after commit (a real Celery worker), the daily digest."""

import pytest
from django.conf import settings
from django.db import transaction

from escalation import services
from escalation.models import CaseEvent
from escalation.notifications import case_event_notify_now, case_event_recipients
from escalation.tasks import case_event_notify
from kernel.models import Notification
from kernel.services import notification_preference_set
from kernel.tasks import notification_digest_send
from tests.celery_worker import wait_for
from tests.escalation.factories import pdf_upload

Kind = CaseEvent.Kind


def _notified(event):
    return set(
        Notification.objects.filter(dedup_key=f"case-event:{event.pk}").values_list(
            "recipient__username", flat=True
        )
    )


# --- Who is told, once, after the commit -----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_followers_are_notified_after_commit_once_each(
    case, operative_chair, chair_user, representative_user, follower_user, mailoutbox
):
    mailoutbox.clear()
    with transaction.atomic():
        case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
        event = case.events.get(kind=Kind.ESCALATED)
        assert _notified(event) == set()  # nothing before the commit
        assert mailoutbox == []
    # followers, and the leaders of the forum the case came to; never the actor
    assert _notified(event) == {"ledamot", "foljare", "ordf"}
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "foljare@example.org",
        "ledamot@example.org",
        "ordf@example.org",
    ]
    assert all(case.reference in mail.subject for mail in mailoutbox)
    # A second delivery of the same task (a retry) notifies and e-mails nobody again.
    case_event_notify.apply(args=[event.pk])
    assert Notification.objects.filter(dedup_key=f"case-event:{event.pk}").count() == 3
    assert len(mailoutbox) == 3


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_when_the_transaction_rolls_back(case, operative_chair, mailoutbox):
    mailoutbox.clear()
    before = Notification.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
        raise RuntimeError
    assert Notification.objects.count() == before
    assert mailoutbox == []
    assert not CaseEvent.objects.filter(kind=Kind.ESCALATED).exists()


@pytest.mark.django_db
def test_who_hears_of_what(
    case,
    operative_chair,
    chair_user,
    strategic_chair,
    representative_user,
    follower_user,
    django_capture_on_commit_callbacks,
):
    def recipients(kind):
        event = case.events.filter(kind=kind).latest("at")
        return {person.username for person in case_event_recipients(event)}

    # Raised: the leaders of the forum hear of the new case, and (asked now) the follower.
    assert recipients(Kind.RAISED) == {"opchair", "foljare"}
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    assert recipients(Kind.ESCALATED) == {"ledamot", "foljare", "ordf"}
    case = services.case_escalate(actor=chair_user, case=case, reason="Högre")
    case = services.case_start_preparation(actor=strategic_chair, case=case)
    assert recipients(Kind.STATUS_CHANGED) == {"ledamot", "foljare"}
    case = services.case_schedule(actor=strategic_chair, case=case)
    assert recipients(Kind.SCHEDULED) == {"ledamot", "foljare"}
    case = services.case_decide(actor=strategic_chair, case=case, outcome="Enighet")
    case = services.case_give_feedback(actor=strategic_chair, case=case, feedback="Enighet")
    # Feedback: every forum on the path hears of it through its leaders.
    assert recipients(Kind.FEEDBACK_GIVEN) == {"ledamot", "foljare", "opchair", "ordf"}
    services.case_attachment_add(actor=representative_user, case=case, upload=pdf_upload())
    assert recipients(Kind.ATTACHMENT_ADDED) == set()


@pytest.mark.django_db
def test_the_notification_says_what_happened(case, operative_chair, follower_user):
    from django.utils import translation

    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    event = case.events.get(kind=Kind.ESCALATED)
    with translation.override("en"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "LANGUAGE_CODE", "en")
        (notification,) = [
            n for n in case_event_notify_now(event_id=event.pk) if n.recipient == follower_user
        ]
    assert notification.title == f"{case.reference} was escalated to Samordningsgruppen"
    assert "Berör fler" in notification.body and case.get_absolute_url() in notification.body
    assert notification.link == case.get_absolute_url()


# --- The daily digest ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_daily_digest_sends_one_email_of_everything_not_yet_emailed(
    case, operative_chair, follower_user, representative_user, mailoutbox
):
    notification_preference_set(
        actor=follower_user, person=follower_user, kind=Notification.Kind.CASE, delivery="daily"
    )
    mailoutbox.clear()
    case = services.case_start_preparation(actor=operative_chair, case=case)
    case = services.case_schedule(actor=operative_chair, case=case)
    # The representative wants e-mails at once; the follower waits for the digest.
    assert {mail.to[0] for mail in mailoutbox} == {"ledamot@example.org"}
    pending = Notification.objects.filter(recipient=follower_user, emailed_at__isnull=True)
    assert pending.count() == 2

    mailoutbox.clear()
    assert notification_digest_send.apply(throw=True).result == 1  # one person to e-mail
    assert len(mailoutbox) == 1
    digest = mailoutbox[0]
    assert digest.to == ["foljare@example.org"]
    assert all(n.title in digest.body for n in Notification.objects.filter(recipient=follower_user))
    assert not pending.exists()
    assert (
        Notification.history.filter(
            recipient=follower_user, emailed_at__isnull=False, history_user__username="system"
        ).count()
        == 2
    )

    # Idempotent: the next run (or a retry) sends nothing.
    assert notification_digest_send.apply(throw=True).result == 0
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_digest_is_scheduled_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-daily-digest"]
    assert entry["task"] == "kernel.tasks.notification_digest_send"
    assert notification_digest_send.name == entry["task"]


def test_notifying_is_retried_on_database_and_mail_errors():
    from django.db import OperationalError

    assert OperationalError in case_event_notify.autoretry_for
    assert OSError in case_event_notify.autoretry_for
    assert case_event_notify.max_retries == 5


# --- A real worker ---------------------------------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_emails_the_followers_of_an_escalation(
    case, operative_chair, follower_user, representative_user, celery_worker
):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    event = case.events.get(kind=Kind.ESCALATED)
    sent = Notification.objects.filter(dedup_key=f"case-event:{event.pk}", emailed_at__isnull=False)

    assert wait_for(lambda: sent.count() == 2), "no e-mail to both followers"
    assert wait_for(lambda: celery_worker.exists() and len(list(celery_worker.iterdir())) >= 2)
    mails = "\n".join(path.read_text() for path in celery_worker.iterdir())
    assert mails.count("Subject:") == 2
    assert "foljare@example.org" in mails and "ledamot@example.org" in mails
    assert case.reference in mails
    assert all(n.history.first().history_user.username == "system" for n in sent)
