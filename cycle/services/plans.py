"""A forum's yearly action plan: drafted by the structure's secretariat, adopted by the
forum's decision, then followed up during the year (each activity's status, with a note)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from escalation.models import Case
from forums.models import AssignmentItem, Forum, Organisation
from kernel.errors import DomainError
from kernel.history import save_with_history
from mandates.models import Mandate
from meetings.models import ActionItem

from ..models import ActionPlan, Activity, PriorityArea, PrioritySet
from ..permissions import can_draft, require_draft
from .agenda import document_put_on_agenda
from .priorities import check_year

# What the secretariat sets on an activity (while the plan is a draft, or when adding one
# during the year); the follow-up changes only `status` and `status_note`.
ACTIVITY_FIELDS = ("title", "description", "owner", "owner_organisation", "starts_on", "ends_on")
ACTIVITY_LINKS = ("assignment_items", "priority_areas", "cases", "action_items")
FOLLOW_UP_FIELDS = ("status", "status_note")


@transaction.atomic
def action_plan_create(*, actor, forum, year, introduction=""):
    require_draft(actor, forum)
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    check_year(year)
    if ActionPlan.objects.filter(forum=forum, year=year).exists():
        raise ValidationError(
            {"year": [_("%(forum)s has an action plan for %(year)s already.") % {
                "forum": forum, "year": year}]}
        )  # fmt: skip
    plan = ActionPlan(forum=forum, year=year, introduction=introduction, created_by=actor)
    return save_with_history(plan, actor=actor, reason="drafted")


def _lock_plan(actor, plan):
    require_draft(actor, plan.forum)
    return ActionPlan.objects.select_for_update().select_related("forum").get(pk=plan.pk)


def _lock_draft(actor, plan):
    plan = _lock_plan(actor, plan)
    if plan.is_adopted:
        raise DomainError(_("The action plan is adopted: follow its activities up instead."))
    return plan


@transaction.atomic
def action_plan_update(*, actor, plan, introduction):
    plan = _lock_draft(actor, plan)
    plan.introduction = introduction
    return save_with_history(plan, actor=actor, reason="edited")


# --- what an activity may link to ---------------------------------------------------------


def owners_for(forum):
    """Who may own an activity: the forum's members with an active mandate and the
    structure's secretariat."""
    from django.contrib.auth import get_user_model

    members = Mandate.objects.filter(forum=forum, status=Mandate.Status.ACTIVE).values("person")
    staff = forum.structure.secretariat_staff.values("pk")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=members) | Q(pk__in=staff), is_active=True)
        .order_by("last_name", "first_name", "pk")
    )


def organisations_for(forum):
    return Organisation.objects.filter(archived_at__isnull=True).order_by("name")


def assignments_for(forum):
    return AssignmentItem.objects.filter(forum=forum).order_by("kind", "order", "id")


def priority_areas_for(forum, year):
    """The adopted priority areas of the forum's structure for the plan's year."""
    return (
        PriorityArea.objects.filter(
            priority_set__forum__structure_id=forum.structure_id,
            priority_set__year=year,
            priority_set__status=PrioritySet.Status.ADOPTED,
        )
        .select_related("priority_set")
        .order_by("priority_set__forum__name", "order", "id")
    )


def cases_for(forum):
    return Case.objects.filter(Q(current_forum=forum) | Q(origin_forum=forum)).order_by(
        "-reference"
    )


def action_items_for(forum):
    return (
        ActionItem.objects.filter(meeting__forum=forum)
        .select_related("meeting")
        .order_by("-meeting__starts_at", "id")
    )


LINK_CHOICES = {
    "assignment_items": lambda plan: assignments_for(plan.forum),
    "priority_areas": lambda plan: priority_areas_for(plan.forum, plan.year),
    "cases": lambda plan: cases_for(plan.forum),
    "action_items": lambda plan: action_items_for(plan.forum),
}
LINK_REFUSALS = {
    "assignment_items": gettext_lazy("Link only assignments of this forum's charter."),
    "priority_areas": gettext_lazy("Link only adopted priority areas of this structure and year."),
    "cases": gettext_lazy("Link only cases of this forum."),
    "action_items": gettext_lazy("Link only action items of this forum's meetings."),
}


def _checked_links(plan, links):
    checked = {}
    for name in ACTIVITY_LINKS:
        chosen = list(links.get(name) or ())
        model = LINK_CHOICES[name](plan).model
        ids = [obj.pk for obj in chosen if isinstance(obj, model)]
        allowed = set(LINK_CHOICES[name](plan).filter(pk__in=ids).values_list("pk", flat=True))
        if len(ids) != len(chosen) or set(ids) - allowed:
            raise ValidationError({name: [str(LINK_REFUSALS[name])]})
        checked[name] = ids
    return checked


