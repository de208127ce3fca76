"""The annual report's pages: drafted, written section by section, put on an agenda, and,
once the forum has adopted it, the sealed report, its PDF and Word file, and its public page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from forums.selectors import forum_get_visible
from kernel.views import form_submit

from .. import report_selectors as selectors
from .. import services
from ..exports import DOCX_CONTENT_TYPE
from ..figures import SECTION_KEYS
from ..permissions import DRAFT, can_draft, require_draft
from ..report_forms import (
    AnnualReportAgendaForm,
    AnnualReportCreateForm,
    AnnualReportSentForm,
    AnnualReportTextForm,
)
from ..report_seal import live_sections, published_members, report_docx, report_pdf


def _form_page(request, form, call, *, success, message, **context):
    response = form_submit(request, form, call, success=success, message=message)
    return response or render(request, "cycle/annual_report_form.html", {**context, "form": form})


@login_required
def annual_report_create(request, slug):
    forum = forum_get_visible(user=request.user, slug=slug)
    require_draft(request.user, forum)
    form = AnnualReportCreateForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data: services.annual_report_create(
            actor=request.user, forum=forum, year=data["year"]
        ),
        success=lambda report: report.get_absolute_url(),
        message=_("The annual report is drafted: write its texts, then put it on an agenda."),
        forum=forum,
        title=_("Draft an annual report"),
        submit=_("Draft the annual report"),
    )


def _sections_with_texts(sections, texts):
    return [{**section, "text": texts.get(section["key"], "")} for section in sections]


@login_required
def annual_report_detail(request, pk):
    """A draft shows the live figures and the texts to edit; an adopted report its seal."""
    report = selectors.annual_report_get_readable(user=request.user, pk=pk)
    seal = selectors.seal_of(report) if report.is_adopted else None
    may_draft = can_draft(request.user, report.forum)
    if seal is not None:
        sections = _sections_with_texts(seal.snapshot["sections"], seal.snapshot["texts"])
    else:
        sections = _sections_with_texts(live_sections(report), report.texts or {})
    if may_draft and not report.is_adopted:
        for section in sections:
            section["form"] = AnnualReportTextForm(
                initial={"key": section["key"], "text": section["text"]},
                auto_id=f"id_{section['key']}_%s",
            )
    return render(
        request,
        "cycle/annual_report_detail.html",
        {
            "report": report,
            "forum": report.forum,
            "seal": seal,
            "sections": sections,
            "may_draft": may_draft,
        },
    )


@login_required
def annual_report_text(request, pk, key):
    """One section's text (the report page posts here; this page is the fallback)."""
    if key not in SECTION_KEYS:
        raise Http404
    report = selectors.annual_report_get_readable(user=request.user, pk=pk, action=DRAFT)
    form = AnnualReportTextForm(
        request.POST or None, initial={"key": key, "text": (report.texts or {}).get(key, "")}
    )
    return _form_page(
        request,
        form,
        lambda data: services.annual_report_text_set(
            actor=request.user, report=report, key=key, text=data["text"]
        ),
        success=lambda r: f"{r.get_absolute_url()}#section-{key}",
        message=_("The text is saved."),
        forum=report.forum,
        report=report,
        title=_("Edit the text of a section"),
        submit=_("Save the text"),
    )


@login_required
def annual_report_agenda(request, pk):
    report = selectors.annual_report_get_readable(user=request.user, pk=pk, action=DRAFT)
    form = AnnualReportAgendaForm(
        request.POST or None,
        meetings=selectors.coming_meetings_of(report.forum),
        initial={"title": str(report)},
    )
    return _form_page(
        request,
        form,
        lambda data: services.document_put_on_agenda(
            actor=request.user, document=report, meeting=data["meeting"], title=data["title"]
        ),
        success=lambda r: r.get_absolute_url(),
        message=_("The annual report is on the agenda: the forum adopts it by its decision."),
        forum=report.forum,
        report=report,
        title=_("Put the annual report on an agenda"),
        submit=_("Put it on the agenda"),
    )


@login_required
def annual_report_sent(request, pk):
    report = selectors.annual_report_get_readable(user=request.user, pk=pk, action=DRAFT)
    form = AnnualReportSentForm(
        request.POST or None, initial={"sent_to": report.sent_to or report.forum.reports_to_name}
    )
    return _form_page(
        request,
        form,
        lambda data: services.annual_report_mark_sent(actor=request.user, report=report, **data),
        success=lambda r: r.get_absolute_url(),
        message=_("The annual report is marked as sent to the principal body."),
        forum=report.forum,
        report=report,
        title=_("Mark the annual report as sent"),
        submit=_("Mark as sent"),
    )


def _filename(report, extension):
    return f"arsrapport-{report.forum.slug}-{report.year}.{extension}"


def annual_report_pdf(request, pk):
    """A draft's PDF is made now from the live figures; an adopted report's is the sealed
    one (anyone who may read it: on a public forum, everyone)."""
    report = selectors.annual_report_get_readable(user=request.user, pk=pk)
    response = HttpResponse(report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(report, "pdf")}"'
    return response


def annual_report_docx(request, pk):
    report = selectors.annual_report_get_readable(user=request.user, pk=pk)
    response = HttpResponse(report_docx(report), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "docx")}"'
    return response


def annual_report_public(request, pk):
    """The sealed report of a public forum, with the forum's current members and the
    contact details they publish."""
    report = selectors.annual_report_get_public(pk=pk)
    seal = selectors.seal_of(report)
    if seal is None:
        raise Http404
    return render(
        request,
        "cycle/annual_report_public.html",
        {
            "report": report,
            "forum": report.forum,
            "seal": seal,
            "sections": _sections_with_texts(seal.snapshot["sections"], seal.snapshot["texts"]),
            "members": published_members(report.forum),
        },
    )
