from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EscalationConfig(AppConfig):
    name = "escalation"
    verbose_name = _("Cases and escalation")

    def ready(self):
        # Registers the forum page panels and the visibility rules.
        from . import panels, permissions  # noqa: F401
