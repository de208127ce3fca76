"""The tables of the case lists (django-tables2 on kernel.lists.Table): sortable by `?sort=`,
paged without COUNT. Each row names the case (reference and title, linked), where it is now
and its escalation path; the querysets come from selectors.py with what the rows need."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kernel.lists import Table

from .models import Case
from .selectors import case_path, case_waiting_days


class CaseColumn(tables.Column):
    """The case's reference and title, linked to its page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("verbose_name", _("Case"))
        kwargs.setdefault("order_by", ("reference",))
        super().__init__(accessor="reference", **kwargs)

    def render(self, record):
        return format_html(
            '<a href="{}">{}<br><span class="fw-normal">{}</span></a>',
            record.get_absolute_url(),
            record.reference,
            record.title,
        )


class ForumColumn(tables.Column):
    """The forum where the case is now, with its tier."""

    def __init__(self, **kwargs):
        kwargs.setdefault("verbose_name", _("Now at"))
        kwargs.setdefault("order_by", ("current_forum__name",))
        super().__init__(accessor="current_forum", **kwargs)

    def render(self, value):
        return format_html(
            '{}<br><span class="text-body-secondary">{}</span>',
            value.name,
            value.get_tier_display(),
        )


class PathColumn(tables.Column):
    """The forums the case has been at (prefetched escalation events, no query per row)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("verbose_name", _("Escalation path"))
        super().__init__(accessor="pk", orderable=False, **kwargs)

    def render(self, record):
        record.path = case_path(record)
        return render_to_string("escalation/partials/_path.html", {"case": record})


class CaseTable(Table):
    """Cases with where they are, how long they have waited there and what happens next."""

    case = CaseColumn()
    current_forum = ForumColumn()
    status = tables.Column(verbose_name=_("Status"))
    status_changed_at = tables.Column(verbose_name=_("Waited there"))
    next_step = tables.Column(
        verbose_name=_("What happens next"),
        accessor="pk",
        orderable=False,
        attrs={"td": {"class": "small"}},
    )
    path = PathColumn()

    class Meta(Table.Meta):
        model = Case
        fields = ()
        sequence = ("case", "current_forum", "status", "status_changed_at", "next_step", "path")

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()

    def render_status_changed_at(self, value):
        return format_html(
            '<time datetime="{}">{}</time>', date_format(value, "c"), timesince(value, self.now)
        )

    def render_next_step(self, record):
        return record.next_step()


def _overdue_mark(table, record):
    return "border-start border-4 border-danger" if table.overdue(record) else ""


class AwaitingMeetingTable(Table):
    """Escalated cases no meeting has taken up yet, with their age against the deadline."""

    case = CaseColumn(attrs={"td": {"class": _overdue_mark}})
    current_forum = ForumColumn()
    status = tables.Column(verbose_name=_("Status"))
    arrived_at = tables.Column(verbose_name=_("Escalated"))
    age = tables.Column(verbose_name=_("Age"), accessor="arrived_at", order_by=("-arrived_at",))
    path = PathColumn()

    class Meta(Table.Meta):
        model = Case
        fields = ()
        sequence = ("case", "current_forum", "status", "arrived_at", "age", "path")
        empty_text = _("No escalated case is waiting for a meeting.")

    def __init__(self, *args, structure, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.now = now or timezone.now()

    def days(self, record):
        """(age_days, overdue_days, days_left) of the row's case."""
        return case_waiting_days(record, self.structure, self.now)

    def overdue(self, record):
        return self.days(record)[1] > 0

    def render_status(self, record):
        if record.prepared_by is None:
            return record.get_status_display()
        return format_html(
            '{}<br><span class="small">{}</span>',
            record.get_status_display(),
            _("prepared by %(name)s") % {"name": record.prepared_by},
        )

    def render_arrived_at(self, value):
        return format_html(
            '<time datetime="{}">{}</time>', date_format(value, "c"), date_format(value, "Y-m-d")
        )

    def render_age(self, record):
        age_days, overdue_days, days_left = self.days(record)
        age = ngettext("%(days)s day", "%(days)s days", age_days) % {"days": age_days}
        if overdue_days > 0:
            days = overdue_days
            text = ngettext("Overdue by %(days)s day", "Overdue by %(days)s days", days)
            return format_html(
                '{}<br><strong class="badge text-bg-danger">{}</strong>',
                age,
                text % {"days": days},
            )
        days = days_left
        text = ngettext("%(days)s day left", "%(days)s days left", days)
        return format_html('{}<br><span class="small">{}</span>', age, text % {"days": days})
