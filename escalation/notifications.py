"""Who hears of a case event, what they are told, and the daily digest of notifications.

Followers hear of every change of state, escalation, scheduling and feedback. The leaders
(chair, vice chair, secretary) of a forum also hear when a case arrives there (raised or
escalated), and the leaders of every forum on the path when the feedback comes back down.
Each person gets one in-app notification per event (the notification's dedup key); the
e-mail is sent by Celery after the commit, or in the daily digest for those who chose it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from guardian.utils import get_user_obj_perms_model

from forums.models import Forum
from samverkan.models import Notification
from samverkan.services import notification_create, save_with_history

from .models import CaseEvent
from .selectors import case_path

Kind = CaseEvent.Kind

# Events that nobody is notified of (the timeline still shows them).
SILENT_KINDS = {Kind.ATTACHMENT_ADDED}


def _leaders_of(forum_ids):
    """Ids of the people holding lead_forum on any of the forums (one query)."""
    return (
        get_user_obj_perms_model()
        .objects.filter(
            content_type=ContentType.objects.get_for_model(Forum),
            permission__codename="lead_forum",
            object_pk__in=[str(pk) for pk in forum_ids],
        )
        .values("user_id")
    )


def case_event_recipients(event):
    """The people to notify of an event: followers and, by kind, forum leaders; not the actor."""
    if event.kind in SILENT_KINDS:
        return []
    User = get_user_model()
    wanted = User.objects.filter(follows__case_id=event.case_id)
    forum_ids = []
    if event.kind in (Kind.RAISED, Kind.ESCALATED) and event.to_forum_id:
        forum_ids = [event.to_forum_id]
    elif event.kind == Kind.FEEDBACK_GIVEN:
        forum_ids = [forum.pk for forum in case_path(event.case)]
    if forum_ids:
        wanted = User.objects.filter(
            Exists(event.case.follows.filter(user=OuterRef("pk")))
            | Exists(_leaders_of(forum_ids).filter(user_id=OuterRef("pk")))
        )
    return list(wanted.filter(is_active=True).exclude(pk=event.actor_id).order_by("pk"))


def _title(event):
    case = event.case
    values = {
        "reference": case.reference,
        "forum": event.to_forum,
        "from_forum": event.from_forum,
    }
    titles = {
        Kind.RAISED: _("New case %(reference)s in %(forum)s"),
        Kind.STATUS_CHANGED: _("%(reference)s is being prepared in %(forum)s"),
        Kind.SCHEDULED: _("%(reference)s is on an agenda in %(forum)s"),
        Kind.DECIDED: _("%(reference)s was decided in %(forum)s"),
        Kind.REFERRED_BACK: _("%(reference)s was referred back in %(forum)s"),
        Kind.REMOVED: _("%(reference)s was removed in %(forum)s"),
        Kind.ESCALATED: _("%(reference)s was escalated to %(forum)s"),
        Kind.FEEDBACK_GIVEN: _("Feedback on %(reference)s from %(from_forum)s"),
        Kind.FEEDBACK_ACKNOWLEDGED: _("%(reference)s is closed: the feedback was acknowledged"),
        Kind.CLOSED: _("%(reference)s is closed"),
    }
    return titles.get(event.kind, "%(reference)s") % values


def _body(event):
    case = event.case
    lines = [
        f"{case.reference} {case.title}",
        _("%(kind)s by %(actor)s, %(when)s.")
        % {
            "kind": event.get_kind_display(),
            "actor": event.actor,
            "when": date_format(timezone.localtime(event.at), "DATETIME_FORMAT"),
        },
    ]
    if event.kind == Kind.ESCALATED:
        lines.append(
            _("From %(from)s to %(to)s.") % {"from": event.from_forum, "to": event.to_forum}
        )
    if event.reason:
        lines += ["", event.reason]
    lines += ["", _("Open the case: %(link)s") % {"link": case.get_absolute_url()}]
    return "\n".join(lines)


def case_event_notify_now(*, event_id):
    """Notify everyone who should hear of the event, once each (safe to run again)."""
    event = CaseEvent.objects.select_related(
        "case__origin_forum", "actor", "from_forum", "to_forum"
    ).get(pk=event_id)
    sent = []
    with translation.override(settings.LANGUAGE_CODE):
        title, body = _title(event), _body(event)
        for person in case_event_recipients(event):
            sent.append(
                notification_create(
                    actor=event.actor,
                    recipient=person,
                    title=title[:300],
                    body=body,
                    link=event.case.get_absolute_url(),
                    dedup_key=f"case-event:{event.pk}",
                )
            )
    return sent


# --- The daily digest ------------------------------------------------------------------------


def _pending(user_id):
    return Notification.objects.filter(recipient_id=user_id, emailed_at__isnull=True)


def digest_recipient_ids():
    """People who chose the daily digest, have an address and something not yet e-mailed."""
    User = get_user_model()
    pending = Notification.objects.filter(recipient=OuterRef("pk"), emailed_at__isnull=True)
    return list(
        User.objects.filter(notification_frequency=User.NotificationFrequency.DAILY, is_active=True)
        .exclude(email="")
        .filter(Exists(pending))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def notification_digest_send_now(*, actor, user_id):
    """E-mail one person their notifications not yet e-mailed, in one message.

    Idempotent: the notifications are locked and marked as e-mailed in the same transaction,
    so a second run (or a retried task) finds nothing to send.
    """
    User = get_user_model()
    person = User.objects.get(pk=user_id)
    if not person.email or person.notification_frequency != User.NotificationFrequency.DAILY:
        return 0
    notifications = list(_pending(user_id).select_for_update().order_by("created_at", "id"))
    if not notifications:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        count = len(notifications)
        subject = ngettext(
            "Samverkan: %(count)d new notification",
            "Samverkan: %(count)d new notifications",
            count,
        ) % {"count": count}
        parts = []
        for notification in notifications:
            text = notification.title
            if notification.body:
                text += "\n" + notification.body
            parts.append(text)
        body = ("\n\n" + "-" * 40 + "\n\n").join(parts)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[person.email])
    now = timezone.now()
    for notification in notifications:
        notification.emailed_at = now
        save_with_history(
            notification, actor=actor, reason="e-mailed in the daily digest",
            update_fields=["emailed_at"],
        )  # fmt: skip
    return count
