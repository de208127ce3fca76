"""The meetings' part of the work inbox: minutes to write or approve, meetings to convene
or call, coming meetings with their agendas, action items. Each function reads a fixed
number of queries whatever the number of rows (see tests/samverkan/inbox)."""

import datetime

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.inbox import AGO, CAP, DUE, Entry, as_date, capped, today
from forums.models import Forum
from mandates.models import Mandate
from mandates.permissions import PERMISSION_TEXT, ROLE_DUTIES, mandates_in_force
from mandates.rules import forums_findings
from mandates.rules.state import load_states

from .approval import MEMBER_ROLES, RULE_ROLES, Role, Rule
from .models import ActionItem, AgendaItem, Meeting, Minutes, MinutesApproval

# A meeting is convened (its notice sent) at least this many days before it starts.
NOTICE_DAYS = 14
# A meeting to convene shows this many days before its notice is due.
NOTICE_LEAD_DAYS = 7


def held_without_minutes(*, forum_ids):
    """Held meetings whose minutes are not written or still a draft, oldest first."""
    sent_or_approved = Minutes.objects.filter(meeting=OuterRef("pk"), amends__isnull=True).exclude(
        status=Minutes.Status.DRAFT
    )
    draft = Minutes.objects.filter(meeting=OuterRef("pk"), status=Minutes.Status.DRAFT)
    meetings = (
        Meeting.objects.filter(forum_id__in=forum_ids, status=Meeting.Status.HELD)
        .exclude(Exists(sent_or_approved))
        .annotate(has_draft=Exists(draft))
        .select_related("forum")
        .order_by("starts_at", "id")[: CAP + 1]
    )

    def entry(meeting):
        return Entry(
            kind="minutes_missing",
            title=meeting.display_name,
            url=meeting.get_absolute_url(),
            on=as_date(meeting.starts_at),
            mode=AGO,
            verb="held",
            detail=_("the minutes are a draft") if meeting.has_draft else _("no minutes yet"),
        )

    return capped("minutes_missing", meetings, entry)


def _chairs(forum_ids):
    return {
        m.forum_id: m.person
        for m in mandates_in_force()
        .filter(forum_id__in=forum_ids, role=Mandate.Role.CHAIR)
        .select_related("person")
    }


def _missing_roles(minutes):
    required = RULE_ROLES[Rule(minutes.meeting.forum.minutes_approval)]
    done = {approval.role for approval in minutes.approvals.all()}
    return [role for role in required if role not in done]


def _waiting(forum_ids):
    return list(
        Minutes.objects.filter(meeting__forum_id__in=forum_ids, status=Minutes.Status.IN_APPROVAL)
        .select_related("meeting__forum")
        .prefetch_related(
            Prefetch("approvals", queryset=MinutesApproval.objects.only("id", "role", "minutes"))
        )
        .order_by("submitted_at", "id")
    )


def minutes_in_approval(*, forum_ids):
    """Minutes sent for approval, with who has still to approve them (the chair by name)."""
    rows = _waiting(forum_ids)[: CAP + 1]
    chairs = _chairs({m.meeting.forum_id for m in rows})

    def entry(minutes):
        names = []
        for role in _missing_roles(minutes):
            label = str(Role(role).label)
            chair = chairs.get(minutes.meeting.forum_id)
            if role == Role.CHAIR and chair is not None:
                label = f"{label} ({chair.get_full_name() or chair.username})"
            names.append(label)
        return Entry(
            kind="minutes_waiting",
            title=minutes.meeting.display_name,
            url=minutes.get_absolute_url(),
            on=as_date(minutes.submitted_at or minutes.created_at),
            mode=AGO,
            verb="sent",
            detail=_("waiting for: %(whom)s") % {"whom": ", ".join(names)},
        )

    return capped("minutes_waiting", rows, entry)


def minutes_to_approve(*, user):
    """Minutes in approval in the forums the user chairs, where the chair has not approved."""
    chaired = list(
        mandates_in_force()
        .filter(person=user, role=Mandate.Role.CHAIR)
        .values_list("forum_id", flat=True)
    )
    rows = [
        minutes
        for minutes in _waiting(chaired)
        if Role.CHAIR in _missing_roles(minutes)
        # where the chair alone approves, a chair who wrote the draft cannot
        and not (
            minutes.author_id == user.pk
            and RULE_ROLES[Rule(minutes.meeting.forum.minutes_approval)] == (Role.CHAIR,)
        )
    ]

    def entry(minutes):
        return Entry(
            kind="minutes_to_approve",
            title=minutes.meeting.display_name,
            url=minutes.get_absolute_url(),
            on=as_date(minutes.submitted_at or minutes.created_at),
            mode=AGO,
            verb="sent",
        )

    return capped("minutes_to_approve", rows[: CAP + 1], entry)


