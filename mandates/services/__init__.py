"""Every write of the mandates app, by topic (as Zulip's `zerver/actions/`).

`from mandates import services` keeps working: the public services are re-exported here.
"""

from .base import is_system_actor
from .imports import (
    IMPORT_BATCH,
    IMPORT_INLINE_ROWS,
    mandate_import_check_now,
    mandate_import_confirm,
    mandate_import_create,
    mandate_import_save_now,
    mandate_import_start_check,
    progress_cache_key,
)
from .invitations import (
    invitation_accept,
    invitation_email_send_now,
    invitation_link,
    person_invite,
)
from .mandates import (
    MANDATE_FIELDS,
    MAX_DOCUMENT_BYTES,
    mandate_activate,
    mandate_end,
    mandate_propose,
    mandate_revoke,
    mandate_update,
    validate_mandate_document,
)
from .nightly import (
    REMINDER_DAYS,
    mandate_reminders_send,
    mandates_end_expired,
    permissions_reconcile,
)
from .people import PERSON_FIELDS, person_register, person_update

__all__ = [
    "IMPORT_BATCH",
    "IMPORT_INLINE_ROWS",
    "MANDATE_FIELDS",
    "MAX_DOCUMENT_BYTES",
    "PERSON_FIELDS",
    "REMINDER_DAYS",
    "invitation_accept",
    "invitation_email_send_now",
    "invitation_link",
    "is_system_actor",
    "mandate_activate",
    "mandate_end",
    "mandate_import_check_now",
    "mandate_import_confirm",
    "mandate_import_create",
    "mandate_import_save_now",
    "mandate_import_start_check",
    "mandate_propose",
    "mandate_reminders_send",
    "mandate_revoke",
    "mandate_update",
    "mandates_end_expired",
    "permissions_reconcile",
    "person_invite",
    "person_register",
    "person_update",
    "progress_cache_key",
    "validate_mandate_document",
]
