from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CycleConfig(AppConfig):
    """The yearly cycle (R16, R17): priority areas, action plans, direction documents and
    annual reports. It sits above meetings, since a forum adopts each of them as a decision
    and the annual report compiles the whole record."""

    name = "cycle"
    verbose_name = _("Yearly cycle")

    def ready(self):
        # Adopts what a decision item names when the forum decides it; registers the
        # visibility rules.
        from . import adoption, permissions  # noqa: F401
        from .panels import plans  # noqa: F401 - the forum page's plans section
