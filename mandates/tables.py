"""The tables of the mandates' list pages (django-tables2, on kernel.lists.Table)."""

import django_tables2 as tables
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kernel.lists import Table

DASH = "–"


def status_label(mandate, *, on=None):
    """The mandate's status as the user reads it: an active mandate from a later day is not
    active yet, it starts on that day (as the seat table and the rotation plan count it)."""
    day = on or timezone.localdate()
    if mandate.status == mandate.Status.ACTIVE and mandate.valid_from > day:
        return _("Appointed, from %(day)s") % {"day": date_filter(mandate.valid_from, "Y-m-d")}
    return mandate.get_status_display()


class MandateTable(Table):
    """Mandates: who, in what role, (where), for whom, for how long, in what state."""

    person = tables.Column(
        verbose_name=_("Person"),
        linkify=lambda record: record.get_absolute_url(),
        order_by=("person__last_name", "person__first_name", "pk"),
    )
    role = tables.Column(verbose_name=_("Role"))
    forum = tables.Column(
        verbose_name=_("Forum"), order_by=("forum__name", "forum__structure__name", "pk")
    )
    organisation = tables.Column(
        verbose_name=_("Represents"), order_by=("organisation__name", "pk"), default=DASH
    )
    term = tables.Column(
        verbose_name=_("Term"), accessor="valid_from", order_by=("valid_from", "pk")
    )
    status = tables.Column(verbose_name=_("Status"))

    class Meta(Table.Meta):
        empty_text = _("No mandates match.")
        row_attrs = {"data-mandate": lambda record: record.pk}

    def __init__(self, *args, show_forum=True, **kwargs):
        if not show_forum:
            kwargs["exclude"] = (*kwargs.get("exclude", ()), "forum")
        super().__init__(*args, **kwargs)

    def render_role(self, record):
        if record.deputy_for_id:
            return format_html(
                "{} ({})",
                record.get_role_display(),
                _("for %(person)s") % {"person": record.deputy_for.person},
            )
        return record.get_role_display()

    def render_forum(self, record):
        return format_html(
            '<a href="{}">{}</a> <span class="text-body-secondary small">{}</span>',
            reverse("mandates:forum_mandates", args=[record.forum.slug]),
            record.forum.name,
            record.forum.structure.name,
        )

    def render_organisation(self, record):
        return record.organisation.name

    def render_term(self, record):
        end = _("until further notice")
        if record.valid_to:
            end = date_filter(record.valid_to, "Y-m-d")
        return format_html("{} – {}", date_filter(record.valid_from, "Y-m-d"), end)

    def render_status(self, record):
        return status_label(record)


class PersonTable(Table):
    """The directory; e-mail and phone only where the viewer may see them."""

    name = tables.Column(
        verbose_name=_("Name"),
        accessor="last_name",
        linkify=("people:person_detail", {"pk": tables.A("pk")}),
        order_by=("last_name", "first_name", "pk"),
        empty_values=(),
    )
    title = tables.Column(verbose_name=_("Title"), default=DASH)
    organisation = tables.Column(
        verbose_name=_("Organisation"), order_by=("organisation__name", "pk"), default=DASH
    )
    email = tables.Column(verbose_name=_("E-mail"), orderable=False, empty_values=())
    phone = tables.Column(verbose_name=_("Phone"), orderable=False, empty_values=())

    class Meta(Table.Meta):
        empty_text = _("No people match.")
        attrs = {**Table.Meta.attrs, "id": "people"}
        row_attrs = {"data-person": lambda record: record.pk}

    def _shown(self, record, published):
        """Published, or annotated `contact_shown` (selectors.person_list_visible_to)."""
        return published or getattr(record, "contact_shown", False)

    def render_name(self, record):
        return str(record)

    def render_organisation(self, record):
        return record.organisation.name

    def render_email(self, record):
        return record.email or DASH if self._shown(record, record.publish_email) else DASH

    def render_phone(self, record):
        return record.phone or DASH if self._shown(record, record.publish_phone) else DASH


def _first(data, *names):
    for name in names:
        if data.get(name):
            return str(data[name])
    return ""


class ImportRowTable(Table):
    """The rows of an import file as read, and whether each is valid and why not."""

    number = tables.Column(verbose_name=_("Row"))
    person = tables.Column(verbose_name=_("Person"), accessor="data", orderable=False)
    mandate = tables.Column(verbose_name=_("Mandate"), accessor="data", orderable=False)
    valid = tables.Column(verbose_name=_("Valid?"), accessor="errors", orderable=False)
    problems = tables.Column(verbose_name=_("Why not, or warnings"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        attrs = {**Table.Meta.attrs, "id": "import-rows"}
        row_attrs = {
            "data-row": lambda record: record.number,
            "data-valid": lambda record: "yes" if record.is_valid else "no",
        }

    def render_person(self, value):
        text = format_html(
            '{} {} <span class="small text-body-secondary">{}</span>',
            _first(value, "first_name"),
            _first(value, "last_name"),
            _first(value, "email", "username"),
        )
        if value.get("organisation"):
            text = format_html("{}, {}", text, value["organisation"])
        return text

    def render_mandate(self, value):
        if not (value.get("forum") or value.get("role")):
            return DASH
        return format_html(
            "{} – {} ({} – {})",
            _first(value, "role"),
            _first(value, "forum"),
            _first(value, "valid_from") or "…",
            _first(value, "valid_to") or "…",
        )

    def render_valid(self, record):
        if record.is_valid:
            return _("Valid")
        return format_html("<strong>{}</strong>", _("Not valid"))

    def render_problems(self, record):
        if not (record.errors or record.warnings):
            return DASH
        items = [(error,) for error in record.errors] + [
            (format_html("{}: {}", _("Warning"), warning),) for warning in record.warnings
        ]
        return format_html('<ul class="mb-0">{}</ul>', format_html_join("", "<li>{}</li>", items))
