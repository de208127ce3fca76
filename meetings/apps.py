from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and minutes")

    def ready(self):
        # Registers the forum page panels, the visibility rules and R12 (meeting frequency)
        # in the rules registry.
        from . import panels, permissions, rules  # noqa: F401
