"""The yearly cycle in the admin: read-only, for looking at the record and its history."""

from django.contrib import admin

from kernel.admin import ReadOnlyAdmin

from .models import (
    ActionPlan,
    Activity,
    AnnualReport,
    AnnualReportSeal,
    DirectionDocument,
    DirectionDocumentVersion,
    PriorityArea,
    PrioritySet,
)


@admin.register(PrioritySet)
class PrioritySetAdmin(ReadOnlyAdmin):
    list_display = ("forum", "year", "status", "adopted_at")
    list_filter = ("status", "year")
    list_select_related = ("forum",)


@admin.register(PriorityArea)
class PriorityAreaAdmin(ReadOnlyAdmin):
    list_display = ("title", "priority_set")
    list_select_related = ("priority_set__forum",)


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnlyAdmin):
    list_display = ("forum", "year", "status", "adopted_at")
    list_filter = ("status", "year")
    list_select_related = ("forum",)


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ("title", "plan", "status", "owner", "ends_on")
    list_filter = ("status",)
    list_select_related = ("plan__forum", "owner")


@admin.register(DirectionDocument)
class DirectionDocumentAdmin(ReadOnlyAdmin):
    list_display = ("title", "forum", "agency", "group")
    list_select_related = ("forum", "agency", "group")


@admin.register(DirectionDocumentVersion)
class DirectionDocumentVersionAdmin(ReadOnlyAdmin):
    list_display = ("document", "number", "status", "review_on")
    list_filter = ("status",)
    list_select_related = ("document",)


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyAdmin):
    list_display = ("forum", "year", "status", "adopted_at", "sent_on")
    list_filter = ("status", "year")
    list_select_related = ("forum",)


@admin.register(AnnualReportSeal)
class AnnualReportSealAdmin(ReadOnlyAdmin):
    list_display = ("report", "sealed_at", "pdf_sha256")
    list_select_related = ("report__forum",)