def _checked_fields(plan, data):
    values = {name: data.get(name) for name in ACTIVITY_FIELDS}
    values["title"] = (values["title"] or "").strip()
    values["description"] = values["description"] or ""
    if not values["title"]:
        raise ValidationError({"title": [_("Give the activity a title.")]})
    owner = values["owner"]
    if owner is not None and not owners_for(plan.forum).filter(pk=owner.pk).exists():
        raise ValidationError(
            {"owner": [_("The owner is a member of the forum or of its secretariat.")]}
        )
    organisation = values["owner_organisation"]
    if organisation is not None and organisation.archived_at is not None:
        raise ValidationError({"owner_organisation": [_("The organisation is archived.")]})
    starts, ends = values["starts_on"], values["ends_on"]
    if starts and ends and ends < starts:
        raise ValidationError({"ends_on": [_("The activity ends on or after its start.")]})
    return values


def _save_links(activity, links, *, actor, reason):
    activity._history_user = actor
    activity._change_reason = reason
    for name, ids in links.items():
        getattr(activity, name).set(ids)


@transaction.atomic
def activity_add(*, actor, plan, **data):
    """An activity of a draft plan; on an adopted plan, one added during the year (marked so)."""
    plan = _lock_plan(actor, plan)
    values = _checked_fields(plan, data)
    links = _checked_links(plan, data)
    last = plan.activities.aggregate(last=Max("order"))["last"]
    activity = Activity(
        plan=plan, order=(last or 0) + 1, added_after_adoption=plan.is_adopted, **values
    )
    reason = "added during the year" if plan.is_adopted else "added"
    save_with_history(activity, actor=actor, reason=reason)
    _save_links(activity, links, actor=actor, reason=reason)
    return activity


def _lock_activity(actor, activity):
    plan = _lock_draft(actor, activity.plan)
    return plan, Activity.objects.select_for_update().get(pk=activity.pk, plan=plan)


@transaction.atomic
def activity_update(*, actor, activity, **data):
    plan, activity = _lock_activity(actor, activity)
    for name, value in _checked_fields(plan, data).items():
        setattr(activity, name, value)
    links = _checked_links(plan, data)
    save_with_history(activity, actor=actor, reason="edited")
    _save_links(activity, links, actor=actor, reason="edited")
    return activity


@transaction.atomic
def activity_remove(*, actor, activity):
    _plan, activity = _lock_activity(actor, activity)
    _save_links(activity, {name: [] for name in ACTIVITY_LINKS}, actor=actor, reason="removed")
    activity.delete()


@transaction.atomic
def action_plan_put_on_agenda(*, actor, plan, meeting):
    plan = _lock_draft(actor, plan)
    if not plan.activities.exists():
        raise DomainError(_("Add at least one activity before the forum adopts the plan."))
    lines = [plan.introduction.strip()] if plan.introduction.strip() else []
    lines += [f"{n}. {a.title}" for n, a in enumerate(plan.activities.all(), start=1)]
    return document_put_on_agenda(
        actor=actor,
        document=plan,
        meeting=meeting,
        title=_("Action plan %(year)s") % {"year": plan.year},
        description="\n".join(lines),
    )


# --- follow-up during the year ------------------------------------------------------------


def can_follow_up(user, activity):
    """The structure's secretariat, and the activity's owner."""
    if not user.is_authenticated:
        return False
    return activity.owner_id == user.pk or can_draft(user, activity.plan.forum)


@transaction.atomic
def activity_follow_up(*, actor, activity, status, status_note=""):
    """Change the status of an adopted plan's activity, with a note; each change is a row in
    the activity's history."""
    if not can_follow_up(actor, activity):
        raise PermissionDenied
    activity = Activity.objects.select_for_update().select_related("plan").get(pk=activity.pk)
    if not activity.plan.is_adopted:
        raise DomainError(_("An activity is followed up once the plan is adopted."))
    if status not in Activity.Status.values:
        raise ValidationError({"status": [_("Choose a status.")]})
    status_note = (status_note or "").strip()
    if status == activity.status:
        if not status_note:
            raise ValidationError({"status_note": [_("Write what has happened.")]})
    else:
        activity.check_transition(status)
    activity.status = status
    activity.status_note = status_note
    return save_with_history(activity, actor=actor, reason="followed up")
