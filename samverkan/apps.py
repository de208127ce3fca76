from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top layer: settings, URLs, the start page and the demo data, composing every app."""

    name = "samverkan"
    label = "portal"
    verbose_name = _("Samverkan portal")

    def ready(self):
        # Fills the forum's wind-down page with its open cases and later meetings; keeps the
        # previous sign-in in the session, for the start page's "since your last visit".
        from .inbox import signals
        from .wind_down import panels  # noqa: F401

        signals.connect()
