"""Meeting pages: a forum's meetings, one meeting (agenda, attendance, decisions), minutes and
their approval, the PDF of approved minutes, and calendar feeds.

Views are thin: objects come through scoped selectors (one the user may not see is a 404),
input through forms, every change through a service. ValidationError goes next to the
fields, another DomainError becomes a message, PermissionDenied a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernel.errors import DomainError
from kernel.forms import attach_service_errors

from . import approval, selectors, services
from .forms import (
    ActionItemForm,
    AgendaItemForm,
    AttendanceForm,
    CancelForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
)
from .ical import feed_ics, meeting_ics
from .models import ActionItem, AgendaItem, CalendarToken, Minutes
from .permissions import can_run_meetings, can_see_meetings


def _require_run(user, forum):
    if not can_run_meetings(user, forum):
        raise PermissionDenied


def _run_form(request, form, call, *, success, template, context):
    """Validate the form, call the service, redirect on success or show the errors."""
    if request.method == "POST" and form.is_valid():
        try:
            result = call(form.cleaned_data)
        except ValidationError as error:
            attach_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            return redirect(success(result))
    return render(request, template, {**context, "form": form})


def _post_action(request, call, fallback_url):
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        return True
    return redirect(fallback_url)


# --- A forum's meetings ----------------------------------------------------------------------


@login_required
def my_meetings(request):
    forums = selectors.forums_with_meetings_for(user=request.user)
    return render(
        request,
        "meetings/my_meetings.html",
        {
            "forums": forums,
            "meetings": selectors.meeting_list_upcoming(forum_ids=[f.pk for f in forums], limit=25),
        },
    )


@login_required
def forum_meetings(request, slug):
    forum = selectors.forum_get_for_meetings(user=request.user, slug=slug)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "forum": forum,
            "meetings": selectors.meetings_of_forum(forum),
            "years": selectors.meetings_per_year(forum),
            "can_run": can_run_meetings(request.user, forum),
        },
    )


@login_required
def meeting_create(request, slug):
    forum = selectors.forum_get_for_meetings(user=request.user, slug=slug)
    _require_run(request.user, forum)
    form = MeetingForm(request.POST or None)
    return _run_form(
        request,
        form,
        lambda data: services.meeting_plan(actor=request.user, forum=forum, **data),
        success=lambda meeting: meeting.get_absolute_url(),
        template="meetings/form.html",
        context={
            "forum": forum,
            "title": _("Plan a meeting"),
            "form_id": "meeting-form",
            "submit": _("Save"),
        },
    )


def _meeting_context(request, meeting):
    items = selectors.agenda_items_of(meeting)
    attendances = selectors.attendance_of(meeting)
    present = sum(1 for a in attendances if a.status != a.Status.ABSENT)
    minutes = selectors.minutes_of(meeting)
    return {
        "meeting": meeting,
        "forum": meeting.forum,
        "items": items,
        "attendances": attendances,
        "present_count": present,
        "quorum_reached": meeting.forum.quorum is None or present >= meeting.forum.quorum,
        "minutes_list": minutes,
        "main_minutes": next((m for m in minutes if m.amends_id is None), None),
        "action_items": list(
            ActionItem.objects.filter(meeting=meeting).select_related("assignee", "agenda_item")
        ),
        "can_run": can_run_meetings(request.user, meeting.forum),
        "cancel_form": CancelForm(),
    }


@login_required
def meeting_detail(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    return render(request, "meetings/meeting_detail.html", _meeting_context(request, meeting))


@login_required
def meeting_edit(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    _require_run(request.user, meeting.forum)
    form = MeetingForm(request.POST or None, instance=meeting, editing=True)
    return _run_form(
        request,
        form,
        lambda data: services.meeting_update(actor=request.user, meeting=meeting, **data),
        success=lambda m: m.get_absolute_url(),
        template="meetings/form.html",
        context={
            "forum": meeting.forum,
            "meeting": meeting,
            "title": _("Change the meeting"),
            "form_id": "meeting-form",
            "submit": _("Save"),
        },
    )


MEETING_ACTIONS = {
    "convene": (services.meeting_convene, _("The notice has been sent.")),
    "held": (services.meeting_mark_held, _("The meeting is marked as held.")),
}


@login_required
@require_POST
def meeting_action(request, pk, action):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    if action not in MEETING_ACTIONS:
        raise Http404
    _require_run(request.user, meeting.forum)
    service, done = MEETING_ACTIONS[action]
    result = _post_action(
        request,
        lambda: service(actor=request.user, meeting=meeting),
        meeting.get_absolute_url(),
    )
    if result is True:
        messages.success(request, done)
        return redirect(meeting.get_absolute_url())
    return result


@login_required
def meeting_cancel(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    _require_run(request.user, meeting.forum)
    form = CancelForm(request.POST or None)
    return _run_form(
        request,
        form,
        lambda data: services.meeting_cancel(actor=request.user, meeting=meeting, **data),
        success=lambda m: m.get_absolute_url(),
        template="meetings/form.html",
        context={
            "meeting": meeting,
            "forum": meeting.forum,
            "title": _("Cancel the meeting"),
            "form_id": "meeting-cancel-form",
            "submit": _("Cancel the meeting"),
        },
    )


@login_required
def meeting_ics_download(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    agenda = selectors.agenda_items_of(meeting)
    response = HttpResponse(meeting_ics(meeting, agenda=agenda), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


# --- Agenda ----------------------------------------------------------------------------------


@login_required
def agenda_item_add(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    _require_run(request.user, meeting.forum)
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    return _run_form(
        request,
        form,
        lambda data: services.agenda_item_add(actor=request.user, meeting=meeting, **data),
        success=lambda item: meeting.get_absolute_url() + "#agenda",
        template="meetings/form.html",
        context={
            "meeting": meeting,
            "forum": meeting.forum,
            "title": _("Add an agenda item"),
            "form_id": "agenda-item-form",
            "submit": _("Add to the agenda"),
        },
    )


def _item_visible(user, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__forum__structure"), pk=pk)
    if not can_see_meetings(user, item.meeting.forum):
        raise Http404
    return item


@login_required
@require_POST
def agenda_item_move(request, pk, direction):
    item = _item_visible(request.user, pk)
    meeting = item.meeting
    _require_run(request.user, meeting.forum)
    error = None
    try:
        services.agenda_item_move(actor=request.user, item=item, direction=direction)
    except (DomainError, ValidationError) as exc:
        error = " ".join(getattr(exc, "messages", [str(exc)]))
    if request.htmx:
        context = _meeting_context(request, meeting)
        context["agenda_error"] = error
        return render(request, "meetings/partials/_agenda.html", context)
    if error:
        messages.error(request, error)
    return redirect(meeting.get_absolute_url() + "#agenda")


@login_required
@require_POST
def agenda_item_remove(request, pk):
    item = _item_visible(request.user, pk)
    meeting = item.meeting
    _require_run(request.user, meeting.forum)
    _post_action(
        request,
        lambda: services.agenda_item_remove(actor=request.user, item=item),
        meeting.get_absolute_url(),
    )
    return redirect(meeting.get_absolute_url() + "#agenda")


# --- Attendance and decisions ----------------------------------------------------------------


@login_required
def attendance_edit(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    _require_run(request.user, meeting.forum)
    form = AttendanceForm(
        request.POST or None, meeting=meeting, existing=selectors.attendance_of(meeting)
    )

    def save(data):
        for person, status, stands_in_for in form.entries():
            services.attendance_record(
                actor=request.user,
                meeting=meeting,
                person=person,
                status=status,
                stands_in_for=stands_in_for,
            )
        return meeting

    return _run_form(
        request,
        form,
        save,
        success=lambda m: m.get_absolute_url() + "#attendance",
        template="meetings/attendance_form.html",
        context={"meeting": meeting, "forum": meeting.forum},
    )


@login_required
def decision_record(request, pk):
    item = _item_visible(request.user, pk)
    meeting = item.meeting
    _require_run(request.user, meeting.forum)
    form = DecisionForm(request.POST or None, forum=meeting.forum)
    return _run_form(
        request,
        form,
        lambda data: services.decision_record(actor=request.user, item=item, **data),
        success=lambda d: meeting.get_absolute_url() + "#agenda",
        template="meetings/form.html",
        context={
            "meeting": meeting,
            "forum": meeting.forum,
            "item": item,
            "title": _("Record the decision"),
            "form_id": "decision-form",
            "submit": _("Record the decision"),
        },
    )


# --- Minutes ---------------------------------------------------------------------------------


@login_required
@require_POST
def minutes_create(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    _require_run(request.user, meeting.forum)
    amends = None
    if request.POST.get("amends"):
        amends = get_object_or_404(Minutes, pk=request.POST["amends"], meeting=meeting)
    try:
        minutes = services.minutes_draft(actor=request.user, meeting=meeting, amends=amends)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect(meeting.get_absolute_url())
    return redirect(reverse("meetings:minutes_edit", kwargs={"pk": minutes.pk}))


@login_required
def minutes_detail(request, pk):
    minutes = selectors.minutes_get_visible(user=request.user, pk=pk)
    forum = minutes.meeting.forum
    state = approval.approval_state(minutes, forum)
    may_approve, refusal = False, ""
    if minutes.status == Minutes.Status.IN_APPROVAL:
        try:
            approval.approver_role(minutes=minutes, person=request.user, state=state)
            may_approve = True
        except approval.ApproverRefused as refused:
            refusal = str(refused)
    return render(
        request,
        "meetings/minutes_detail.html",
        {
            "minutes": minutes,
            "meeting": minutes.meeting,
            "forum": forum,
            "state": state,
            "missing_labels": [approval.Role(role).label for role in state.missing],
            "may_approve": may_approve,
            "refusal": refusal,
            "can_run": can_run_meetings(request.user, forum),
            "addenda": list(minutes.addenda.select_related("author")),
        },
    )


@login_required
def minutes_edit(request, pk):
    minutes = selectors.minutes_get_visible(user=request.user, pk=pk)
    _require_run(request.user, minutes.meeting.forum)
    if minutes.is_locked:
        messages.error(request, _("Approved minutes are locked."))
        return redirect(minutes.get_absolute_url())
    form = MinutesForm(request.POST or None, initial={"body": minutes.body})
    return _run_form(
        request,
        form,
        lambda data: services.minutes_update(actor=request.user, minutes=minutes, **data),
        success=lambda m: m.get_absolute_url(),
        template="meetings/form.html",
        context={
            "minutes": minutes,
            "meeting": minutes.meeting,
            "forum": minutes.meeting.forum,
            "title": _("Edit the minutes"),
            "form_id": "minutes-form",
            "submit": _("Save the minutes"),
        },
    )


MINUTES_ACTIONS = {
    "submit": (services.minutes_submit, _("The minutes are sent for approval."), True),
    "draft": (services.minutes_return_to_draft, _("The minutes are back in draft."), True),
    "approve": (services.minutes_approve, _("Thank you: your approval is recorded."), False),
}


@login_required
@require_POST
def minutes_action(request, pk, action):
    minutes = selectors.minutes_get_visible(user=request.user, pk=pk)
    if action not in MINUTES_ACTIONS:
        raise Http404
    service, done, needs_run = MINUTES_ACTIONS[action]
    if needs_run:
        _require_run(request.user, minutes.meeting.forum)
    result = _post_action(
        request, lambda: service(actor=request.user, minutes=minutes), minutes.get_absolute_url()
    )
    if result is True:
        messages.success(request, done)
        return redirect(minutes.get_absolute_url())
    return result


def minutes_pdf(request, pk):
    """Approved minutes as a tagged PDF: for those who may see the forum (anyone if public)."""
    from .pdf import minutes_pdf_bytes

    minutes = selectors.minutes_get_published(user=request.user, pk=pk)
    response = HttpResponse(minutes_pdf_bytes(minutes), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{minutes.pk}.pdf"'
    return response


# --- Action items ----------------------------------------------------------------------------


@login_required
def action_item_add(request, pk):
    meeting = selectors.meeting_get_visible(user=request.user, pk=pk)
    _require_run(request.user, meeting.forum)
    form = ActionItemForm(request.POST or None, meeting=meeting)
    return _run_form(
        request,
        form,
        lambda data: services.action_item_create(actor=request.user, meeting=meeting, **data),
        success=lambda item: meeting.get_absolute_url() + "#actions",
        template="meetings/form.html",
        context={
            "meeting": meeting,
            "forum": meeting.forum,
            "title": _("Add an action item"),
            "form_id": "action-item-form",
            "submit": _("Add the action item"),
        },
    )


@login_required
@require_POST
def action_item_done(request, pk):
    item = get_object_or_404(ActionItem.objects.select_related("meeting__forum__structure"), pk=pk)
    if item.assignee_id != request.user.pk and not can_see_meetings(
        request.user, item.meeting.forum
    ):
        raise Http404
    try:
        services.action_item_complete(actor=request.user, item=item)
    except DomainError as error:
        messages.error(request, str(error))
    next_url = request.POST.get("next")
    if next_url == "dashboard":
        return redirect("dashboard")
    return redirect(item.meeting.get_absolute_url() + "#actions")


# --- Calendar feeds --------------------------------------------------------------------------


@login_required
def calendar_feeds(request):
    if request.method == "POST":
        forum = None
        if request.POST.get("forum"):
            forum = selectors.forum_get_for_meetings(user=request.user, slug=request.POST["forum"])
        if request.POST.get("revoke"):
            token = get_object_or_404(CalendarToken, pk=request.POST["revoke"], person=request.user)
            services.calendar_token_revoke(actor=request.user, token=token)
            messages.success(request, _("The feed address no longer works."))
        else:
            services.calendar_token_rotate(actor=request.user, forum=forum)
            messages.success(request, _("A new feed address is ready; the old one is revoked."))
        return redirect("meetings:calendar_feeds")
    tokens = list(
        CalendarToken.objects.filter(person=request.user, revoked_at__isnull=True).select_related(
            "forum"
        )
    )
    for token in tokens:
        token.url = request.build_absolute_uri(
            reverse("meetings:calendar_feed", kwargs={"token": token.token})
        )
    from mandates.permissions import mandates_in_force

    forums = {
        m.forum.slug: m.forum
        for m in mandates_in_force().filter(person=request.user).select_related("forum")
    }
    return render(
        request,
        "meetings/calendar_feeds.html",
        {"tokens": tokens, "forums": sorted(forums.values(), key=lambda f: f.name)},
    )


def calendar_feed(request, token):
    """The iCal feed a calendar program subscribes to; the secret token is the key."""
    found = (
        CalendarToken.objects.select_related("person", "forum__structure")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if found is None or not found.person.is_active:
        raise Http404
    name = found.forum.name if found.forum else _("My meetings")
    body = feed_ics(selectors.meetings_for_feed(token=found), name=name)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
