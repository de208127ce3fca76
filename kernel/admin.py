"""The Django admin is for looking at the record and its history, never for changing it.

Every domain model is registered with a `ReadOnlyAdmin` (inlines: `ReadOnlyInline`): no add,
change or delete for any user, superusers included; no actions (so no bulk delete); no
simple-history revert; and every view of such an admin answers GET and HEAD only (anything
else is a 403), so a view Django, simple-history or a subclass adds later cannot write either.
Change lists, the detail (view) pages, autocomplete and the history stay visible. Whatever a
secretariat needs to change, the portal does through its services, which check the rules and
write the history. `tests/samverkan/test_admin_readonly.py` walks the whole registry.
"""

import functools

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import URLPattern
from django.utils.encoding import force_str
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Notification, User

READ_METHODS = frozenset({"GET", "HEAD"})


def _read_only_view(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class ReadOnlyMixin:
    """No add, change or delete, whoever asks (a superuser's permissions are not consulted)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        """Also the fields no form edits (creation times, counters), so the page shows them."""
        declared = list(super().get_readonly_fields(request, obj))
        hidden = [
            field.name
            for field in self.model._meta.concrete_fields
            if not field.editable and field.name not in declared
        ]
        return [*declared, *hidden]


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False


class ReadOnlyAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    """The base of every domain admin: the record and its history, to look at."""

    object_history_list_template = "kernel/admin/object_history_list.html"

    def get_urls(self):
        patterns = super().get_urls()
        for pattern in patterns:
            if not isinstance(pattern, URLPattern):
                raise ImproperlyConfigured(f"{type(self).__name__}: {pattern!r} is not a view")
        return [
            URLPattern(p.pattern, _read_only_view(p.callback), p.default_args, p.name)
            for p in patterns
        ]

    def get_actions(self, request):
        return {}

    # simple-history: the history is listed, never reverted. Its version view saves the old
    # version on POST whatever the change permission says, so it is refused outright.
    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, *args, **kwargs):
        raise PermissionDenied

    def history_view_title(self, request, obj):
        return gettext("History of %s") % force_str(obj)

    # No view above reaches these; should a later one do so, it is refused all the same.
    def save_model(self, *args, **kwargs):
        raise PermissionDenied

    def save_related(self, *args, **kwargs):
        raise PermissionDenied

    def delete_model(self, *args, **kwargs):
        raise PermissionDenied

    def delete_queryset(self, *args, **kwargs):
        raise PermissionDenied


# Groups are not used: permissions come from mandates as guardian object permissions.
admin.site.unregister(Group)

PROFILE_FIELDS = (
    "title",
    "organisation",
    "phone",
    "publish_email",
    "publish_phone",
)


@admin.register(User)
class UserAdmin(ReadOnlyAdmin, DjangoUserAdmin):
    """People are invited and edited in the portal; the first superuser comes from
    `manage.py createsuperuser`. The password hash is not shown."""

    fieldsets = (
        (None, {"fields": ("username",)}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Profile"), {"fields": PROFILE_FIELDS}),
        *DjangoUserAdmin.fieldsets[2:],
    )
    list_display = ("username", "first_name", "last_name", "email", "organisation", "is_staff")
    list_filter = ("is_staff", "is_superuser", "is_active")
    search_fields = ("username", "first_name", "last_name", "email", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "recipient", "created_at", "read_at")
    list_filter = ("kind", ("read_at", admin.EmptyFieldListFilter), "created_at")
    search_fields = (
        "title",
        "dedup_key",
        "recipient__username",
        "recipient__first_name",
        "recipient__last_name",
    )
    autocomplete_fields = ("recipient",)
    list_select_related = ("recipient",)
    date_hierarchy = "created_at"
