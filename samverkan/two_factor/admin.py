"""django-otp's own admins can change devices and show keys; here the record is only read,
like every other admin of the portal, and no key is shown."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kernel.admin import ReadOnlyAdmin

from .models import TwoFactorEvent

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(TwoFactorEvent)
class TwoFactorEventAdmin(ReadOnlyAdmin):
    list_display = ("user", "kind", "actor", "created_at")
    list_filter = ("kind", "created_at")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    list_select_related = ("user", "actor")
    autocomplete_fields = ("user", "actor")
