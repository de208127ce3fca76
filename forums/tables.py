"""The tables of the forums' list pages (django-tables2, on kernel.lists.Table)."""

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kernel.lists import Table

DASH = "–"


def _hidden_name(text, name):
    """A link text with the object's name for screen readers ("Edit <name>")."""
    return format_html('{}<span class="visually-hidden"> {}</span>', text, name)


def _link(url, text, name):
    return format_html('<a href="{}">{}</a>', url, _hidden_name(text, name))


def _archived(name, archived_at):
    if archived_at:
        return format_html("{} ({})", name, _("archived"))
    return name


class ForumTable(Table):
    name = tables.Column(verbose_name=_("Name"), linkify=True)
    structure = tables.Column(verbose_name=_("Structure"), accessor="structure__name")
    tier = tables.Column(verbose_name=_("Tier"))
    kind = tables.Column(verbose_name=_("Kind"))
    escalates_to = tables.Column(
        verbose_name=_("Escalates to"), accessor="escalates_to__name", default=DASH
    )
    status = tables.Column(verbose_name=_("Status"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        empty_text = _("No forums match.")
        order_by = ("structure", "tier", "name")

    def __init__(self, *args, managed_structure_ids=(), today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.managed_structure_ids = set(managed_structure_ids)
        self.today = today or timezone.localdate()

    def render_status(self, record):
        wound_down = record.active_to is not None and record.active_to < self.today
        text = format_html("{}", _("Wound down") if wound_down else _("Active"))
        if record.is_public:
            text = format_html("{}, {}", text, _("public"))
        if record.structure_id in self.managed_structure_ids:
            url = reverse("forums:forum_update", args=[record.slug])
            text = format_html("{} {}", text, _link(url, _("Edit"), record.name))
        return text


class StructureTable(Table):
    name = tables.Column(verbose_name=_("Name"))
    forum_count = tables.Column(verbose_name=_("Forums"))
    is_partnership = tables.Column(verbose_name=_("Partnership"))
    role = tables.Column(verbose_name=_("Your role"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        empty_text = _("No structures match.")
        order_by = ("name",)

    def __init__(self, *args, managed_structure_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.managed_structure_ids = set(managed_structure_ids)

    def render_name(self, record, value):
        return format_html(
            '<a href="{}">{}</a>', record.get_absolute_url(), _archived(value, record.archived_at)
        )

    def render_is_partnership(self, value):
        return _("Yes") if value else _("No")

    def render_role(self, record):
        if record.pk in self.managed_structure_ids:
            return _("Secretariat")
        return _("Member or reader")


class OrganisationTable(Table):
    name = tables.Column(verbose_name=_("Name"))
    short_name = tables.Column(verbose_name=_("Short name"), default=DASH)
    kind = tables.Column(verbose_name=_("Kind"))
    parties = tables.Column(verbose_name=_("Parties"), accessor="pk", orderable=False)
    actions = tables.Column(verbose_name=_("Actions"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        empty_text = _("No organisations match.")
        order_by = ("name",)

    def render_name(self, record, value):
        url = reverse("forums:organisation_update", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, _archived(value, record.archived_at))

    def render_parties(self, record):
        parties = record.parties.all()  # prefetched with their structures
        if not parties:
            return DASH
        return format_html_join(
            ", ", "{} ({})", ((party.name, party.structure.name) for party in parties)
        )

    def render_actions(self, record):
        edit = _link(
            reverse("forums:organisation_update", args=[record.pk]), _("Edit"), record.name
        )
        if not record.may_change:  # its parties only; no archiving
            return edit
        if record.archived_at:
            other = _link(
                reverse("forums:organisation_restore", args=[record.pk]), _("Restore"), record.name
            )
        else:
            other = _link(
                reverse("forums:organisation_archive", args=[record.pk]), _("Archive"), record.name
            )
        return format_html("{} · {}", edit, other)
