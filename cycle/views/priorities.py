"""The strategic forum's priority areas: a year's set, its areas, its way to the agenda, and
the cases and decisions linked to an adopted area."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernel.views import action_submit, form_submit

from .. import selectors_plans as selectors
from .. import services
from ..forms_plans import (
    IntroductionForm,
    MeetingChoiceForm,
    PriorityAreaForm,
    PriorityAreaLinksForm,
    YearForm,
)
from ..permissions import DRAFT, can_draft


def form_page(request, form, call, *, success, message, back, title, **context):
    """form -> service -> errors -> confirmation and redirect, else the form page."""
    response = form_submit(request, form, call, success=success, message=message)
    return response or render(
        request,
        "cycle/plans/form.html",
        {**context, "form": form, "title": title, "back": back},
    )


@login_required
def priority_set_create(request, slug):
    forum = selectors.forum_get(user=request.user, slug=slug, action=DRAFT)
    return form_page(
        request,
        YearForm(request.POST or None),
        lambda data: services.priority_set_create(actor=request.user, forum=forum, **data),
        success=lambda priority_set: priority_set.get_absolute_url(),
        message=_("The priority areas are drafted: add the areas."),
        back=forum.get_absolute_url(),
        title=_("New priority areas"),
        forum=forum,
    )


@login_required
def priority_set_detail(request, pk):
    priority_set = selectors.priority_set_get(user=request.user, pk=pk)
    forum = priority_set.forum
    drafts = can_draft(request.user, forum)
    context = {
        "priority_set": priority_set,
        "forum": forum,
        "areas": selectors.areas_of(priority_set),
        "can_draft": drafts,
    }
    if drafts and not priority_set.is_adopted:
        context["agenda_form"] = MeetingChoiceForm(forum=forum)
    return render(request, "cycle/plans/priority_set_detail.html", context)


@login_required
def priority_set_edit(request, pk):
    priority_set = selectors.priority_set_get(user=request.user, pk=pk, action=DRAFT)
    form = IntroductionForm(
        request.POST or None, initial={"introduction": priority_set.introduction}
    )
    return form_page(
        request,
        form,
        lambda data: services.priority_set_update(
            actor=request.user, priority_set=priority_set, **data
        ),
        success=priority_set.get_absolute_url(),
        message=_("The introduction is saved."),
        back=priority_set.get_absolute_url(),
        title=_("Edit the introduction"),
        forum=priority_set.forum,
        document=priority_set,
    )


@login_required
def priority_set_put_on_agenda(request, pk):
    priority_set = selectors.priority_set_get(user=request.user, pk=pk, action=DRAFT)
    return form_page(
        request,
        MeetingChoiceForm(request.POST or None, forum=priority_set.forum),
        lambda data: services.priority_set_put_on_agenda(
            actor=request.user, priority_set=priority_set, **data
        ),
        success=priority_set.get_absolute_url(),
        message=_("The priority areas are on the agenda; the forum adopts them by its decision."),
        back=priority_set.get_absolute_url(),
        title=_("Put on the agenda"),
        forum=priority_set.forum,
        document=priority_set,
    )


@login_required
def priority_area_add(request, pk):
    priority_set = selectors.priority_set_get(user=request.user, pk=pk, action=DRAFT)
    return form_page(
        request,
        PriorityAreaForm(request.POST or None),
        lambda data: services.priority_area_add(
            actor=request.user, priority_set=priority_set, **data
        ),
        success=priority_set.get_absolute_url() + "#areas",
        message=_("The area is added."),
        back=priority_set.get_absolute_url(),
        title=_("Add a priority area"),
        forum=priority_set.forum,
        document=priority_set,
    )


@login_required
def priority_area_edit(request, pk):
    area = selectors.priority_area_get(user=request.user, pk=pk, action=DRAFT)
    priority_set = area.priority_set
    return form_page(
        request,
        PriorityAreaForm(request.POST or None, instance=area),
        lambda data: services.priority_area_update(actor=request.user, area=area, **data),
        success=priority_set.get_absolute_url() + "#areas",
        message=_("The area is saved."),
        back=priority_set.get_absolute_url(),
        title=_("Edit the priority area"),
        forum=priority_set.forum,
        document=priority_set,
    )


@login_required
def priority_area_links(request, pk):
    area = selectors.priority_area_get(user=request.user, pk=pk, action=DRAFT)
    priority_set = area.priority_set
    return form_page(
        request,
        PriorityAreaLinksForm(request.POST or None, area=area),
        lambda data: services.priority_area_links_set(actor=request.user, area=area, **data),
        success=priority_set.get_absolute_url() + "#areas",
        message=_("The links of the area are saved."),
        back=priority_set.get_absolute_url(),
        title=_("Cases and decisions of “%(area)s”") % {"area": area.title},
        forum=priority_set.forum,
        document=priority_set,
    )


@login_required
@require_POST
def priority_area_move(request, pk, direction):
    area = selectors.priority_area_get(user=request.user, pk=pk, action=DRAFT)
    back = area.priority_set.get_absolute_url() + "#areas"
    return action_submit(
        request,
        lambda: services.priority_area_move(actor=request.user, area=area, direction=direction),
        success=back,
        failure=back,
        message=_("The area is moved."),
    )


@login_required
@require_POST
def priority_area_remove(request, pk):
    area = selectors.priority_area_get(user=request.user, pk=pk, action=DRAFT)
    back = area.priority_set.get_absolute_url() + "#areas"
    return action_submit(
        request,
        lambda: services.priority_area_remove(actor=request.user, area=area),
        success=back,
        failure=back,
        message=_("The area is removed."),
    )
