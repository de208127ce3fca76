"""Approved minutes as a tagged PDF (WeasyPrint, PDF/UA-1), with decisions and approvals."""

from django.template.loader import render_to_string
from django.utils import translation

from . import approval, selectors


def minutes_pdf_bytes(minutes, *, language="sv"):
    from weasyprint import HTML

    meeting = minutes.meeting
    with translation.override(language):
        html = render_to_string(
            "meetings/minutes_pdf.html",
            {
                "minutes": minutes,
                "meeting": meeting,
                "forum": meeting.forum,
                "items": selectors.agenda_items_of(meeting),
                "attendances": selectors.attendance_of(meeting),
                "approvals": approval.approval_state(minutes).approvals,
                "language": language,
            },
        )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
