"""The work inbox of the start page: what waits for the user, per role.

Composes the apps' inbox reads (forums.inbox, mandates.inbox, escalation.inbox,
meetings.inbox) into labelled groups of sections; each entry is a link with its age or
deadline in words. The number of queries depends on the user's structures, not on how many
entries there are (each section reads at most CAP + 1 rows).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycle import inbox as cycle
from escalation import inbox as cases
from forums.inbox import AGO, NOW, forum_ids_run_by, today
from forums.permissions import structures_managed_by
from mandates import inbox as mandates
from mandates.permissions import mandates_in_force
from meetings import inbox as meetings

# The session key holding the start of the user's previous visit (kept at sign-in).
PREVIOUS_VISIT = "inbox_previous_visit"
# Without a previous visit, "what happened" covers this many days.
DEFAULT_SINCE_DAYS = 14


@dataclass
class Group:
    """The inbox of one role."""

    role: str
    heading: str
    sections: list = field(default_factory=list)

    @property
    def entries(self):
        return [entry for section in self.sections for entry in section.entries]


HEADINGS = {
    "minutes_missing": lambda: _("Held meetings without approved minutes"),
    "minutes_waiting": lambda: _("Minutes waiting for approval"),
    "meetings_to_convene": lambda: _("Meetings to convene"),
    "cases_to_prepare": lambda: _("Cases waiting for preparation"),
    "cases_to_schedule": lambda: _("Cases waiting for a meeting"),
    "cases_overdue": lambda: _("Overdue cases"),
    "action_items_overdue": lambda: _("Overdue action items"),
    "mandates_ending": lambda: _("Mandates ending within 60 days"),
    "empty_seats": lambda: _("Empty seats"),
    "findings": lambda: _("Compliance findings"),
    "minutes_to_approve": lambda: _("Minutes to approve"),
    "meetings_to_call": lambda: _("Meetings to call"),
    "case_events": lambda: _("What happened to your cases since your last visit"),
    "coming_meetings": lambda: _("Coming meetings"),
    "my_action_items": lambda: _("Your action items"),
    "annual_reports_to_draft": lambda: _("Annual reports to draft"),
    "annual_reports_to_send": lambda: _("Adopted annual reports not yet sent"),
}


def _ago(verb, days):
    """ "held 94 days ago" and the like, one whole sentence per verb (for the translation)."""
    if verb == "held":
        if days <= 0:
            return _("held today")
        return ngettext("held %(count)d day ago", "held %(count)d days ago", days)
    if verb == "sent":
        if days <= 0:
            return _("sent for approval today")
        return ngettext(
            "sent for approval %(count)d day ago", "sent for approval %(count)d days ago", days
        )
    if verb == "waiting":
        if days <= 0:
            return _("waiting since today")
        return ngettext("waiting for %(count)d day", "waiting for %(count)d days", days)
    if verb == "changed":
        if days <= 0:
            return _("changed today")
        return ngettext("changed %(count)d day ago", "changed %(count)d days ago", days)
    if days <= 0:
        return _("today")
    return ngettext("%(count)d day ago", "%(count)d days ago", days)


def when(entry, day=None):
    """The entry's age or deadline in words: "held 94 days ago", "due in 3 days"."""
    day = day or today()
    if entry.mode == NOW:
        return ""
    days = (day - entry.on).days
    if entry.mode == AGO:
        return _ago(entry.verb, days) % {"count": days}
    if entry.verb == "ends":  # a mandate that ends: when, not a deadline to act by
        if days == 0:
            return _("ends today")
        return ngettext("ends in %(count)d day", "ends in %(count)d days", -days) % {"count": -days}
    if entry.verb == "meets":  # a coming meeting: when, not a deadline
        if days == 0:
            return _("today")
        return ngettext("in %(count)d day", "in %(count)d days", -days) % {"count": -days}
    if days > 0:
        return ngettext("%(count)d day overdue", "%(count)d days overdue", days) % {"count": days}
    if days == 0:
        return _("due today")
    return ngettext("due in %(count)d day", "due in %(count)d days", -days) % {"count": -days}


def _worded(groups):
    day = today()
    for group in groups:
        for section in group.sections:
            section.heading = HEADINGS[section.kind]()
            for entry in section.entries:
                entry.when = when(entry, day)
    return [group for group in groups if group.entries]


def previous_visit(session, user):
    """When the previous visit began: kept in the session at sign-in, else a default."""
    value = session.get(PREVIOUS_VISIT)
    moment = parse_datetime(value) if value else None
    if moment is None:
        moment = timezone.now() - datetime.timedelta(days=DEFAULT_SINCE_DAYS)
    return moment


def secretariat_group(user):
    structures = list(structures_managed_by(user).filter(archived_at__isnull=True).order_by("name"))
    if not structures:
        return None
    forum_ids = forum_ids_run_by(user)
    sections = [
        meetings.held_without_minutes(forum_ids=forum_ids),
        meetings.minutes_in_approval(forum_ids=forum_ids),
        meetings.meetings_to_convene(forum_ids=forum_ids),
        cases.cases_waiting(forum_ids=forum_ids, statuses=cases.TO_PREPARE),
        cases.cases_waiting(forum_ids=forum_ids, statuses=cases.TO_SCHEDULE),
        *cases.cases_overdue(structures=structures),
        meetings.overdue_action_items(forum_ids=forum_ids),
        mandates.mandates_ending(forum_ids=forum_ids),
        cycle.annual_reports_to_draft(forum_ids=forum_ids),
        cycle.annual_reports_to_send(forum_ids=forum_ids),
    ]
    compliance = mandates.structure_sections(structures=structures)
    sections += [seats for _structure, seats, _findings in compliance]
    sections += [findings for _structure, _seats, findings in compliance]
    return Group("secretariat", _("For the secretariat"), _merge(sections))


def _merge(sections):
    """One section per kind (the per-structure ones joined), in the order given."""
    merged = {}
    for section in sections:
        if section.kind in merged:
            into = merged[section.kind]
            into.entries += section.entries
            into.more = into.more or section.more
            into.all_urls = list(dict.fromkeys(into.all_urls + section.all_urls))
        else:
            merged[section.kind] = section
    return list(merged.values())


def chair_group(user):
    chaired = cases.chaired_forum_ids(user)
    if not chaired:
        return None
    sections = [
        meetings.minutes_to_approve(user=user),
        cases.cases_waiting(forum_ids=chaired, statuses=cases.TO_PREPARE),
        meetings.meetings_to_convene(forum_ids=chaired),
        meetings.meetings_to_call(user=user),
    ]
    return Group("chair", _("For the chair"), _merge(sections))


def representative_group(user, *, since):
    forum_ids = list(
        mandates_in_force().filter(person=user).values_list("forum_id", flat=True).distinct()
    )
    sections = [
        cases.case_events_since(user=user, since=since),
        meetings.coming_meetings(forum_ids=forum_ids),
        meetings.my_action_items(user=user),
    ]
    return Group("representative", _("For you"), _merge(sections))


def inbox_for(user, *, session):
    """The inbox groups of the user's roles that have something in them."""
    groups = [
        secretariat_group(user),
        chair_group(user),
        representative_group(user, since=previous_visit(session, user)),
    ]
    return _worded([group for group in groups if group is not None])
