from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search box over cases, meetings, forums, organisations and people; no models."""

    name = "samverkan.search"
    label = "search"
    verbose_name = _("Search")
