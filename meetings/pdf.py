"""Sealed minutes as a tagged PDF (WeasyPrint, PDF/UA-1), made once from the snapshot.

Everything the PDF shows comes from the snapshot (`meetings.sealing`), never from the live
rows; the footer carries the page numbers and the SHA-256 of the canonical snapshot.
"""

from django.template.loader import render_to_string
from django.utils import translation

from .sealing import iso_text as _local


def _with_times(snapshot):
    meeting = snapshot["meeting"]
    minutes = snapshot["minutes"]
    return {
        "meeting": meeting,
        "minutes": minutes,
        "forum": snapshot["forum"],
        "agenda": snapshot["agenda"],
        "decisions": [item for item in snapshot["agenda"] if item["decision"]],
        "attendance": snapshot["attendance"],
        "approvals": [
            {**given, "time": _local(given["approved_at"])} for given in snapshot["approvals"]
        ],
        "starts": _local(meeting["starts_at"]),
        "ends": _local(meeting["ends_at"], "%H:%M"),
        "approved": _local(minutes["approved_at"]),
    }


def snapshot_pdf_bytes(snapshot, digest):
    from weasyprint import HTML

    language = snapshot.get("language", "sv")
    with translation.override(language):
        html = render_to_string(
            "meetings/minutes_pdf.html",
            {**_with_times(snapshot), "language": language, "snapshot_sha256": digest},
        )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
