"""What a forum adopts as a decision at a meeting: drafted, put on an agenda, adopted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.transitions import TransitionsMixin


class AdoptedByDecision(TransitionsMixin, models.Model):
    """A document the forum adopts by a decision item (priority areas, an action plan, a
    direction document's version, an annual report).

    The secretariat drafts it and puts it on a meeting's agenda as a decision item
    (`agenda_item`); when the forum decides that item, `cycle.adoption` marks it adopted in
    the same transaction, so it carries the meeting's decision, minutes and seal. Referred
    back or removed, it stays a draft and can go on another agenda. Removing the agenda item
    leaves the draft as it was (SET_NULL)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")

    TRANSITIONS = {Status.DRAFT: {Status.ADOPTED}, Status.ADOPTED: set()}

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem",
        verbose_name=_("decided at agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("adopted"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED
