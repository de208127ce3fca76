from django.contrib import admin

from kernel.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import AssignmentItem, CharterVersion, Forum, Organisation, Party, Seat, Structure


class PartyInline(ReadOnlyInline):
    model = Party


class AssignmentItemInline(ReadOnlyInline):
    model = AssignmentItem
    fields = ("kind", "order", "text")


class SeatInline(ReadOnlyInline):
    model = Seat
    autocomplete_fields = ("organisation", "party")


@admin.register(Structure)
class StructureAdmin(ReadOnlyAdmin):
    list_display = ("name", "slug", "is_partnership", "case_reference_prefix", "archived_at")
    list_filter = ("is_partnership", ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "slug", "description")
    autocomplete_fields = ("secretariat_organisations", "secretariat_staff")
    inlines = (PartyInline,)


@admin.register(Party)
class PartyAdmin(ReadOnlyAdmin):
    list_display = ("name", "short_name", "structure", "archived_at")
    list_filter = ("structure", ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "short_name", "structure__name")
    list_select_related = ("structure",)


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ("name", "short_name", "kind", "archived_at")
    list_filter = ("kind", ("archived_at", admin.EmptyFieldListFilter), "parties__structure")
    search_fields = ("name", "short_name")
    autocomplete_fields = ("parties",)


@admin.register(Forum)
class ForumAdmin(ReadOnlyAdmin):
    list_display = (
        "name",
        "structure",
        "tier",
        "kind",
        "escalates_to",
        "decision_rule",
        "is_public",
        "active_from",
        "active_to",
    )
    list_filter = ("structure", "tier", "kind", "decision_rule", "is_public", "is_temporary")
    search_fields = ("name", "short_name", "slug", "structure__name")
    list_select_related = ("structure", "escalates_to")
    autocomplete_fields = (
        "escalates_to",
        "appointed_by",
        "steered_by",
        "chair_party",
        "chair_party_differs_from",
    )
    inlines = (AssignmentItemInline, SeatInline)


@admin.register(AssignmentItem)
class AssignmentItemAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "forum", "kind", "order")
    list_filter = ("kind", "forum__structure", "forum__tier")
    search_fields = ("text", "forum__name")
    autocomplete_fields = ("forum",)
    list_select_related = ("forum",)


@admin.register(Seat)
class SeatAdmin(ReadOnlyAdmin):
    list_display = ("forum", "organisation", "party", "count")
    list_filter = ("forum__structure", "forum__tier")
    search_fields = ("forum__name", "organisation__name", "party__name")
    autocomplete_fields = ("forum", "organisation", "party")
    list_select_related = ("forum", "organisation", "party")


@admin.register(CharterVersion)
class CharterVersionAdmin(ReadOnlyAdmin):
    list_display = ("forum", "number", "created_at", "created_by", "note")
    list_filter = ("forum__structure",)
    search_fields = ("forum__name", "purpose", "note")
    list_select_related = ("forum", "created_by")
