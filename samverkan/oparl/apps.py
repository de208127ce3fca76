from django.apps import AppConfig


class OparlConfig(AppConfig):
    """The public record as OParl 1.1 (JSON, no login, read only); no models of its own."""

    name = "samverkan.oparl"
    label = "oparl"
    verbose_name = "OParl"  # a name, the same in every language
