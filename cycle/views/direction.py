"""Direction documents: a document's page with its versions, and the secretariat's forms
(new document, title, new version, edit a draft, put a draft on an agenda). Views are thin:
selectors fetch (404 / 403), services write, every write confirms and redirects."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forums.models import Forum
from forums.selectors import forum_get_visible
from kernel.views import form_submit

from .. import services
from ..forms.direction import (
    DirectionAgendaForm,
    DirectionDocumentCreateForm,
    DirectionDocumentForm,
    DirectionVersionDraftForm,
    DirectionVersionForm,
)
from ..permissions import DRAFT, can_draft, require_draft
from ..selectors.direction import (
    direction_coming_meetings,
    direction_document_get,
    direction_version_get,
    direction_versions,
    text_diff,
)

FORM_TEMPLATE = "cycle/direction_form.html"


def _form_page(request, form, call, *, success, message, **context):
    response = form_submit(request, form, call, success=success, message=message)
    return response or render(request, FORM_TEMPLATE, {**context, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def direction_document_create(request, slug):
    forum = forum_get_visible(user=request.user, slug=slug)
    if forum.tier != Forum.Tier.TACTICAL:
        raise Http404  # only a tactical forum decides direction documents
    require_draft(request.user, forum)
    form = DirectionDocumentCreateForm(request.POST or None, forum=forum)
    return _form_page(
        request,
        form,
        lambda data: services.direction_document_create(actor=request.user, forum=forum, data=data),
        success=lambda document: document.get_absolute_url(),
        message=_(
            "The direction document is drafted. Put it on an agenda for the forum to decide."
        ),
        forum=forum,
        title=_("New direction document"),
        submit=_("Save draft"),
    )


@login_required
@require_http_methods(["GET"])
def direction_document_detail(request, pk):
    document = direction_document_get(user=request.user, pk=pk)
    versions = direction_versions(document=document)
    current = next((v for v in versions if v.is_adopted), None)
    draft = next((v for v in versions if not v.is_adopted), None)
    diffs = {}
    for newer, older in zip(versions, versions[1:], strict=False):
        diffs[newer.pk] = text_diff(older.text, newer.text)
    return render(
        request,
        "cycle/direction_detail.html",
        {
            "document": document,
            "forum": document.forum,
            "versions": [(version, diffs.get(version.pk)) for version in versions],
            "current": current,
            "draft": draft,
            "can_draft": can_draft(request.user, document.forum),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def direction_document_edit(request, pk):
    document = direction_document_get(user=request.user, pk=pk, action=DRAFT)
    form = DirectionDocumentForm(request.POST or None, initial={"title": document.title})
    return _form_page(
        request,
        form,
        lambda data: services.direction_document_update(
            actor=request.user, document=document, data=data
        ),
        success=lambda document: document.get_absolute_url(),
        message=_("The direction document is saved."),
        forum=document.forum,
        document=document,
        title=_("Change the title"),
        submit=_("Save"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def direction_version_draft(request, pk):
    document = direction_document_get(user=request.user, pk=pk, action=DRAFT)
    form = DirectionVersionDraftForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data: services.direction_version_draft(
            actor=request.user, document=document, review_on=data.get("review_on")
        ),
        success=lambda version: version.document.get_absolute_url(),
        message=lambda version: (
            _("Version %(number)s is drafted from the latest text.") % {"number": version.number}
        ),
        forum=document.forum,
        document=document,
        title=_("Draft a new version"),
        submit=_("Draft"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def direction_version_edit(request, pk):
    version = direction_version_get(user=request.user, pk=pk)
    document = version.document
    form = DirectionVersionForm(
        request.POST or None, initial={"text": version.text, "review_on": version.review_on}
    )
    return _form_page(
        request,
        form,
        lambda data: services.direction_version_update(
            actor=request.user, version=version, data=form.service_data()
        ),
        success=lambda version: document.get_absolute_url(),
        message=_("The draft is saved."),
        forum=document.forum,
        document=document,
        version=version,
        title=_("Edit version %(number)s") % {"number": version.number},
        submit=_("Save"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def direction_version_agenda(request, pk):
    version = direction_version_get(user=request.user, pk=pk)
    document = version.document
    form = DirectionAgendaForm(
        request.POST or None, meetings=direction_coming_meetings(forum=document.forum)
    )
    return _form_page(
        request,
        form,
        lambda data: services.direction_version_put_on_agenda(
            actor=request.user, version=version, meeting=data["meeting"], title=data["title"]
        ),
        success=lambda version: version.agenda_item.meeting.get_absolute_url(),
        message=_("The draft is on the agenda as a decision item."),
        forum=document.forum,
        document=document,
        version=version,
        title=_("Put version %(number)s on an agenda") % {"number": version.number},
        submit=_("Put on the agenda"),
    )
