from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Mandate


@admin.register(Mandate)
class MandateAdmin(SimpleHistoryAdmin):
    list_display = (
        "person",
        "forum",
        "role",
        "organisation",
        "status",
        "valid_from",
        "valid_to",
    )
    list_filter = ("status", "role", "forum__tier", "forum__structure")
    search_fields = (
        "person__username",
        "person__first_name",
        "person__last_name",
        "forum__name",
        "organisation__name",
    )
    autocomplete_fields = (
        "person",
        "forum",
        "organisation",
        "deputy_for",
        "appointed_by",
        "nominated_by",
    )
    list_select_related = ("person", "forum", "organisation")
    readonly_fields = ("created_at",)
    date_hierarchy = "valid_from"
