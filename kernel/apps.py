from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernelConfig(AppConfig):
    """The bottom layer: the user, notifications, errors and the helpers every app uses.

    Its label stays "samverkan", the name it had before the kernel got a folder of its own,
    so the tables, migrations and permissions of the user and notifications are unchanged.
    """

    name = "kernel"
    label = "samverkan"
    verbose_name = _("Samverkan")
