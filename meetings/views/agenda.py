"""What happens at a meeting: its agenda (htmx reorder with a no-JS fallback), attendance,
decisions and action items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernel.views import action_submit

from .. import selectors, services
from ..forms import ActionItemForm, AgendaItemForm, AttendanceForm, DecisionForm
from ..permissions import RUN
from .common import form_page, meeting_context


@login_required
def agenda_item_add(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    return form_page(
        request,
        AgendaItemForm(request.POST or None, meeting=meeting),
        lambda data: services.agenda_item_add(actor=request.user, meeting=meeting, **data),
        success=meeting.get_absolute_url() + "#agenda",
        message=_("The agenda item is added."),
        meeting=meeting,
        forum=meeting.forum,
        title=_("Add an agenda item"),
        form_id="agenda-item-form",
        submit=_("Add to the agenda"),
    )


@login_required
@require_POST
def agenda_item_move(request, pk, direction):
    """Up or down. With htmx the agenda is swapped in place, the refusal shown inside it;
    without, back to the meeting page with the refusal as a message."""
    item = selectors.agenda_item_get_visible(user=request.user, pk=pk, action=RUN)
    meeting = item.meeting
    back = meeting.get_absolute_url() + "#agenda"
    response = action_submit(
        request,
        lambda: services.agenda_item_move(actor=request.user, item=item, direction=direction),
        success=back,
        failure=back,
        message=_("The agenda item is moved."),
    )
    if not request.htmx:
        return response
    refused = [m.message for m in messages.get_messages(request) if m.level == messages.ERROR]
    context = meeting_context(request, meeting)
    context["agenda_error"] = " ".join(refused) or None
    return render(request, "meetings/partials/_agenda.html", context)


@login_required
@require_POST
def agenda_item_remove(request, pk):
    item = selectors.agenda_item_get_visible(user=request.user, pk=pk, action=RUN)
    meeting = item.meeting
    return action_submit(
        request,
        lambda: services.agenda_item_remove(actor=request.user, item=item),
        success=meeting.get_absolute_url() + "#agenda",
        failure=meeting.get_absolute_url() + "#agenda",
        message=_("The agenda item is removed."),
    )


@login_required
def attendance_edit(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    form = AttendanceForm(
        request.POST or None, meeting=meeting, existing=selectors.attendance_of(meeting)
    )
    return form_page(
        request,
        form,
        lambda data: services.attendance_record_all(
            actor=request.user, meeting=meeting, entries=form.entries()
        ),
        success=meeting.get_absolute_url() + "#attendance",
        message=_("The attendance is saved."),
        template="meetings/attendance_form.html",
        meeting=meeting,
        forum=meeting.forum,
    )


@login_required
def decision_record(request, pk):
    item = selectors.agenda_item_get_visible(user=request.user, pk=pk, action=RUN)
    meeting = item.meeting
    return form_page(
        request,
        DecisionForm(request.POST or None, forum=meeting.forum),
        lambda data: services.decision_record(actor=request.user, item=item, **data),
        success=meeting.get_absolute_url() + "#agenda",
        message=_("The decision is recorded."),
        meeting=meeting,
        forum=meeting.forum,
        item=item,
        title=_("Record the decision"),
        form_id="decision-form",
        submit=_("Record the decision"),
    )


@login_required
def action_item_add(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk, action=RUN)
    return form_page(
        request,
        ActionItemForm(request.POST or None, meeting=meeting),
        lambda data: services.action_item_create(actor=request.user, meeting=meeting, **data),
        success=meeting.get_absolute_url() + "#actions",
        message=_("The action item is added."),
        meeting=meeting,
        forum=meeting.forum,
        title=_("Add an action item"),
        form_id="action-item-form",
        submit=_("Add the action item"),
    )


@login_required
@require_POST
def action_item_done(request, pk):
    """The assignee (or whoever runs the forum) marks it done; back to the dashboard or the
    meeting's action items."""
    item = selectors.action_item_get_visible(user=request.user, pk=pk)
    if request.POST.get("next") == "dashboard":
        back = "dashboard"
    else:
        back = item.meeting.get_absolute_url() + "#actions"
    return action_submit(
        request,
        lambda: services.action_item_complete(actor=request.user, item=item),
        success=back,
        failure=back,
        message=_("The action item is marked as done."),
    )
