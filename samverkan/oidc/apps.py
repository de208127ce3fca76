from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OidcConfig(AppConfig):
    """Sign-in with e-ID through OpenID Connect (mozilla-django-oidc); no models."""

    name = "samverkan.oidc"
    label = "oidc"
    verbose_name = _("Sign-in with e-ID")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system check
