"""The current members, with only the contact details each person chose to publish (the
annual report is published with current contact details)."""

from django.utils.translation import gettext as _

from mandates.selectors import forum_members

from . import FigureTable, ReportSection, Row
from .common import DASH, count_cell, link, text_cell


def published_contact(person):
    """(e-mail, phone) as the public forum page shows them: only what the person publishes."""
    email = person.email if person.publish_email and person.email else ""
    phone = person.phone if person.publish_phone and person.phone else ""
    return email, phone


def section(ctx):
    url = link("mandates:forum_mandates", {"status": "active"}, slug=ctx.forum.slug)
    table = FigureTable(
        caption=_("Current members and the contact details they publish"),
        headers=[_("Name"), _("Role"), _("Organisation"), _("E-mail"), _("Phone")],
    )
    for mandate in forum_members(forum=ctx.forum):
        person = mandate.person
        email, phone = published_contact(person)
        table.rows.append(
            Row(
                label=text_cell(person.get_full_name() or person.username),
                cells=[
                    text_cell(mandate.get_role_display()),
                    text_cell(mandate.organisation.name if mandate.organisation else DASH),
                    text_cell(email or DASH, f"mailto:{email}" if email else ""),
                    text_cell(phone or DASH),
                ],
            )
        )
    facts = [[_("Current members"), count_cell(len(table.rows), url)]]
    return ReportSection(key="members", heading=_("Members"), facts=facts, tables=[table])
