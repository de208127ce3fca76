"""What follows from meetings: action items, the yearly reports (R16), calendar feeds."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.transitions import TransitionsMixin
from kernel.visibility import RestrictedQuerySet

from .meetings import AgendaItem, Meeting


class ActionItem(TransitionsMixin, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.OPEN: {Status.DONE, Status.CANCELLED},
        Status.DONE: set(),
        Status.CANCELLED: set(),
    }

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    title = models.CharField(_("what"), max_length=300)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    due_date = models.DateField(_("by when"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ("due_date", "id")
        indexes = [models.Index(fields=["assignee", "status"], name="actionitem_assignee_idx")]

    def __str__(self):
        return self.title


class CalendarToken(models.Model):
    """A secret address for a person's iCal feed: of their own forums, or of one forum.

    Calendar programs cannot log in, so the token is the key. Rotating a token revokes the
    old one (revoked_at); a revoked token serves nothing.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_tokens",
    )
    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the meetings of all the person's forums."),
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ("person", "-created_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "forum"],
                condition=Q(revoked_at__isnull=True, forum__isnull=False),
                name="calendar_token_one_active_per_forum",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(revoked_at__isnull=True, forum__isnull=True),
                name="calendar_token_one_active_personal",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.forum or _('all forums')}"

    @property
    def is_active(self):
        return self.revoked_at is None
