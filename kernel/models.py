from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .fields import BoundedTextField


class User(AbstractUser):
    """A person: secretariat staff, chairs, representatives. Mandates say what they may do."""

    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    publish_email = models.BooleanField(
        _("publish e-mail"), default=False, help_text=_("Shown on the public pages of forums.")
    )
    publish_phone = models.BooleanField(
        _("publish phone"), default=False, help_text=_("Shown on the public pages of forums.")
    )
    # A keyed hash of the Swedish personal identity number (kernel.personal_numbers), for
    # matching an e-ID sign-in; the number itself is never stored.
    personal_identity_number_hash = models.CharField(
        _("personal identity number (keyed hash)"), max_length=64, blank=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ("last_name", "first_name", "username")
        constraints = [
            models.UniqueConstraint(
                fields=["personal_identity_number_hash"],
                condition=~Q(personal_identity_number_hash=""),
                name="user_personal_identity_number_unique",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username


class Notification(models.Model):
    """An in-app notice. `dedup_key` makes sending the same event twice a no-op.

    `link` is a path in the portal; e-mails make it absolute with `settings.SITE_URL`.
    """

    class Kind(models.TextChoices):
        CASE = "case", _("Cases")
        MINUTES = "minutes", _("Minutes to approve")
        ACTION_ITEM = "action_item", _("Action items")
        MANDATE = "mandate", _("Mandates ending")
        DIRECTION_REVIEW = "direction_review", _("Direction documents to review")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = BoundedTextField(_("text"), blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    dedup_key = models.CharField(_("event key"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedup_key"],
                condition=~Q(dedup_key=""),
                name="notification_once_per_event",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self):
        return self.title


class NotificationPreference(models.Model):
    """How one person hears of one kind of notice. No row: `DEFAULT` (an e-mail at once).

    Every notice is in the portal; the choice is only whether, and when, it is e-mailed.
    Written by `kernel.services.notification_preference_set`.
    """

    class Channel(models.TextChoices):
        IMMEDIATE = "immediate", _("E-mail at once")
        DAILY = "daily", _("In a daily digest e-mail")
        PORTAL = "portal", _("In the portal only")

    DEFAULT = Channel.IMMEDIATE

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Notification.Kind.choices)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Channel.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        ordering = ("person", "kind")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"], name="notification_preference_once_per_kind"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.kind} ({self.delivery})"


class Delivery(models.Model):
    """One e-mail of one event to one person, recorded in the transaction that sends it.

    The key names the event (a meeting's notice: `meeting-notice:<id>:<kind>:<sequence>`);
    a task that runs again (a retry, a redelivery after a worker died) finds the people
    already served and skips them, so each gets the e-mail once.
    """

    key = models.CharField(_("event key"), max_length=200)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        ordering = ("-sent_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "recipient"], name="delivery_once_per_recipient"
            ),
        ]

    def __str__(self):
        return f"{self.key} → {self.recipient_id}"
