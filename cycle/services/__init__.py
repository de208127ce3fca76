"""Every write of the yearly cycle, one module per topic."""

from .agenda import document_put_on_agenda
from .reports import annual_report_create, annual_report_mark_sent, annual_report_text_set

__all__ = [
    "annual_report_create",
    "annual_report_mark_sent",
    "annual_report_text_set",
    "document_put_on_agenda",
]
