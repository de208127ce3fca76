"""A forum's action plans: the plan and its activities, the way to the agenda, the
follow-up during the year, the year-end comparison, and the plan as PDF and Word."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernel.views import action_submit

from .. import selectors_plans as selectors
from .. import services
from ..exports import DOCX_CONTENT_TYPE, outline_docx, outline_pdf
from ..forms_plans import ActivityForm, FollowUpForm, IntroductionForm, MeetingChoiceForm, YearForm
from ..outline_plans import action_plan_outline
from ..permissions import DRAFT, can_draft
from ..services.plans import can_follow_up
from .priorities import form_page


@login_required
def action_plan_create(request, slug):
    forum = selectors.forum_get(user=request.user, slug=slug, action=DRAFT)
    return form_page(
        request,
        YearForm(request.POST or None),
        lambda data: services.action_plan_create(actor=request.user, forum=forum, **data),
        success=lambda plan: plan.get_absolute_url(),
        message=_("The action plan is drafted: add its activities."),
        back=forum.get_absolute_url(),
        title=_("New action plan"),
        forum=forum,
    )


@login_required
def action_plan_detail(request, pk):
    plan = selectors.action_plan_get(user=request.user, pk=pk)
    forum = plan.forum
    activities = selectors.activities_of(plan)
    drafts = can_draft(request.user, forum)
    context = {
        "plan": plan,
        "forum": forum,
        "activities": activities,
        "can_draft": drafts,
        "comparison": selectors.plan_comparison(plan, activities),
        "user_pk": request.user.pk,
    }
    if drafts and not plan.is_adopted:
        context["agenda_form"] = MeetingChoiceForm(forum=forum)
    return render(request, "cycle/plans/action_plan_detail.html", context)


@login_required
def action_plan_edit(request, pk):
    plan = selectors.action_plan_get(user=request.user, pk=pk, action=DRAFT)
    return form_page(
        request,
        IntroductionForm(request.POST or None, initial={"introduction": plan.introduction}),
        lambda data: services.action_plan_update(actor=request.user, plan=plan, **data),
        success=plan.get_absolute_url(),
        message=_("The introduction is saved."),
        back=plan.get_absolute_url(),
        title=_("Edit the introduction"),
        forum=plan.forum,
        document=plan,
    )


@login_required
def action_plan_put_on_agenda(request, pk):
    plan = selectors.action_plan_get(user=request.user, pk=pk, action=DRAFT)
    return form_page(
        request,
        MeetingChoiceForm(request.POST or None, forum=plan.forum),
        lambda data: services.action_plan_put_on_agenda(actor=request.user, plan=plan, **data),
        success=plan.get_absolute_url(),
        message=_("The action plan is on the agenda; the forum adopts it by its decision."),
        back=plan.get_absolute_url(),
        title=_("Put on the agenda"),
        forum=plan.forum,
        document=plan,
    )


@login_required
def activity_add(request, pk):
    plan = selectors.action_plan_get(user=request.user, pk=pk, action=DRAFT)
    if plan.is_adopted:
        message = _("The activity is added to the plan as added during the year.")
    else:
        message = _("The activity is added.")
    return form_page(
        request,
        ActivityForm(request.POST or None, plan=plan),
        lambda data: services.activity_add(actor=request.user, plan=plan, **data),
        success=plan.get_absolute_url() + "#activities",
        message=message,
        back=plan.get_absolute_url(),
        title=_("Add an activity"),
        forum=plan.forum,
        document=plan,
    )


@login_required
def activity_edit(request, pk):
    activity = selectors.activity_get(user=request.user, pk=pk, action=DRAFT)
    plan = activity.plan
    return form_page(
        request,
        ActivityForm(request.POST or None, instance=activity, plan=plan),
        lambda data: services.activity_update(actor=request.user, activity=activity, **data),
        success=plan.get_absolute_url() + "#activities",
        message=_("The activity is saved."),
        back=plan.get_absolute_url(),
        title=_("Edit the activity"),
        forum=plan.forum,
        document=plan,
    )


@login_required
@require_POST
def activity_remove(request, pk):
    activity = selectors.activity_get(user=request.user, pk=pk, action=DRAFT)
    back = activity.plan.get_absolute_url() + "#activities"
    return action_submit(
        request,
        lambda: services.activity_remove(actor=request.user, activity=activity),
        success=back,
        failure=back,
        message=_("The activity is removed."),
    )


@login_required
def activity_follow_up(request, pk):
    """The secretariat and the activity's owner record its status, with a note."""
    activity = selectors.activity_get(user=request.user, pk=pk)
    if not can_follow_up(request.user, activity):
        raise PermissionDenied
    plan = activity.plan
    return form_page(
        request,
        FollowUpForm(request.POST or None, activity=activity),
        lambda data: services.activity_follow_up(actor=request.user, activity=activity, **data),
        success=plan.get_absolute_url() + "#activities",
        message=_("The follow-up is saved."),
        back=plan.get_absolute_url(),
        title=_("Follow up “%(activity)s”") % {"activity": activity.title},
        forum=plan.forum,
        document=plan,
        activity=activity,
        follow_ups=selectors.follow_ups_of(activity),
    )


def _outline(request, pk):
    plan = selectors.action_plan_get(user=request.user, pk=pk)
    activities = selectors.activities_of(plan)
    return plan, action_plan_outline(plan, activities, selectors.plan_comparison(plan, activities))


@login_required
def action_plan_pdf(request, pk):
    plan, outline = _outline(request, pk)
    response = HttpResponse(outline_pdf(outline), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="handlingsplan-{plan.year}-{plan.pk}.pdf"'
    return response


@login_required
def action_plan_docx(request, pk):
    plan, outline = _outline(request, pk)
    response = HttpResponse(outline_docx(outline), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="handlingsplan-{plan.year}-{plan.pk}.docx"'
    )
    return response
