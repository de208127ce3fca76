"""The yearly cycle's pages, one module per topic."""

from .reports import (
    annual_report_agenda,
    annual_report_create,
    annual_report_detail,
    annual_report_docx,
    annual_report_pdf,
    annual_report_public,
    annual_report_sent,
    annual_report_text,
)

__all__ = [
    "annual_report_agenda",
    "annual_report_create",
    "annual_report_detail",
    "annual_report_docx",
    "annual_report_pdf",
    "annual_report_public",
    "annual_report_sent",
    "annual_report_text",
]
