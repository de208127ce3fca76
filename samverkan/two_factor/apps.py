from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "samverkan.two_factor"
    label = "two_factor"
    verbose_name = _("Two factors")

    def ready(self):
        from django.contrib import admin

        from .policy import protect_admin_site

        protect_admin_site(admin.site)
