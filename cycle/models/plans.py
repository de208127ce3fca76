"""A forum's yearly action plan and its activities (R16, seed 001)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.transitions import TransitionsMixin
from kernel.visibility import RestrictedQuerySet

from .adoption import AdoptedByDecision


class ActionPlan(AdoptedByDecision):
    """What a forum plans to do in a year: drafted by the secretariat, adopted by the forum
    as a decision, followed up during the year and compared at its end."""

    forum = models.ForeignKey(
        "forums.Forum",
        verbose_name=_("forum"),
        on_delete=models.PROTECT,
        related_name="action_plans",
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
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ("forum", "-year")
        constraints = [
            models.UniqueConstraint(fields=["forum", "year"], name="action_plan_once_a_year"),
        ]

    def __str__(self):
        return _("Action plan %(year)s – %(forum)s") % {"year": self.year, "forum": self.forum}

    def get_absolute_url(self):
        return reverse("cycle:action_plan_detail", kwargs={"pk": self.pk})


class Activity(TransitionsMixin, models.Model):
    """One activity of an action plan, with its owner, timing, status and what it serves."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Done")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.PLANNED: {Status.ONGOING, Status.DONE, Status.POSTPONED, Status.CANCELLED},
        Status.ONGOING: {Status.DONE, Status.POSTPONED, Status.CANCELLED},
        Status.POSTPONED: {Status.PLANNED, Status.ONGOING, Status.CANCELLED},
        Status.DONE: set(),
        Status.CANCELLED: set(),
    }

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = BoundedTextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_activities",
    )
    owner_organisation = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    status_note = BoundedTextField(_("follow-up note"), blank=True)
    added_after_adoption = models.BooleanField(_("added during the year"), default=False)
    assignment_items = models.ManyToManyField(
        "forums.AssignmentItem",
        verbose_name=_("charter assignments"),
        blank=True,
        related_name="activities",
    )
    priority_areas = models.ManyToManyField(
        "cycle.PriorityArea",
        verbose_name=_("priority areas"),
        blank=True,
        related_name="activities",
    )
    cases = models.ManyToManyField(
        "escalation.Case", verbose_name=_("cases"), blank=True, related_name="activities"
    )
    action_items = models.ManyToManyField(
        "meetings.ActionItem",
        verbose_name=_("action items"),
        blank=True,
        related_name="activities",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[assignment_items, priority_areas, cases, action_items])

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ("plan", "order", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="activity_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title
