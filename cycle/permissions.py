"""Who may see and change a forum's yearly cycle.

- See priority areas, action plans, direction documents and annual reports (drafts too):
  the forum's members and the structure's secretariat, as for meetings. Adopted annual reports
  of public forums are published: anyone reads them ("read").
- Draft, edit and put on an agenda ("draft"): the structure's secretariat, who do the typing
  (seeds 001, 003). The forum adopts by a decision at a meeting, never on this page.

The registrations below are imported by `CycleConfig.ready()`.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from forums.models import Forum
from forums.permissions import can_manage_structure, forum_visibility_filter, structures_managed_by
from kernel.visibility import VIEW, register_restriction
from meetings.permissions import can_see_meetings, forums_for_meetings

from .models import (
    ActionPlan,
    Activity,
    AnnualReport,
    DirectionDocument,
    DirectionDocumentVersion,
    PriorityArea,
    PrioritySet,
)

DRAFT = "draft"
READ = "read"


def can_see_cycle(user, forum):
    return can_see_meetings(user, forum)


def can_draft(user, forum):
    return user.is_authenticated and can_manage_structure(user, forum.structure)


def require_draft(user, forum):
    if not can_draft(user, forum):
        raise PermissionDenied


def forums_drafted_by(user):
    if not user.is_authenticated:
        return Forum.objects.none()
    return Forum.objects.filter(structure__in=structures_managed_by(user).values("pk"))


def _by_forum(lookup, action):
    def rule(queryset, user):
        if not user.is_authenticated:
            return queryset.none()
        forums = forums_for_meetings(user) if action == VIEW else forums_drafted_by(user)
        return queryset.filter(**{f"{lookup}__in": forums.values("pk")})

    return rule


for _model, _lookup in (
    (PrioritySet, "forum"),
    (PriorityArea, "priority_set__forum"),
    (ActionPlan, "forum"),
    (Activity, "plan__forum"),
    (DirectionDocument, "forum"),
    (DirectionDocumentVersion, "document__forum"),
    (AnnualReport, "forum"),
):
    register_restriction(_model, VIEW)(_by_forum(_lookup, VIEW))
    register_restriction(_model, DRAFT)(_by_forum(_lookup, DRAFT))


@register_restriction(AnnualReport, READ)
def annual_reports_readable(queryset, user):
    """Members and the secretariat read every version; whoever may see the forum (anyone,
    if it is public) reads adopted reports, which the public page publishes."""
    forums = Forum.objects.filter(forum_visibility_filter(user)).values("pk")
    adopted = Q(status=AnnualReport.Status.ADOPTED, forum__in=forums)
    if not user.is_authenticated:
        return queryset.filter(adopted)
    return queryset.filter(adopted | Q(forum__in=forums_for_meetings(user, VIEW).values("pk")))


# --- the follow-up of a structure's year ----------------------------------------------------


def structures_followed_up_by(user):
    """The structures whose follow-up the user sees: those where they see a forum's meetings
    (the structure's secretariat, and the forums' members)."""
    from forums.models import Structure

    if not user.is_authenticated:
        return Structure.objects.none()
    return Structure.objects.filter(pk__in=forums_for_meetings(user).values("structure"))
