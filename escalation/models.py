import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.transitions import TransitionsMixin
from kernel.visibility import RestrictedQuerySet


class Case(TransitionsMixin, models.Model):
    """A question a forum handles; it may be escalated one tier up at a time (R2)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PREPARATION = "in_preparation", _("In preparation")
        SCHEDULED = "scheduled", _("Scheduled")
        DECIDED = "decided", _("Decided")
        REFERRED_BACK = "referred_back", _("Referred back")
        REMOVED = "removed", _("Removed")
        ESCALATED = "escalated", _("Escalated")
        FEEDBACK_GIVEN = "feedback_given", _("Feedback given")
        CLOSED = "closed", _("Closed")

    class Priority(models.TextChoices):
        LOW = "low", _("Low")
        NORMAL = "normal", _("Normal")
        HIGH = "high", _("High")

    # Allowed status changes. An escalated case is open again at the forum one tier up, so
    # ESCALATED is recorded as an event and the case itself becomes OPEN at the new forum.
    TRANSITIONS = {
        Status.OPEN: {Status.IN_PREPARATION, Status.REMOVED, Status.ESCALATED},
        Status.IN_PREPARATION: {Status.SCHEDULED, Status.REMOVED, Status.ESCALATED},
        Status.SCHEDULED: {
            Status.DECIDED,
            Status.REFERRED_BACK,
            Status.REMOVED,
            Status.ESCALATED,
            Status.IN_PREPARATION,
        },
        Status.REFERRED_BACK: {Status.IN_PREPARATION, Status.REMOVED},
        Status.ESCALATED: {Status.OPEN},
        Status.DECIDED: {Status.FEEDBACK_GIVEN, Status.CLOSED},
        Status.FEEDBACK_GIVEN: {Status.CLOSED},
        Status.REMOVED: set(),
        Status.CLOSED: set(),
    }

    reference = models.CharField(_("reference"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = BoundedTextField(_("description"), blank=True)
    origin_forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("raised in"),
        on_delete=models.PROTECT,
        related_name="originated_cases",
    )
    current_forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("now at"),
        on_delete=models.PROTECT,
        related_name="current_cases",
    )
    organisation = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("from organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("raised by"),
        on_delete=models.PROTECT,
        related_name="raised_cases",
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prepared_cases",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    wished_date = models.DateField(_("wished-for date"), null=True, blank=True)
    outcome = BoundedTextField(_("outcome"), blank=True)
    feedback = BoundedTextField(_("feedback"), blank=True)
    # R1: when its forum is wound down, the secretariat may keep the case there until a day
    # (to finish it) instead of moving or closing it; the wind-down page asks again after it.
    kept_until = models.DateField(_("kept at its wound-down forum until"), null=True, blank=True)
    created_at = models.DateTimeField(_("raised"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    # Grows by one at every change a service makes: a page posts the version it showed, so a
    # change made by someone else meanwhile is noticed instead of being overwritten.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(fields=["current_forum", "status"], name="case_forum_status_idx"),
            models.Index(fields=["raised_by", "status"], name="case_raised_by_idx"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("escalation:case_detail", kwargs={"reference": self.reference})

    @property
    def is_escalated(self):
        """The case has left the forum where it was raised (or come back with feedback)."""
        return self.current_forum_id != self.origin_forum_id

    def next_step(self):
        """What happens next, in words, for the status the case has now."""
        if self.status == self.Status.DECIDED and self.is_escalated:
            return _("The forum that decided gives feedback to the forums on the case's path.")
        return NEXT_STEPS[self.Status(self.status)]


# What happens next, per status (the "My cases" page and the case page show it).
NEXT_STEPS = {
    Case.Status.OPEN: _(
        "Waiting for the chair, vice chair or secretary of the forum to start preparing it."
    ),
    Case.Status.IN_PREPARATION: _(
        "Being prepared; next it is put on the agenda of a meeting of the forum."
    ),
    Case.Status.SCHEDULED: _(
        "On the agenda of a meeting: the forum decides, refers it back, removes it or escalates it."
    ),
    Case.Status.REFERRED_BACK: _("Referred back: it will be prepared again."),
    Case.Status.REMOVED: _("Removed without a decision. Nothing more happens."),
    Case.Status.ESCALATED: _("Escalated: it waits for preparation at the forum one tier up."),
    Case.Status.DECIDED: _("Decided: the forum closes the case."),
    Case.Status.FEEDBACK_GIVEN: _(
        "Feedback given: the forum where the case was raised acknowledges it, which closes "
        "the case."
    ),
    Case.Status.CLOSED: _("Closed. Nothing more happens."),
}


class CaseReferenceCounter(models.Model):
    """The last case number given out per reference prefix and year (SAM-2026-0042).

    The row is locked while a case is raised, so concurrent raisers get distinct numbers;
    a raise that rolls back gives its number back with the rest of its transaction.
    """

    prefix = models.CharField(_("prefix"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case reference counter")
        verbose_name_plural = _("case reference counters")
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="case_counter_unique"),
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class CaseEvent(models.Model):
    """One step in a case's life: who did what, when, from which forum to which, and why."""

    class Kind(models.TextChoices):
        RAISED = "raised", _("Raised")
        STATUS_CHANGED = "status_changed", _("Status changed")
        ESCALATED = "escalated", _("Escalated")
        SCHEDULED = "scheduled", _("Put on an agenda")
        DECIDED = "decided", _("Decided")
        REFERRED_BACK = "referred_back", _("Referred back")
        REMOVED = "removed", _("Removed")
        FEEDBACK_GIVEN = "feedback_given", _("Feedback given")
        FEEDBACK_ACKNOWLEDGED = "feedback_acknowledged", _("Feedback acknowledged")
        CLOSED = "closed", _("Closed")
        ATTACHMENT_ADDED = "attachment_added", _("Attachment added")
        KEPT = "kept", _("Kept at its wound-down forum")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="case_events",
    )
    from_forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("from forum"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    to_forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("to forum"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=Case.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=20, choices=Case.Status.choices, blank=True
    )
    reason = BoundedTextField(_("reason"), blank=True)
    by_meeting_decision = models.BooleanField(_("by a decision at a meeting"), default=False)
    at = models.DateTimeField(_("when"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ("at", "id")
        indexes = [models.Index(fields=["case", "at", "id"], name="caseevent_timeline_idx")]

    def __str__(self):
        return f"{self.case.reference}: {self.get_kind_display()}"


def attachment_upload_to(instance, filename):
    """A random name under cases/<year>/, so that a stored file's name reveals nothing."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"cases/{timezone.now():%Y}/{uuid.uuid4().hex}{suffix}"


class CaseAttachment(models.Model):
    """A file of a case. Served only through the case's download view, never from MEDIA_URL."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=200)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ("uploaded_at", "id")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "escalation:attachment_download",
            kwargs={"reference": self.case.reference, "pk": self.pk},
        )


class Follow(models.Model):
    """A person following a case; followers hear of its changes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "case"], name="follow_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.case.reference}"
