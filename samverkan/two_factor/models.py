"""What happened to a person's second factor, and who did it (the device rows themselves are
django-otp's; their key is never copied into a history table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TwoFactorEvent(models.Model):
    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("Authenticator app confirmed")
        CODES_REGENERATED = "codes_regenerated", _("Recovery codes created")
        RECOVERY_USED = "recovery_used", _("Recovery code used")
        REMOVED = "removed", _("Two factors turned off")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="two_factor_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("event"), max_length=32, choices=Kind.choices)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("two-factor event")
        verbose_name_plural = _("two-factor events")

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()}"
