"""Minutes of a meeting and their approvals (R15); locked once approved."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.transitions import TransitionsMixin
from kernel.visibility import RestrictedQuerySet

from .meetings import Meeting


class Minutes(TransitionsMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_APPROVAL = "in_approval", _("In approval")
        APPROVED = "approved", _("Approved")

    TRANSITIONS = {
        Status.DRAFT: {Status.IN_APPROVAL},
        Status.IN_APPROVAL: {Status.DRAFT, Status.APPROVED},
        Status.APPROVED: set(),
    }

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="minutes"
    )
    amends = models.ForeignKey(
        "self",
        verbose_name=_("addendum to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addenda",
    )
    body = BoundedTextField(_("minutes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("sent for approval"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ("meeting", "created_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(amends__isnull=True), name="minutes_one_per_meeting"
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="minutes_approved_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} – {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("meetings:minutes_detail", kwargs={"pk": self.pk})

    @property
    def is_locked(self):
        return self.status == self.Status.APPROVED


class MinutesApproval(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        OTHER_PARTY_MEMBER = "other_party_member", _("Member of the other party")

    minutes = models.ForeignKey(
        Minutes, verbose_name=_("minutes"), on_delete=models.PROTECT, related_name="approvals"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="minutes_approvals",
    )
    role = models.CharField(_("approves as"), max_length=30, choices=Role.choices)
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes approval")
        verbose_name_plural = _("minutes approvals")
        ordering = ("minutes", "approved_at", "id")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "person"], name="approval_once_per_person"),
            models.UniqueConstraint(fields=["minutes", "role"], name="approval_once_per_role"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class MinutesSeal(models.Model):
    """Approved minutes frozen at their final approval (R15): the snapshot of what they record,
    the PDF produced once from it, and the SHA-256 of both. Never changed (database triggers
    refuse it); a correction is an addendum with a seal of its own."""

    minutes = models.OneToOneField(
        Minutes, verbose_name=_("minutes"), on_delete=models.PROTECT, related_name="seal"
    )
    snapshot = models.JSONField(_("snapshot"))
    snapshot_sha256 = models.CharField(_("SHA-256 of the snapshot"), max_length=64, unique=True)
    pdf = models.BinaryField(_("PDF"))
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, unique=True)
    sealed_at = models.DateTimeField(_("sealed"))

    history = HistoricalRecords(excluded_fields=["pdf"])

    class Meta:
        verbose_name = _("minutes seal")
        verbose_name_plural = _("minutes seals")
        ordering = ("sealed_at", "id")

    def __str__(self):
        return f"{self.minutes} – {self.pdf_sha256[:12]}"
