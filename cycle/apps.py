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
        # visibility rules and the forum page's panels.
        from . import adoption, panels, permissions  # noqa: F401
