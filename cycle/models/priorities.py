"""The strategic forum's yearly decision on priority areas (R16, seed 003)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.visibility import RestrictedQuerySet

from .adoption import AdoptedByDecision


class PrioritySet(AdoptedByDecision):
    """The priority areas a strategic forum decides for one year: drafted by the
    secretariat, adopted as one decision item; from then the areas exist for that year."""

    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("forum"),
        on_delete=models.PROTECT,
        related_name="priority_sets",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    introduction = BoundedTextField(_("introduction"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("priority areas of a year")
        verbose_name_plural = _("priority areas of the years")
        ordering = ("forum", "-year")
        constraints = [
            models.UniqueConstraint(fields=["forum", "year"], name="priority_set_once_a_year"),
        ]

    def __str__(self):
        return _("Priority areas %(year)s – %(forum)s") % {"year": self.year, "forum": self.forum}

    def get_absolute_url(self):
        return reverse("cycle:priority_set_detail", kwargs={"pk": self.pk})


class PriorityArea(models.Model):
    """One development area given priority for the year; plans' activities, cases and
    decisions of the structure's forums are linked to it."""

    priority_set = models.ForeignKey(
        PrioritySet,
        verbose_name=_("priority areas"),
        on_delete=models.PROTECT,
        related_name="areas",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = BoundedTextField(_("description"), blank=True)
    cases = models.ManyToManyField(
        "escalation.Case", verbose_name=_("cases"), blank=True, related_name="priority_areas"
    )
    decisions = models.ManyToManyField(
        "meetings.Decision",
        verbose_name=_("decisions"),
        blank=True,
        related_name="priority_areas",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[cases, decisions])

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ("priority_set", "order", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["priority_set", "title"], name="priority_area_unique_title"
            ),
        ]

    def __str__(self):
        return self.title
