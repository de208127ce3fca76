from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OparlConfig(AppConfig):
    """The public record as OParl 1.1 (JSON, no login, read only); no models of its own."""

    name = "samverkan.oparl"
    label = "oparl"
    verbose_name = _("OParl")
