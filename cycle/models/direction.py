"""Direction documents between an agency and a collaboration group (R17, seed 003)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.visibility import RestrictedQuerySet

from .adoption import AdoptedByDecision


class DirectionDocument(models.Model):
    """How an agency and a collaboration group work together, decided by the tactical forum
    (`forum`) and drawn up again regularly: each version is adopted by a decision."""

    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="direction_documents",
    )
    agency = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="direction_documents",
    )
    group = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("collaboration group"),
        on_delete=models.PROTECT,
        related_name="direction_documents_as_group",
    )
    title = models.CharField(_("title"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("direction document")
        verbose_name_plural = _("direction documents")
        ordering = ("forum", "title", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "agency", "group"], name="direction_document_once_per_pair"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cycle:direction_document_detail", kwargs={"pk": self.pk})


class DirectionDocumentVersion(AdoptedByDecision):
    """One version of a direction document, with the date by which it is reviewed; when the
    date passes, the forum's leaders and the secretariat are reminded once."""

    document = models.ForeignKey(
        DirectionDocument,
        verbose_name=_("direction document"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = BoundedTextField(_("text"), max_length=100_000)
    review_on = models.DateField(_("review by"))
    review_reminded_at = models.DateTimeField(_("review reminder sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("direction document version")
        verbose_name_plural = _("direction document versions")
        ordering = ("document", "-number")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="direction_version_unique_number"
            ),
        ]

    def __str__(self):
        return _("%(document)s, version %(number)s") % {
            "document": self.document,
            "number": self.number,
        }
