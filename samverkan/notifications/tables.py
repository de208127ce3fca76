"""The notification list: each notice links to its object (opening marks it read)."""

import django_tables2 as tables
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kernel.lists import Table


class NotificationTable(Table):
    title = tables.Column(verbose_name=_("Notice"), orderable=False)
    kind = tables.Column(verbose_name=_("Kind"), orderable=False)
    created_at = tables.Column(verbose_name=_("Received"), orderable=False)
    read_at = tables.Column(verbose_name=_("Read"), orderable=False, empty_values=())

    class Meta(Table.Meta):
        empty_text = _("You have no notices.")
        row_attrs = {"class": lambda record: "" if record.read_at else "fw-semibold"}

    def render_title(self, record):
        url = reverse("notifications:notification_open", kwargs={"pk": record.pk})
        if record.read_at is None:
            return format_html(
                '<a href="{}">{}</a> <span class="badge text-bg-primary">{}</span>',
                url, record.title, _("Unread"),
            )  # fmt: skip
        return format_html('<a href="{}">{}</a>', url, record.title)

    def render_kind(self, record):
        return record.get_kind_display()

    def render_created_at(self, value):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")

    def render_read_at(self, record):
        if record.read_at is not None:
            return date_format(timezone.localtime(record.read_at), "DATETIME_FORMAT")
        url = reverse("notifications:notification_mark_read", kwargs={"pk": record.pk})
        return format_html(
            '<form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" '
            'value="{}"><button type="submit" class="btn btn-outline-secondary btn-sm">{}'
            '<span class="visually-hidden">: {}</span></button></form>',
            url, get_token(self.request), _("Mark read"), record.title,
        )  # fmt: skip
