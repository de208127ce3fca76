from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and minutes")

    def ready(self):
        from forums.public_sections import register_public_section

        from .public import approved_minutes_section

        register_public_section(approved_minutes_section)
