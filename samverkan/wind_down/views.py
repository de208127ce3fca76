"""The wind-down page's actions: decide for one case, cancel one or every later meeting.
Each confirms what was done and goes back to the wind-down page."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from escalation.errors import CaseChangedMeanwhile
from escalation.models import Case
from forums.views.common import forum_for, handle_login_first
from kernel.views import form_submit

from . import selectors, services
from .forms import CaseWindDownForm, MeetingCancelForm


def _page(forum, anchor=""):
    return reverse("forums:forum_wind_down", kwargs={"slug": forum.slug}) + anchor


def _case_done(case):
    values = {"reference": case.reference, "forum": case.current_forum.name}
    if case.status == Case.Status.REMOVED:
        return _("%(reference)s was removed without a decision; its history says why.") % values
    if case.status == Case.Status.CLOSED:
        return _("%(reference)s was closed; its history says why.") % values
    if case.kept_until is not None:
        values["day"] = date_format(case.kept_until, "DATE_FORMAT")
        return _("%(reference)s is kept at %(forum)s until %(day)s.") % values
    return _("%(reference)s was moved to %(forum)s, where it is open for preparation.") % values


@handle_login_first
@require_http_methods(["GET", "POST"])
def case_decide(request, slug, reference):
    forum = forum_for(request, slug, edit=True)
    case = selectors.open_case_get(user=request.user, forum=forum, reference=reference)
    form = CaseWindDownForm(request.POST or None, case=case)
    done = form_submit(
        request,
        form,
        lambda data: services.case_settle_on_wind_down(
            actor=request.user, case=case, **form.service_data()
        ),
        success=_page(forum, "#wind-down-cases"),
        message=_case_done,
        leave_on=(CaseChangedMeanwhile,),
        failure=_page(forum, "#wind-down-cases"),
    )
    return done or render(
        request, "samverkan/wind_down/case_form.html", {"form": form, "forum": forum, "case": case}
    )


@handle_login_first
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, slug, pk):
    forum = forum_for(request, slug, edit=True)
    meeting = selectors.later_meeting_get(user=request.user, forum=forum, pk=pk)
    form = MeetingCancelForm(request.POST or None, forum=forum)
    done = form_submit(
        request,
        form,
        lambda data: services.meeting_cancel_on_wind_down(
            actor=request.user, meeting=meeting, reason=data["reason"]
        ),
        success=_page(forum, "#wind-down-meetings"),
        message=lambda cancelled: (
            _("The meeting on %(day)s was cancelled and the members are told.")
            % {"day": date_format(timezone.localtime(cancelled.starts_at), "DATE_FORMAT")}
        ),
    )
    return done or render(
        request,
        "samverkan/wind_down/meeting_form.html",
        {"form": form, "forum": forum, "meeting": meeting},
    )


@handle_login_first
@require_POST
def meetings_cancel(request, slug):
    """Cancel every meeting after the wind-down day at once (the form on the page)."""
    forum = forum_for(request, slug, edit=True)
    form = MeetingCancelForm(request.POST, forum=forum)
    done = form_submit(
        request,
        form,
        lambda data: services.later_meetings_cancel_on_wind_down(
            actor=request.user, forum=forum, reason=data["reason"]
        ),
        success=_page(forum, "#wind-down-meetings"),
        message=lambda cancelled: (
            ngettext(
                "%(count)d meeting was cancelled and the members are told.",
                "%(count)d meetings were cancelled and the members are told.",
                len(cancelled),
            )
            % {"count": len(cancelled)}
        ),
    )
    return done or render(
        request,
        "samverkan/wind_down/meetings_cancel.html",
        {"form": form, "forum": forum},
    )
