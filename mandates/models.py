from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Mandate(models.Model):
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
    scope = models.TextField(_("scope of the mandate"), blank=True)
    document = models.FileField(_("signed document"), upload_to="mandates/%Y/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

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

    def can_become(self, status):
        return status in self.TRANSITIONS[self.Status(self.status)]

    def is_current_on(self, day):
        return (
            self.status == self.Status.ACTIVE
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )
