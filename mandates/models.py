from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.transitions import TransitionsMixin
from kernel.visibility import RestrictedQuerySet


class Mandate(TransitionsMixin, models.Model):
    """A person's authority to sit in a forum, for an organisation, in a role, for a term."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice chair")
        MEMBER = "member", _("Member")
        DEPUTY = "deputy", _("Deputy")
        SECRETARY = "secretary", _("Secretary")
        CO_OPTED = "co_opted", _("Co-opted")
        CONTACT_PERSON = "contact_person", _("Contact person")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")
        REVOKED = "revoked", _("Revoked")

    # Allowed status changes; services refuse anything else (InvalidTransition).
    TRANSITIONS = {
        Status.PROPOSED: {Status.ACTIVE, Status.REVOKED},
        Status.ACTIVE: {Status.ENDED, Status.REVOKED},
        Status.ENDED: set(),
        Status.REVOKED: set(),
    }
    # Roles that hold a seat of their organisation or party (R5).
    SEAT_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="mandates",
    )
    forum = models.ForeignKey(
        "forums.Forum", verbose_name=_("forum"), on_delete=models.PROTECT, related_name="mandates"
    )
    organisation = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("organisation represented"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    deputy_for = models.ForeignKey(
        "self",
        verbose_name=_("deputy for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deputies",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("appointed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointed_mandates",
    )
    nominated_by = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominated_mandates",
    )
    scope = BoundedTextField(_("scope of the mandate"), blank=True)
    document = models.FileField(_("signed document"), upload_to="mandates/%Y/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ("forum", "role", "valid_from", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="mandate_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["forum"],
                condition=Q(role="chair", status="active"),
                name="mandate_one_active_chair",
            ),
            models.UniqueConstraint(
                fields=["forum"],
                condition=Q(role="vice_chair", status="active"),
                name="mandate_one_active_vice_chair",
            ),
            models.CheckConstraint(
                condition=Q(deputy_for__isnull=True) | Q(role="deputy"),
                name="mandate_only_deputy_stands_in",
            ),
            models.CheckConstraint(
                condition=~Q(deputy_for=F("pk")), name="mandate_not_deputy_for_itself"
            ),
        ]
        indexes = [
            models.Index(fields=["person", "status"], name="mandate_person_status_idx"),
            models.Index(fields=["forum", "status"], name="mandate_forum_status_idx"),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.forum}"

    def get_absolute_url(self):
        return reverse("mandates:mandate_detail", kwargs={"pk": self.pk})

    def is_current_on(self, day):
        return (
            self.status == self.Status.ACTIVE
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )


class Invitation(models.Model):
    """An e-mail inviting a registered person to set their password (once, until it expires).

    The link carries Django's password-reset token: it works once, because the token hashes
    the password and the last login, and it expires after INVITATION_TIMEOUT_DAYS.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    base_url = models.CharField(_("address of the portal"), max_length=300)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ("-created_at", "-id")

    def __str__(self):
        return f"{self.person} ({self.created_at:%Y-%m-%d})"


class MandateImport(TransitionsMixin, models.Model):
    """A CSV or Excel file of people and mandates: previewed row by row, then confirmed."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        VALIDATING = "validating", _("Checking the rows")
        PREVIEWED = "previewed", _("Ready to confirm")
        SAVING = "saving", _("Saving")
        DONE = "done", _("Saved")
        FAILED = "failed", _("Failed")

    TRANSITIONS = {
        Status.UPLOADED: {Status.VALIDATING, Status.FAILED},
        Status.VALIDATING: {Status.PREVIEWED, Status.FAILED},
        Status.PREVIEWED: {Status.SAVING, Status.FAILED},
        Status.SAVING: {Status.DONE, Status.FAILED},
        Status.DONE: set(),
        Status.FAILED: set(),
    }
    RUNNING = (Status.UPLOADED, Status.VALIDATING, Status.SAVING)

    structure = models.ForeignKey(
        "forums.Structure",
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="mandate_imports",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to="mandate-imports/%Y/")
    file_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    progress = models.PositiveSmallIntegerField(_("progress (per cent)"), default=0)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    valid_count = models.PositiveIntegerField(_("valid rows"), default=0)
    saved_count = models.PositiveIntegerField(_("saved rows"), default=0)
    error = BoundedTextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mandate import")
        verbose_name_plural = _("mandate imports")
        ordering = ("-created_at", "-id")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="mandate_import_progress_percent"
            ),
        ]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("mandates:import_detail", kwargs={"pk": self.pk})

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def invalid_count(self):
        return self.row_count - self.valid_count


class MandateImportRow(models.Model):
    """One row of an import file as read, with why it is not valid, and what it became.

    Rows are written and updated in batches with simple-history's *_with_history helpers,
    so that an import of thousands of rows stays fast and still keeps its history.
    """

    mandate_import = models.ForeignKey(
        MandateImport, verbose_name=_("import"), on_delete=models.CASCADE, related_name="rows"
    )
    number = models.PositiveIntegerField(_("row"))
    data = models.JSONField(_("values"), default=dict)
    errors = models.JSONField(_("problems"), default=list, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mandate = models.ForeignKey(
        Mandate,
        verbose_name=_("mandate"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("import row")
        verbose_name_plural = _("import rows")
        ordering = ("mandate_import", "number")
        constraints = [
            models.UniqueConstraint(
                fields=["mandate_import", "number"], name="mandate_import_row_unique"
            ),
        ]

    def __str__(self):
        return f"{self.mandate_import}: {self.number}"

    @property
    def is_valid(self):
        return not self.errors
