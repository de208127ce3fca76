"""A meeting and what happens at it: the agenda, attendance and decisions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.transitions import TransitionsMixin
from kernel.visibility import RestrictedQuerySet


class Meeting(TransitionsMixin, models.Model):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary")
        EXTRA = "extra", _("Extra (called by the chair)")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONVENED = "convened", _("Convened")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.PLANNED: {Status.CONVENED, Status.CANCELLED},
        Status.CONVENED: {Status.HELD, Status.CANCELLED},
        Status.HELD: set(),
        Status.CANCELLED: set(),
    }

    forum = models.ForeignKey(
        "forums.Forum", verbose_name=_("forum"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("called by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_reason = BoundedTextField(_("reason for cancelling"), blank=True)
    # Who hosts the meeting (record only: each organisation pays for its own participants and
    # hosting is shared fairly over the years; the follow-up counts it).
    host_organisation = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("host of the meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
    )
    # Calendar programs update an event only when its SEQUENCE grows.
    ical_sequence = models.PositiveIntegerField(_("calendar version"), default=0)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ("-starts_at", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["forum", "starts_at"], name="meeting_forum_start_idx")]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", kwargs={"pk": self.pk})

    @property
    def display_name(self):
        """The meeting's one name wherever it is named: its forum's name and its title, or the
        forum and the day for a meeting without a title ("SRO: Sammanträde 4/2026", "SRO
        2026-04-02"). It reads the forum: lists select_related("forum")."""
        forum = self.forum.name
        if self.title:
            return f"{forum}: {self.title}"
        return f"{forum} {timezone.localtime(self.starts_at):%Y-%m-%d}"

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    @property
    def can_convene(self):
        return self.can_become(self.Status.CONVENED)

    @property
    def can_be_marked_held(self):
        """The table allows it and the meeting has started (not before it takes place)."""
        return self.can_become(self.Status.HELD) and self.has_started()

    @property
    def can_cancel(self):
        return self.can_become(self.Status.CANCELLED)

    @property
    def is_open_for_agenda(self):
        return self.status in (self.Status.PLANNED, self.Status.CONVENED)

    @property
    def is_open_for_record(self):
        return self.status in (self.Status.CONVENED, self.Status.HELD)


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information")
        DISCUSSION = "discussion", _("Discussion")
        DECISION = "decision", _("Decision")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = BoundedTextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION
    )
    case = models.ForeignKey(
        "escalation.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    co_opted = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-opted for this item"),
        blank=True,
        related_name="co_opted_items",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[co_opted])

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ("meeting", "order", "id")

    def __str__(self):
        return self.title


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        DEPUTY = "deputy", _("Deputy attending")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    status = models.CharField(_("attendance"), max_length=20, choices=Status.choices)
    stands_in_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("stands in for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ("meeting", "id")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(stands_in_for__isnull=True) | Q(status="deputy"),
                name="attendance_only_deputy_stands_in",
            ),
            # One seat, one person: two deputies cannot stand in for the same member.
            models.UniqueConstraint(
                fields=["meeting", "stands_in_for"],
                condition=Q(stands_in_for__isnull=False),
                name="attendance_one_deputy_per_member",
            ),
            models.CheckConstraint(
                condition=~Q(stands_in_for=F("person")),
                name="attendance_not_standing_in_for_oneself",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        DECIDED = "decided", _("Decided")
        REFERRED_BACK = "referred_back", _("Referred back for new preparation")
        REMOVED = "removed", _("Removed")
        ESCALATED = "escalated", _("Escalated")
        NOTED = "noted", _("Noted")

    agenda_item = models.OneToOneField(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="decision"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    text = BoundedTextField(_("text"), blank=True)
    # None where the forum decides by majority (then the votes are recorded).
    consensus = models.BooleanField(_("consensus reached"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    votes_abstaining = models.PositiveSmallIntegerField(_("abstaining"), null=True, blank=True)
    is_joint_position = models.BooleanField(_("joint position (binds no party)"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            # R14: "decided without consensus" cannot be stored.
            models.CheckConstraint(
                condition=~Q(outcome="decided", consensus=False),
                name="decision_not_decided_without_consensus",
            ),
        ]

    def __str__(self):
        return f"{self.agenda_item}: {self.get_outcome_display()}"
