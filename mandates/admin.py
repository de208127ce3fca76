from django.contrib import admin

from kernel.admin import ReadOnlyAdmin

from .models import Invitation, Mandate, MandateImport


@admin.register(Mandate)
class MandateAdmin(ReadOnlyAdmin):
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
    date_hierarchy = "valid_from"


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("person", "invited_by", "created_at", "sent_at", "accepted_at")
    list_select_related = ("person", "invited_by")
    search_fields = ("person__username", "person__email", "person__last_name")


@admin.register(MandateImport)
class MandateImportAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "structure", "uploaded_by", "status", "row_count", "created_at")
    list_filter = ("status", "structure")
    list_select_related = ("structure", "uploaded_by")
