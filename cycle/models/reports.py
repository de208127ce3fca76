"""A forum's annual report, generated from the record, edited, adopted and sealed (R16)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.visibility import RestrictedQuerySet

from .adoption import AdoptedByDecision


class AnnualReport(AdoptedByDecision):
    """The figures are computed from the record whenever the draft is shown; the
    secretariat's texts (one per section, by section key) are stored here. Adoption seals
    the figures and texts into an `AnnualReportSeal`; then it is published on the forum's
    public page, and marked as sent to its principal body."""

    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("forum"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    texts = models.JSONField(_("texts"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_on = models.DateField(_("sent to the principal body"), null=True, blank=True)
    sent_to = models.CharField(_("sent to"), max_length=200, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ("forum", "-year")
        constraints = [
            models.UniqueConstraint(fields=["forum", "year"], name="annual_report_once_a_year"),
        ]

    def __str__(self):
        return _("Annual report %(year)s – %(forum)s") % {"year": self.year, "forum": self.forum}

    def get_absolute_url(self):
        return reverse("cycle:annual_report_detail", kwargs={"pk": self.pk})


class AnnualReportSeal(models.Model):
    """An adopted annual report frozen at adoption: the snapshot of its figures and texts,
    the tagged PDF made once from it, and the SHA-256 of both (as for minutes). Never
    changed (database triggers refuse it)."""

    report = models.OneToOneField(
        AnnualReport,
        verbose_name=_("annual report"),
        on_delete=models.PROTECT,
        related_name="seal",
    )
    snapshot = models.JSONField(_("snapshot"))
    snapshot_sha256 = models.CharField(_("SHA-256 of the snapshot"), max_length=64, unique=True)
    pdf = models.BinaryField(_("PDF"))
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, unique=True)
    sealed_at = models.DateTimeField(_("sealed"))

    history = HistoricalRecords(excluded_fields=["pdf"])

    class Meta:
        verbose_name = _("annual report seal")
        verbose_name_plural = _("annual report seals")
        ordering = ("sealed_at", "id")

    def __str__(self):
        return f"{self.report} – {self.pdf_sha256[:12]}"
