from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = "mandates"
    verbose_name = _("Mandates")

    def ready(self):
        # Registers the forum page panels and the rules of R5..R11 (mandates.rules).
        from . import panels, rules  # noqa: F401
