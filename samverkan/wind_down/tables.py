"""The wind-down page's two lists: open cases and the meetings after the wind-down day."""

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kernel.lists import Table


class WindDownCaseTable(Table):
    case = tables.Column(verbose_name=_("Case"), accessor="reference", orderable=False)
    status = tables.Column(verbose_name=_("Status"), orderable=False)
    kept_until = tables.Column(verbose_name=_("Kept until"), orderable=False)
    decide = tables.Column(verbose_name=_("What happens"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        prefix = "cases-"
        empty_text = _("The forum has no open cases.")

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def render_case(self, record):
        return format_html(
            '<a href="{}">{}</a> {}', record.get_absolute_url(), record.reference, record.title
        )

    def render_status(self, record):
        return record.get_status_display()

    def render_kept_until(self, value):
        text = date_format(value, "DATE_FORMAT")
        if value < self.today:
            return format_html("{} <strong>({})</strong>", text, _("passed: decide again"))
        return text

    def render_decide(self, record):
        url = reverse(
            "forum_wind_down:case",
            kwargs={"slug": record.current_forum.slug, "reference": record.reference},
        )
        label = _("Decide for %(reference)s") % {"reference": record.reference}
        return format_html('<a class="btn btn-outline-primary btn-sm" href="{}">{}</a>', url, label)


class WindDownMeetingTable(Table):
    starts_at = tables.Column(verbose_name=_("Meeting"), orderable=False)
    status = tables.Column(verbose_name=_("Status"), orderable=False)
    cancel = tables.Column(verbose_name=_("Cancel"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        prefix = "meetings-"
        empty_text = _("No planned or convened meetings after the wind-down day.")

    def render_starts_at(self, record):
        when = date_format(timezone.localtime(record.starts_at), "DATETIME_FORMAT")
        return format_html('<a href="{}">{}</a> {}', record.get_absolute_url(), when, record.title)

    def render_status(self, record):
        return record.get_status_display()

    def render_cancel(self, record):
        url = reverse(
            "forum_wind_down:meeting", kwargs={"slug": record.forum.slug, "pk": record.pk}
        )
        label = _("Cancel the meeting on %(day)s") % {
            "day": date_format(timezone.localtime(record.starts_at), "DATE_FORMAT")
        }
        return format_html('<a class="btn btn-outline-danger btn-sm" href="{}">{}</a>', url, label)