def meetings_to_convene(*, forum_ids):
    """Planned meetings whose notice is due (NOTICE_DAYS before) within a week or overdue."""
    now = timezone.now()
    horizon = now + datetime.timedelta(days=NOTICE_DAYS + NOTICE_LEAD_DAYS)
    meetings = (
        Meeting.objects.filter(
            forum_id__in=forum_ids,
            status=Meeting.Status.PLANNED,
            starts_at__gte=now,
            starts_at__lte=horizon,
        )
        .select_related("forum")
        .order_by("starts_at", "id")[: CAP + 1]
    )

    def entry(meeting):
        return Entry(
            kind="meetings_to_convene",
            title=meeting.display_name,
            url=meeting.get_absolute_url(),
            on=as_date(meeting.starts_at) - datetime.timedelta(days=NOTICE_DAYS),
            mode=DUE,
            detail=_("notice not sent; the meeting starts %(date)s")
            % {"date": as_date(meeting.starts_at).isoformat()},
        )

    return capped("meetings_to_convene", meetings, entry)


def meetings_to_call(*, user):
    """Forums the user chairs that can no longer reach their minimum of meetings this year
    unless more are called: the meeting-frequency rule's findings, as the compliance page
    computes them."""
    forums = list(
        Forum.objects.filter(
            pk__in=mandates_in_force()
            .filter(person=user, role=Mandate.Role.CHAIR)
            .values("forum_id"),
            min_meetings_per_year__gt=0,
        ).exclude(active_to__lt=today())
    )
    if not forums:
        return capped("meetings_to_call", [], None)
    by_pk = {forum.pk: forum for forum in forums}
    findings = [f for f in forums_findings(load_states(forums), on=today()) if f.rule == "R12"]
    year_end = datetime.date(today().year, 12, 31)

    def entry(finding):
        forum = by_pk[finding.forum_id]
        return Entry(
            kind="meetings_to_call",
            title=forum.name,
            url=reverse("meetings:meeting_create", kwargs={"slug": forum.slug}),
            on=year_end,
            mode=DUE,
            detail=finding.message,
        )

    return capped("meetings_to_call", findings[: CAP + 1], entry)


def overdue_action_items(*, forum_ids):
    items = (
        ActionItem.objects.filter(
            meeting__forum_id__in=forum_ids,
            status=ActionItem.Status.OPEN,
            due_date__lt=today(),
        )
        .select_related("meeting__forum", "assignee")
        .order_by("due_date", "id")[: CAP + 1]
    )

    def entry(item):
        return Entry(
            kind="action_items_overdue",
            title=item.title,
            url=f"{item.meeting.get_absolute_url()}#actions",
            on=item.due_date,
            mode=DUE,
            detail=_("%(person)s, %(forum)s")
            % {
                "person": item.assignee.get_full_name() or item.assignee.username,
                "forum": item.meeting.forum.name,
            },
        )

    return capped("action_items_overdue", items, entry)


def my_action_items(*, user):
    items = (
        ActionItem.objects.filter(assignee=user, status=ActionItem.Status.OPEN)
        .select_related("meeting__forum")
        .order_by("due_date", "id")[: CAP + 1]
    )

    def entry(item):
        return Entry(
            kind="my_action_items",
            title=item.title,
            url=f"{item.meeting.get_absolute_url()}#actions",
            on=item.due_date,
            mode=DUE,
            detail=item.meeting.forum.name,
        )

    return capped("my_action_items", items, entry)


def coming_meetings(*, forum_ids):
    """Coming (planned or convened) meetings of the forums, each with links to its agenda
    items that take up a case."""
    meetings = (
        Meeting.objects.filter(
            forum_id__in=forum_ids,
            status__in=[Meeting.Status.PLANNED, Meeting.Status.CONVENED],
            starts_at__gte=timezone.now(),
        )
        .select_related("forum")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("case").order_by("order", "id"),
            )
        )
        .order_by("starts_at", "id")[: CAP + 1]
    )

    def entry(meeting):
        links = [(_("Agenda"), f"{meeting.get_absolute_url()}#agenda")]
        links += [
            (item.case.reference, item.case.get_absolute_url())
            for item in meeting.agenda_items.all()
            if item.case_id
        ]
        return Entry(
            kind="coming_meetings",
            title=meeting.display_name,
            url=meeting.get_absolute_url(),
            on=as_date(meeting.starts_at),
            mode=DUE,
            verb="meets",
            detail=meeting.location,
            links=links,
        )

    return capped("coming_meetings", meetings, entry, all_url=reverse("meetings:my_meetings"))


def mandate_abilities(mandate):
    """What the mandate lets its holder do, as the forum's rules say: the duty, the
    permissions, and whether the holder is among those who approve the forum's minutes."""
    from mandates.permissions import LEAD_FORUM, RAISE_CASE, ROLE_PERMISSIONS, VIEW_FORUM

    role = Mandate.Role(mandate.role)
    perms = ROLE_PERMISSIONS[role]
    abilities = [ROLE_DUTIES[role]]
    abilities += [
        PERMISSION_TEXT[perm] for perm in (VIEW_FORUM, RAISE_CASE, LEAD_FORUM) if perm in perms
    ]
    rule = Rule(mandate.forum.minutes_approval)
    if role == Mandate.Role.CHAIR:
        abilities.append(_("Approve the minutes, as the chair"))
    elif role in MEMBER_ROLES and Role.MEMBER in RULE_ROLES[rule]:
        abilities.append(_("Approve the minutes, as the member who approves with the chair"))
    elif role in MEMBER_ROLES and Role.OTHER_PARTY_MEMBER in RULE_ROLES[rule]:
        abilities.append(
            _(
                "Approve the minutes with the chair, where your organisation belongs to "
                "the other party"
            )
        )
    return abilities
