from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Case, CaseAttachment, CaseEvent, CaseReferenceCounter, Follow


class NoRevertMixin:
    """The history is a record: it is read in the admin, never reverted."""

    def revert_disabled(self, request, obj=None):
        return True


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    fields = ("at", "kind", "actor", "from_forum", "to_forum", "from_status", "to_status", "reason")
    readonly_fields = fields
    ordering = ("at", "id")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(NoRevertMixin, SimpleHistoryAdmin):
    """Cases move only through the services (escalation.services): the lifecycle fields are
    read-only here, so the admin cannot skip a transition or its case event."""

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
    readonly_fields = (
        "reference",
        "origin_forum",
        "current_forum",
        "raised_by",
        "status",
        "outcome",
        "feedback",
        "created_at",
        "status_changed_at",
        "version",
    )
    date_hierarchy = "created_at"
    inlines = (CaseEventInline,)

    def has_add_permission(self, request):
        return False  # cases are raised in the portal, which numbers them and records events

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CaseEvent)
class CaseEventAdmin(NoRevertMixin, SimpleHistoryAdmin):
    list_display = ("case", "kind", "actor", "from_forum", "to_forum", "to_status", "at")
    list_filter = ("kind", "to_status")
    search_fields = ("case__reference", "case__title", "reason")
    list_select_related = ("case", "actor", "from_forum", "to_forum")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CaseAttachment)
class CaseAttachmentAdmin(NoRevertMixin, SimpleHistoryAdmin):
    list_display = ("name", "case", "content_type", "size", "uploaded_by", "uploaded_at")
    list_filter = ("content_type",)
    search_fields = ("name", "case__reference", "case__title")
    autocomplete_fields = ("case", "uploaded_by")
    list_select_related = ("case", "uploaded_by")
    readonly_fields = ("file", "name", "content_type", "size", "uploaded_by", "uploaded_at")

    def has_add_permission(self, request):
        return False  # attachments are checked by content when added in the portal


@admin.register(Follow)
class FollowAdmin(SimpleHistoryAdmin):
    list_display = ("user", "case", "created_at")
    search_fields = ("user__username", "user__first_name", "user__last_name", "case__reference")
    autocomplete_fields = ("user", "case")
    list_select_related = ("user", "case")
    readonly_fields = ("created_at",)


@admin.register(CaseReferenceCounter)
class CaseReferenceCounterAdmin(NoRevertMixin, SimpleHistoryAdmin):
    list_display = ("prefix", "year", "last_number")
    readonly_fields = ("prefix", "year", "last_number")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
