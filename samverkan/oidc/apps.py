from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OidcConfig(AppConfig):
    """Sign-in with e-ID through OpenID Connect (mozilla-django-oidc); no models."""

    name = "samverkan.oidc"
    label = "oidc"
    verbose_name = _("Sign-in with e-ID")

    def ready(self):
        from mandates.person_actions import register_person_action

        from . import checks  # noqa: F401 - registers the system check

        register_person_action(
            _("Link a personal identity number for e-ID"), "oidc:person_identity_number"
        )
