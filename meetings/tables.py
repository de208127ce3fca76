"""The tables of the meeting lists (django-tables2 on kernel.lists.Table): sortable by
`?sort=`, paged without COUNT."""

import django_tables2 as tables
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from kernel.lists import Table

from .models import Meeting


def _when(value):
    moment = localtime(value)
    return format_html(
        '<time datetime="{}">{}</time>', date_format(moment, "c"), date_format(moment, "Y-m-d H:i")
    )


class MeetingColumn(tables.Column):
    """The meeting by its display name (its forum and title, or its forum and day), linked to
    its page; the queryset selects the forum."""

    def __init__(self, **kwargs):
        kwargs.setdefault("verbose_name", _("Meeting"))
        kwargs.setdefault("order_by", ("forum__name", "title", "starts_at"))
        super().__init__(accessor="title", empty_values=(), **kwargs)

    def render(self, record):
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), record.display_name)


class ForumMeetingTable(Table):
    """A forum's meetings, newest first."""

    starts_at = tables.Column(verbose_name=_("When"))
    meeting = MeetingColumn()
    kind = tables.Column(verbose_name=_("Kind"))
    status = tables.Column(verbose_name=_("Status"))
    item_count = tables.Column(verbose_name=_("Agenda items"))

    class Meta(Table.Meta):
        model = Meeting
        fields = ()
        sequence = ("starts_at", "meeting", "kind", "status", "item_count")
        empty_text = _("No meetings yet.")

    def render_starts_at(self, value):
        return _when(value)


class MyMeetingTable(Table):
    """The meetings of the user's forums (each named with its forum)."""

    starts_at = tables.Column(verbose_name=_("When"))
    meeting = MeetingColumn()
    kind = tables.Column(verbose_name=_("Kind"))
    status = tables.Column(verbose_name=_("Status"))

    class Meta(Table.Meta):
        model = Meeting
        fields = ()
        sequence = ("starts_at", "meeting", "kind", "status")
        empty_text = _("No meetings in your forums match the filter.")

    def render_starts_at(self, value):
        return _when(value)
