"""The outline of an action plan (its PDF and its Word file, see cycle.exports): the forum
and year, the activities with owner, timing, status and what they serve, the year-end
comparison once adopted, and the forum's current contact people (published details only)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mandates.models import Mandate

from .exports import Outline, Section, Table

CONTACT_ROLES = (Mandate.Role.CHAIR, Mandate.Role.VICE_CHAIR, Mandate.Role.SECRETARY)


def _title(activity):
    if activity.added_after_adoption:
        return f"{activity.title} ({_('added during the year')})"
    return activity.title


def _timing(activity):
    starts = date_format(activity.starts_on, "Y-m-d") if activity.starts_on else ""
    ends = date_format(activity.ends_on, "Y-m-d") if activity.ends_on else ""
    return f"{starts} – {ends}" if starts or ends else ""


def _owner(activity):
    names = []
    if activity.owner is not None:
        names.append(activity.owner.get_full_name() or activity.owner.username)
    if activity.owner_organisation is not None:
        names.append(activity.owner_organisation.name)
    return ", ".join(names)


def _serves(activity):
    parts = [area.title for area in activity.priority_areas.all()]
    parts += [str(item) for item in activity.assignment_items.all()]
    parts += [case.reference for case in activity.cases.all()]
    return "; ".join(parts)


def _contacts(forum):
    """The forum's chair, vice chair and secretary now in office, with what they publish."""
    mandates = (
        Mandate.objects.filter(forum=forum, role__in=CONTACT_ROLES, status=Mandate.Status.ACTIVE)
        .select_related("person", "organisation")
        .order_by("role", "person__last_name")
    )
    rows = []
    for mandate in mandates:
        person = mandate.person
        rows.append(
            [
                mandate.get_role_display(),
                person.get_full_name() or person.username,
                mandate.organisation.name if mandate.organisation_id else "",
                person.email if person.publish_email else "",
                person.phone if person.publish_phone else "",
            ]
        )
    return rows


def action_plan_outline(plan, activities, comparison):
    forum = plan.forum
    status = _("Adopted") if plan.is_adopted else _("Draft")
    lines = [
        _("Structure: %(structure)s") % {"structure": forum.structure.name},
        _("Year: %(year)s") % {"year": plan.year},
        _("Status: %(status)s") % {"status": status},
    ]
    if plan.is_adopted and plan.agenda_item_id:
        lines.append(
            _("Adopted by the decision at %(meeting)s, item %(order)s.")
            % {"meeting": plan.agenda_item.meeting, "order": plan.agenda_item.order}
        )
    sections = []
    if plan.introduction.strip():
        sections.append(Section(heading=_("Introduction"), paragraphs=[plan.introduction]))
    rows = [
        [
            _title(activity),
            _owner(activity),
            _timing(activity),
            activity.get_status_display(),
            _serves(activity),
        ]
        for activity in activities
    ]
    sections.append(
        Section(
            heading=_("Activities"),
            tables=[
                Table(
                    caption=_("The plan's activities"),
                    headers=[_("Activity"), _("Owner"), _("Timing"), _("Status"), _("Serves")],
                    rows=rows,
                )
            ],
        )
    )
    if comparison is not None:
        when = _("At year end") if comparison.at_year_end else _("Now")
        sections.append(
            Section(
                heading=_("Follow-up"),
                tables=[
                    Table(
                        caption=_("Activities per status"),
                        headers=[_("Status"), _("When adopted"), when],
                        rows=[
                            [label, before, after] for _s, label, before, after in comparison.counts
                        ],
                    )
                ],
            )
        )
    contacts = _contacts(forum)
    if contacts:
        sections.append(
            Section(
                heading=_("Contact"),
                tables=[
                    Table(
                        caption=_("Contact people of the forum"),
                        headers=[_("Role"), _("Name"), _("Organisation"), _("E-mail"), _("Phone")],
                        rows=contacts,
                    )
                ],
            )
        )
    made = date_format(timezone.localdate(), "Y-m-d")
    return Outline(
        title=str(plan),
        author=forum.name,
        lines=lines,
        sections=sections,
        footer=_("Made %(date)s from the portal's record.") % {"date": made},
    )
