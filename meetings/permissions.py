"""Who may see and run a forum's meetings.

- See meetings, agendas, attendance, decisions and minutes: the forum's members (view_forum)
  and the structure's secretariat. The public sees only approved minutes of public forums.
- Plan meetings, build agendas, record attendance and decisions, draft minutes: the
  secretariat (manage_structure) and the forum's leaders (lead_forum: chair, vice chair,
  secretary).
- Call an extra meeting (R12): the chair.

The same rules scope querysets through the visibility API (`Meeting.objects.restrict(user,
"view")`, `"run"`); the registrations below are imported by `MeetingsConfig.ready()`.
"""

from django.db.models import Q

from forums.models import Forum
from forums.permissions import (
    LEAD_FORUM,
    VIEW_FORUM,
    can_manage_structure,
    forum_visibility_filter,
    forums_with_perm,
    structures_managed_by,
)
from kernel.visibility import VIEW, register_restriction
from mandates.models import Mandate
from mandates.permissions import mandates_in_force

from .models import ActionItem, AgendaItem, CalendarToken, Meeting, Minutes

RUN = "run"
# Read minutes, the page and its PDF alike: the forum's members and secretariat every
# version; whoever may see the forum (anyone, if it is public) the approved ones.
READ = "read"


def can_see_meetings(user, forum):
    return user.is_authenticated and (
        user.has_perm(VIEW_FORUM, forum) or can_manage_structure(user, forum.structure)
    )


def can_run_meetings(user, forum):
    return user.is_authenticated and (
        user.has_perm(LEAD_FORUM, forum) or can_manage_structure(user, forum.structure)
    )


def is_chair(user, forum):
    return (
        user.is_authenticated
        and mandates_in_force().filter(person=user, forum=forum, role=Mandate.Role.CHAIR).exists()
    )


# --- The same rules as querysets (the visibility API) ----------------------------------------


def forums_for_meetings(user, action=VIEW):
    """The forums whose meetings the user may see (VIEW) or run (RUN), as one query.

    The queryset form of `can_see_meetings` / `can_run_meetings`: the forums where the user
    holds the permission through a mandate, and every forum of the structures they run.
    """
    if not user.is_authenticated:
        return Forum.objects.none()
    perm = {VIEW: VIEW_FORUM, RUN: LEAD_FORUM}[action]
    return Forum.objects.filter(
        Q(pk__in=forums_with_perm(user, perm).values("pk"))
        | Q(structure__in=structures_managed_by(user).values("pk"))
    )


def _by_forum(lookup, action):
    def rule(queryset, user):
        if not user.is_authenticated:
            return queryset.none()
        return queryset.filter(**{f"{lookup}__in": forums_for_meetings(user, action).values("pk")})

    return rule


for _model, _lookup in (
    (Meeting, "forum"),
    (Minutes, "meeting__forum"),
    (AgendaItem, "meeting__forum"),
):
    register_restriction(_model, VIEW)(_by_forum(_lookup, VIEW))
    register_restriction(_model, RUN)(_by_forum(_lookup, RUN))


@register_restriction(Minutes, READ)
def minutes_readable(queryset, user):
    """One rule for the minutes page and the minutes PDF: the members and the secretariat
    read every version; whoever may see the forum (anyone, if it is public) reads approved
    minutes, which the public page publishes."""
    forums = Forum.objects.filter(forum_visibility_filter(user)).values("pk")
    approved = Q(status=Minutes.Status.APPROVED, meeting__forum__in=forums)
    if not user.is_authenticated:
        return queryset.filter(approved)
    return queryset.filter(
        approved | Q(meeting__forum__in=forums_for_meetings(user, VIEW).values("pk"))
    )


@register_restriction(ActionItem, VIEW)
def action_items_visible(queryset, user):
    """The assignee, and whoever sees the meeting's forum."""
    if not user.is_authenticated:
        return queryset.none()
    forums = forums_for_meetings(user, VIEW).values("pk")
    return queryset.filter(Q(assignee=user) | Q(meeting__forum__in=forums))


@register_restriction(ActionItem, "complete")
def action_items_completable(queryset, user):
    """The assignee, and whoever runs the meeting's forum."""
    if not user.is_authenticated:
        return queryset.none()
    forums = forums_for_meetings(user, RUN).values("pk")
    return queryset.filter(Q(assignee=user) | Q(meeting__forum__in=forums))


@register_restriction(CalendarToken, VIEW)
def calendar_tokens_visible(queryset, user):
    """A feed address is its owner's alone."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(person=user)
