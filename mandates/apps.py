from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = "mandates"
    verbose_name = _("Mandates")

    def ready(self):
        # Registers the forum page panels, the visibility rules and the rules of R5..R11.
        from . import panels, permissions, rules  # noqa: F401
