from django.contrib import admin

from kernel.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Case, CaseAttachment, CaseEvent, CaseReferenceCounter, Follow


class CaseEventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ("at", "kind", "actor", "from_forum", "to_forum", "from_status", "to_status", "reason")
    ordering = ("at", "id")


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    """Cases move only through the services (escalation.services), which number them, check
    each transition and record its case event."""

    list_display = (
        "reference",
        "title",
        "status",
        "priority",
        "current_forum",
        "origin_forum",
        "raised_by",
        "created_at",
    )
    list_filter = ("status", "priority", "current_forum__tier", "current_forum__structure")
    search_fields = ("reference", "title", "description")
    autocomplete_fields = ("organisation", "prepared_by")
    list_select_related = ("current_forum", "origin_forum", "raised_by")
    date_hierarchy = "created_at"
    inlines = (CaseEventInline,)


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ("case", "kind", "actor", "from_forum", "to_forum", "to_status", "at")
    list_filter = ("kind", "to_status")
    search_fields = ("case__reference", "case__title", "reason")
    list_select_related = ("case", "actor", "from_forum", "to_forum")
    date_hierarchy = "at"


@admin.register(CaseAttachment)
class CaseAttachmentAdmin(ReadOnlyAdmin):
    list_display = ("name", "case", "content_type", "size", "uploaded_by", "uploaded_at")
    list_filter = ("content_type",)
    search_fields = ("name", "case__reference", "case__title")
    autocomplete_fields = ("case", "uploaded_by")
    list_select_related = ("case", "uploaded_by")


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ("user", "case", "created_at")
    search_fields = ("user__username", "user__first_name", "user__last_name", "case__reference")
    autocomplete_fields = ("user", "case")
    list_select_related = ("user", "case")


@admin.register(CaseReferenceCounter)
class CaseReferenceCounterAdmin(ReadOnlyAdmin):
    list_display = ("prefix", "year", "last_number")
