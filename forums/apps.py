from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Structures and forums")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the visibility rules)
