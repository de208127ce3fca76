from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    """One signed-in session of a person, so they can see their sessions and end them.

    The session key is the one the session store already holds (the primary key of
    django_session); it is never shown. A row is written at sign-in, its last-seen time at
    most once a minute, and it is deleted when the session ends.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("signed in"))
    last_seen_at = models.DateTimeField(_("last seen"))
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            models.Index(fields=["user", "-last_seen_at"], name="accounts_session_user_seen")
        ]

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"
