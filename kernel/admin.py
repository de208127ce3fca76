from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Notification, User

PROFILE_FIELDS = (
    "title",
    "organisation",
    "phone",
    "publish_email",
    "publish_phone",
    "notification_frequency",
)


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets[:2],
        (_("Profile"), {"fields": PROFILE_FIELDS}),
        *DjangoUserAdmin.fieldsets[2:],
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (
            _("Personal info"),
            {"classes": ("wide",), "fields": ("first_name", "last_name", "email")},
        ),
        (_("Profile"), {"classes": ("wide",), "fields": PROFILE_FIELDS}),
    )
    list_display = ("username", "first_name", "last_name", "email", "organisation", "is_staff")
    list_filter = (*DjangoUserAdmin.list_filter, "notification_frequency")
    search_fields = ("username", "first_name", "last_name", "email", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


@admin.register(Notification)
class NotificationAdmin(SimpleHistoryAdmin):
    list_display = ("title", "recipient", "created_at", "read_at")
    list_filter = (("read_at", admin.EmptyFieldListFilter), "created_at")
    search_fields = (
        "title",
        "dedup_key",
        "recipient__username",
        "recipient__first_name",
        "recipient__last_name",
    )
    autocomplete_fields = ("recipient",)
    list_select_related = ("recipient",)
    readonly_fields = ("created_at",)
    date_hierarchy = "created_at"
