"""The cases' part of the work inbox: cases waiting for preparation or for a meeting,
overdue cases, cases the chair prepares, and what happened to a person's cases."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.inbox import AGO, CAP, DUE, Entry, as_date, capped
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from .models import Case, CaseEvent
from .selectors import _mine, case_list_awaiting_meeting

# Waiting for preparation at the forum, and prepared but on no meeting's agenda yet.
TO_PREPARE = [Case.Status.OPEN, Case.Status.REFERRED_BACK]
TO_SCHEDULE = [Case.Status.IN_PREPARATION]


def _case_title(case):
    return f"{case.reference} {case.title}"


def _waiting_entry(kind):
    def entry(case):
        waiting_for = (
            _("waiting for preparation at %(forum)s")
            if case.status in TO_PREPARE
            else _("waiting for a meeting of %(forum)s")
        )
        return Entry(
            kind=kind,
            title=_case_title(case),
            url=case.get_absolute_url(),
            on=as_date(case.status_changed_at),
            mode=AGO,
            verb="waiting",
            detail=waiting_for % {"forum": case.current_forum.name},
        )

    return entry


def cases_waiting(*, forum_ids, statuses):
    """Cases at the forums in one of the statuses, the longest waiting first."""
    cases = (
        Case.objects.filter(current_forum_id__in=forum_ids, status__in=statuses)
        .select_related("current_forum")
        .order_by("status_changed_at", "id")[: CAP + 1]
    )
    kind = "cases_to_prepare" if statuses == TO_PREPARE else "cases_to_schedule"
    return capped(kind, cases, _waiting_entry(kind))


def cases_overdue(*, structures):
    """Escalated cases that have waited longer than their structure's deadline for a
    meeting (the secretariat's list of cases awaiting a meeting, over the deadline)."""
    now = timezone.now()
    sections = []
    for structure in structures:
        cutoff = now - datetime.timedelta(days=structure.escalated_case_deadline_days + 1)
        cases = case_list_awaiting_meeting(structure=structure).filter(arrived_at__lte=cutoff)

        def entry(case, structure=structure):
            return Entry(
                kind="cases_overdue",
                title=_case_title(case),
                url=case.get_absolute_url(),
                on=as_date(case.arrived_at)
                + datetime.timedelta(days=structure.escalated_case_deadline_days),
                mode=DUE,
                detail=_("escalated to %(forum)s, no meeting yet")
                % {"forum": case.current_forum.name},
            )

        sections.append(
            capped(
                "cases_overdue",
                cases[: CAP + 1],
                entry,
                all_url=reverse("escalation:secretariat_cases", kwargs={"slug": structure.slug}),
            )
        )
    return sections


def chaired_forum_ids(user):
    """The forums the user chairs or vice-chairs (who prepare cases with the secretariat)."""
    return list(
        mandates_in_force()
        .filter(person=user, role__in=[Mandate.Role.CHAIR, Mandate.Role.VICE_CHAIR])
        .values_list("forum_id", flat=True)
    )


def case_events_since(*, user, since):
    """What others did to the cases the user raised or follows since the moment."""
    events = (
        CaseEvent.objects.filter(case__in=_mine(user).values("pk"), at__gt=since)
        .exclude(actor=user)
        .select_related("case", "to_forum")
        .order_by("-at", "-id")[: CAP + 1]
    )

    def entry(event):
        detail = event.get_kind_display()
        if event.to_status:
            detail = f"{detail}: {event.get_to_status_display().lower()}"
        if event.to_forum_id:
            detail = f"{detail} ({event.to_forum.name})"
        return Entry(
            kind="case_events",
            title=_case_title(event.case),
            url=event.case.get_absolute_url(),
            on=as_date(event.at),
            mode=AGO,
            verb="changed",
            detail=detail,
        )

    return capped("case_events", events, entry, all_url=reverse("escalation:my_cases"))
