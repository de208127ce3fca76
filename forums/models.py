from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import BoundedTextField
from kernel.visibility import RestrictedQuerySet


class Structure(models.Model):
    """A collaboration structure (samverkansstruktur): forums on three tiers, belonging together."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    description = BoundedTextField(_("description"), blank=True)
    is_partnership = models.BooleanField(
        _("partnership"),
        default=False,
        help_text=_("In a partnership, decisions are joint positions that bind no party."),
    )
    secretariat_organisations = models.ManyToManyField(
        "Organisation",
        verbose_name=_("secretariat organisations"),
        blank=True,
        related_name="secretariat_of",
    )
    secretariat_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretariat staff"),
        blank=True,
        related_name="secretariat_structures",
    )
    case_reference_prefix = models.CharField(
        _("case reference prefix"), max_length=10, default="SAM"
    )
    escalated_case_deadline_days = models.PositiveSmallIntegerField(
        _("days for an escalated case to reach a meeting"), default=60
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[secretariat_organisations, secretariat_staff])

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ("name",)
        permissions = [("manage_structure", _("Can manage the structure as its secretariat"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:structure_detail", kwargs={"slug": self.slug})


class Party(models.Model):
    """A side in a partnership, e.g. the municipalities and VGR."""

    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.CASCADE, related_name="parties"
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ("structure", "name")
        constraints = [
            models.UniqueConstraint(fields=["structure", "name"], name="party_unique_name"),
        ]

    def __str__(self):
        return self.short_name or self.name


class Organisation(models.Model):
    """Who a representative speaks for: a region, an agency, a municipal association, ..."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        AGENCY = "agency", _("Government agency")
        MUNICIPALITY = "municipality", _("Municipality")
        MUNICIPAL_ASSOCIATION = "municipal_association", _("Municipal association")
        ASSOCIATION = "association", _("Association")
        COMPANY = "company", _("Company")
        PATIENT_ORGANISATION = "patient_organisation", _("Patient or user organisation")
        POLITICAL_BODY = "political_body", _("Political body")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    parties = models.ManyToManyField(
        Party, verbose_name=_("parties"), blank=True, related_name="organisations"
    )
    website = models.URLField(_("website"), blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ("name",)

    def __str__(self):
        return self.name


class Forum(models.Model):
    """A body that meets: a steering group, a council, a working group, ..."""

    class Tier(models.IntegerChoices):
        # The number is the distance from the top: escalation goes to tier - 1 (R2).
        STRATEGIC = 1, _("Strategic")
        TACTICAL = 2, _("Tactical")
        OPERATIVE = 3, _("Operative")

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", _("Steering group")
        COORDINATION_GROUP = "coordination_group", _("Coordination group")
        COUNCIL = "council", _("Council")
        REFERENCE_GROUP = "reference_group", _("Reference group")
        WORKING_GROUP = "working_group", _("Working group")
        PREPARATORY_GROUP = "preparatory_group", _("Preparatory group")
        ACTORS_COUNCIL = "actors_council", _("Actors' council")
        CUSTOMER_DIALOGUE = "customer_dialogue", _("Customer dialogue")
        PROCUREMENT_GROUP = "procurement_group", _("Procurement group")
        POLITICAL_BODY = "political_body", _("Political body")
        NETWORK = "network", _("Network")
        OTHER = "other", _("Other")

    class DecisionRule(models.TextChoices):
        CONSENSUS = "consensus", _("Consensus")
        MAJORITY = "majority", _("Majority")

    class MinutesApproval(models.TextChoices):
        CHAIR = "chair", _("The chair")
        CHAIR_AND_MEMBER = "chair_and_member", _("The chair and one member")
        CHAIR_AND_OTHER_PARTY_MEMBER = (
            "chair_and_other_party_member",
            _("The chair and one member of the other party"),
        )

    class RotationAmong(models.TextChoices):
        NONE = "", _("No rotation")
        PARTIES = "parties", _("Between the parties")
        ORGANISATIONS = "organisations", _("Among the organisations")

    structure = models.ForeignKey(
        Structure, verbose_name=_("structure"), on_delete=models.PROTECT, related_name="forums"
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    tier = models.PositiveSmallIntegerField(_("tier"), choices=Tier.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    escalates_to = models.ForeignKey(
        "self",
        verbose_name=_("escalates to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalated_from",
        help_text=_("The forum exactly one tier up that takes this forum's escalated cases."),
    )
    appointed_by = models.ForeignKey(
        "self",
        verbose_name=_("appointed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointed",
    )
    steered_by = models.ForeignKey(
        "self",
        verbose_name=_("steered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steers",
    )
    purpose = BoundedTextField(_("purpose"), blank=True)
    # The principal body (uppdragsgivare) the forum reports to: a forum of its structure or
    # a body outside the portal, recorded as an organisation; at most one of the two.
    reports_to_forum = models.ForeignKey(
        "self",
        verbose_name=_("reports to (forum)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_forums",
        help_text=_("A forum of the structure that this forum reports to."),
    )
    principal_body = models.ForeignKey(
        Organisation,
        verbose_name=_("reports to (body outside the portal)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_forums",
        help_text=_("E.g. a regional management or a political body that is not a forum here."),
    )
    coordinates_with = models.ManyToManyField(
        "self",
        verbose_name=_("meeting planning coordinated with"),
        symmetrical=False,
        blank=True,
        related_name="coordinated_by",
        help_text=_("The forums whose meeting dates are shown when this forum plans meetings."),
    )
    min_meetings_per_year = models.PositiveSmallIntegerField(
        _("minimum meetings a year"), null=True, blank=True
    )
    quorum = models.PositiveSmallIntegerField(_("quorum"), null=True, blank=True)
    decision_rule = models.CharField(
        _("decision rule"),
        max_length=20,
        choices=DecisionRule.choices,
        default=DecisionRule.CONSENSUS,
    )
    minutes_approval = models.CharField(
        _("minutes approved by"),
        max_length=40,
        choices=MinutesApproval.choices,
        default=MinutesApproval.CHAIR,
    )
    chair_rotation_months = models.PositiveSmallIntegerField(
        _("chair rotation period (months)"), null=True, blank=True
    )
    chair_rotation_among = models.CharField(
        _("chair rotates"),
        max_length=20,
        choices=RotationAmong.choices,
        default=RotationAmong.NONE,
        blank=True,
    )
    chair_party = models.ForeignKey(
        Party,
        verbose_name=_("party that holds the chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    vice_chair_from_other_party = models.BooleanField(
        _("vice chair from the other party"), default=False
    )
    chair_party_differs_from = models.ForeignKey(
        "self",
        verbose_name=_("chair held by the party not chairing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "E.g. the tactical chair is held by the party not chairing the strategic forum."
        ),
    )
    is_public = models.BooleanField(_("public"), default=False)
    is_temporary = models.BooleanField(
        _("set up for a limited time"),
        default=False,
        help_text=_("Operative forums are set up when needed and wound down."),
    )
    setup_criteria = BoundedTextField(_("criteria for setting up"), blank=True)
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("wound down"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[coordinates_with])

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ("structure", "tier", "name")
        permissions = [
            ("raise_case", _("Can raise cases in the forum")),
            ("lead_forum", _("Can lead the forum: escalate cases, call meetings, sign minutes")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["structure", "name"], name="forum_unique_name"),
            models.CheckConstraint(
                condition=~Q(escalates_to=F("pk")), name="forum_not_escalating_to_itself"
            ),
            models.CheckConstraint(
                condition=~Q(appointed_by=F("pk")), name="forum_not_appointing_itself"
            ),
            models.CheckConstraint(
                condition=~Q(steered_by=F("pk")), name="forum_not_steering_itself"
            ),
            models.CheckConstraint(
                condition=Q(reports_to_forum__isnull=True) | Q(principal_body__isnull=True),
                name="forum_reports_to_one_body",
            ),
            models.CheckConstraint(
                condition=~Q(reports_to_forum=F("pk")), name="forum_not_reporting_to_itself"
            ),
            models.CheckConstraint(condition=Q(tier__in=[1, 2, 3]), name="forum_tier_valid"),
            models.CheckConstraint(
                condition=Q(escalates_to__isnull=True) | ~Q(tier=1),
                name="forum_strategic_not_escalating",
            ),
            models.CheckConstraint(
                condition=Q(active_to__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_to__gte=F("active_from")),
                name="forum_wound_down_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:forum_detail", kwargs={"slug": self.slug})

    @property
    def reports_to_name(self):
        """The name of the body the forum reports to (a forum or an organisation), or ""."""
        principal = self.reports_to_forum or self.principal_body
        return principal.name if principal is not None else ""

    def is_active_on(self, day):
        started = self.active_from is None or self.active_from <= day
        return started and (self.active_to is None or day <= self.active_to)


class AssignmentItem(models.Model):
    """One item of a forum's charter: a general or a specific assignment (R4)."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General assignment")
        SPECIFIC = "specific", _("Specific assignment")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="assignments"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = BoundedTextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ("forum", "kind", "order", "id")

    def __str__(self):
        return self.text[:80]


# The most seats one organisation or party holds in a forum (the column is a small integer).
MAX_SEATS = 999


class Seat(models.Model):
    """Seats in a forum for one organisation or one party (R5)."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="seats"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
    )
    party = models.ForeignKey(
        Party,
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
    )
    count = models.PositiveSmallIntegerField(_("number of seats"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ("forum", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True, party__isnull=False)
                | Q(organisation__isnull=False, party__isnull=True),
                name="seat_for_organisation_or_party",
            ),
            models.UniqueConstraint(
                fields=["forum", "organisation"], name="seat_unique_organisation"
            ),
            models.UniqueConstraint(fields=["forum", "party"], name="seat_unique_party"),
        ]

    def __str__(self):
        return f"{self.forum}: {self.organisation or self.party} × {self.count}"


class CharterVersion(models.Model):
    """A snapshot of a forum's whole charter, kept at every change (R4).

    The live charter is `Forum.purpose` and the forum's `AssignmentItem`s; each change made
    through `forums.services.charter_update` also stores the full text here, numbered per
    forum, with who changed it and when, so that any two versions can be compared.
    """

    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="charter_versions",
    )
    number = models.PositiveIntegerField(_("version"))
    purpose = BoundedTextField(_("purpose"), blank=True)
    general_assignments = models.JSONField(_("general assignments"), default=list, blank=True)
    specific_assignments = models.JSONField(_("specific assignments"), default=list, blank=True)
    note = models.CharField(_("reason for the change"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("changed"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")
        ordering = ("forum", "-number")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "number"], name="charter_version_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.forum} – {self.number}"
