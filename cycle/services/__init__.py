"""Every write of the yearly cycle, one module per topic."""

from .agenda import document_put_on_agenda
from .direction import (
    DIRECTION_DOCUMENT_FIELDS,
    DIRECTION_VERSION_FIELDS,
    direction_current_version,
    direction_document_create,
    direction_document_update,
    direction_forum_check,
    direction_review_remind,
    direction_version_draft,
    direction_version_put_on_agenda,
    direction_version_update,
)
from .reports import annual_report_create, annual_report_mark_sent, annual_report_text_set

__all__ = [
    "DIRECTION_DOCUMENT_FIELDS",
    "DIRECTION_VERSION_FIELDS",
    "annual_report_create",
    "annual_report_mark_sent",
    "annual_report_text_set",
    "direction_current_version",
    "direction_document_create",
    "direction_document_update",
    "direction_forum_check",
    "direction_review_remind",
    "direction_version_draft",
    "direction_version_put_on_agenda",
    "direction_version_update",
    "document_put_on_agenda",
]
