from django.contrib import admin

from kernel.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
)


class AgendaItemInline(ReadOnlyInline):
    model = AgendaItem
    fields = ("order", "title", "kind", "case", "co_opted")
    autocomplete_fields = ("case", "co_opted")


class MinutesApprovalInline(ReadOnlyInline):
    model = MinutesApproval
    autocomplete_fields = ("person",)


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "forum", "kind", "status", "starts_at", "ends_at", "location")
    list_filter = ("status", "kind", "forum__tier", "forum__structure")
    search_fields = ("title", "location", "forum__name")
    autocomplete_fields = ("forum", "called_by")
    list_select_related = ("forum",)
    date_hierarchy = "starts_at"
    inlines = (AgendaItemInline,)


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ("title", "meeting", "order", "kind", "case")
    list_filter = ("kind",)
    search_fields = ("title", "description", "case__reference", "meeting__title")
    autocomplete_fields = ("meeting", "case", "co_opted")
    list_select_related = ("meeting__forum", "case")


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ("person", "meeting", "status", "mandate", "stands_in_for")
    list_filter = ("status",)
    search_fields = ("person__username", "person__first_name", "person__last_name")
    autocomplete_fields = ("meeting", "person", "mandate", "stands_in_for")
    list_select_related = (
        "person",
        "meeting__forum",
        "mandate__person",
        "mandate__forum",
        "stands_in_for",
    )


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("agenda_item", "outcome", "consensus", "is_joint_position", "recorded_at")
    list_filter = ("outcome", "consensus", "is_joint_position")
    search_fields = ("text", "agenda_item__title", "agenda_item__case__reference")
    autocomplete_fields = ("agenda_item", "recorded_by")
    list_select_related = ("agenda_item",)


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "meeting", "status", "author", "submitted_at", "approved_at")
    list_filter = ("status",)
    search_fields = ("meeting__title", "meeting__forum__name", "body")
    autocomplete_fields = ("meeting", "amends", "author")
    list_select_related = ("meeting__forum", "author")
    inlines = (MinutesApprovalInline,)


@admin.register(MinutesApproval)
class MinutesApprovalAdmin(ReadOnlyAdmin):
    list_display = ("person", "role", "minutes", "approved_at")
    list_filter = ("role",)
    search_fields = ("person__username", "person__last_name", "minutes__meeting__title")
    autocomplete_fields = ("minutes", "person")
    list_select_related = ("person", "minutes__meeting__forum")


@admin.register(ActionItem)
class ActionItemAdmin(ReadOnlyAdmin):
    list_display = ("title", "assignee", "meeting", "due_date", "status", "completed_at")
    list_filter = ("status", "due_date")
    search_fields = ("title", "assignee__username", "assignee__last_name", "meeting__title")
    autocomplete_fields = ("meeting", "agenda_item", "assignee")
    list_select_related = ("assignee", "meeting__forum")
    date_hierarchy = "due_date"
