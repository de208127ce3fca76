"""Writes of notifications: in the app, and by e-mail at once; e-mails sent once per person."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .history import save_with_history
from .models import Delivery, Notification, NotificationPreference


def stable_message_id(key):
    """A Message-ID that is the same each time the same e-mail is sent: should a send ever
    be repeated (the process died between the mail server's yes and the commit), mail
    programs see the same message and show it once."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<{digest}@{domain}>"


@transaction.atomic
def email_send_once(*, key, recipient, message):
    """Send `message` to `recipient` unless the event `key` was delivered to them already.

    The delivery is recorded with the send, in one transaction: the row is inserted first
    (a second run of the same task, say a redelivery while the first still runs, waits on
    the unique index and then skips the person), the e-mail goes out, and the commit
    records it. An e-mail that fails rolls the row back, so a retry sends it. Returns True
    if the e-mail was sent now.
    """
    try:
        with transaction.atomic():
            Delivery.objects.create(key=key, recipient=recipient, sent_at=timezone.now())
    except IntegrityError:
        return False
    message.extra_headers.setdefault("Message-ID", stable_message_id(f"{key}:{recipient.pk}"))
    message.send()
    return True


def absolute_url(path):
    """`path` in the portal as a URL a mail program can open (`settings.SITE_URL`)."""
    return settings.SITE_URL.rstrip("/") + path


def preferences_url():
    """Where a person changes how they hear of each kind of notice (samverkan.notifications;
    named, not imported: the kernel knows only the URL's name)."""
    return absolute_url(reverse("notifications:notification_preferences"))


def notification_email_text(notification):
    """A notice as e-mail text: its body with the portal's paths made absolute, and a link
    to its object."""
    text = notification.body
    if notification.link:
        url = absolute_url(notification.link)
        if notification.link in text:
            text = text.replace(notification.link, url)
        else:
            text = (text + "\n\n" if text else "") + _("Open: %(link)s") % {"link": url}
    return text


def preferences_footer():
    return _("Choose which notices you get by e-mail: %(link)s") % {"link": preferences_url()}


def notification_delivery(person, kind):
    """How `person` wants to hear of notices of `kind` (NotificationPreference.Channel)."""
    chosen = (
        NotificationPreference.objects.filter(person=person, kind=kind)
        .values_list("delivery", flat=True)
        .first()
    )
    return chosen or NotificationPreference.DEFAULT


def notification_deliveries(person):
    """{kind: channel} for every kind, defaults included."""
    chosen = dict(
        NotificationPreference.objects.filter(person=person).values_list("kind", "delivery")
    )
    return {kind: chosen.get(kind, NotificationPreference.DEFAULT) for kind in Notification.Kind}


@transaction.atomic
def notification_preference_set(*, actor, person, kind, delivery):
    """Say how `person` hears of notices of `kind`. Only the person themself chooses."""
    if actor.pk != person.pk:
        raise PermissionDenied
    if kind not in Notification.Kind.values:
        raise ValidationError({"kind": [_("Choose a kind of notice.")]})
    if delivery not in NotificationPreference.Channel.values:
        raise ValidationError({"delivery": [_("Choose how you want to hear of it.")]})
    preference = (
        NotificationPreference.objects.select_for_update().filter(person=person, kind=kind).first()
    )
    if preference is None:
        preference = NotificationPreference(person=person, kind=kind, delivery=delivery)
    elif preference.delivery == delivery:
        return preference
    preference.delivery = delivery
    return save_with_history(preference, actor=actor, reason="notification preference")


@transaction.atomic
def notification_create(*, actor, recipient, kind, title, body="", link="", dedup_key=""):
    """Notify a person in the app, and by e-mail after commit if they want it at once.

    `kind` (Notification.Kind) says which of the person's choices applies.

    A non-empty `dedup_key` names the event: notifying the same person of the same event
    again returns the existing notification and sends nothing.
    """
    if dedup_key:
        existing = Notification.objects.filter(recipient=recipient, dedup_key=dedup_key).first()
        if existing is not None:
            # A run that died after the commit but before the e-mail task was queued left
            # the notification without its e-mail: queue it again (the send is idempotent).
            if existing.emailed_at is None:
                _email_after_commit(existing, recipient)
            return existing
    # The body quotes what people wrote (a reason, a description): cut it to the bound.
    body = body[: Notification._meta.get_field("body").max_length]
    notification = Notification(
        recipient=recipient, kind=kind, title=title, body=body, link=link, dedup_key=dedup_key
    )
    save_with_history(notification, actor=actor, reason="notification created")
    _email_after_commit(notification, recipient)
    return notification


def _email_after_commit(notification, recipient):
    if not recipient.email:
        return
    channel = notification_delivery(recipient, notification.kind)
    if channel == NotificationPreference.Channel.IMMEDIATE:
        from .tasks import notification_email_send

        notification_email_send.delay_on_commit(notification.pk)


@transaction.atomic
def notification_email_send_now(*, actor, notification_id):
    """E-mail one notification; a notification already e-mailed is not sent again."""
    notification = (
        Notification.objects.select_for_update().select_related("recipient").get(pk=notification_id)
    )
    if notification.emailed_at is not None:
        return notification
    with translation.override(settings.LANGUAGE_CODE):
        body = notification_email_text(notification) + "\n\n-- \n" + preferences_footer()
    EmailMessage(
        subject=notification.title,
        body=body,
        to=[notification.recipient.email],
        headers={"Message-ID": stable_message_id(f"notification:{notification.pk}")},
    ).send()
    notification.emailed_at = timezone.now()
    return save_with_history(
        notification, actor=actor, reason="notification e-mailed", update_fields=["emailed_at"]
    )
