"""Imports of people and mandates: upload, check row by row, confirm and save."""

import logging
import uuid

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from forums.models import Forum
from forums.permissions import can_manage_structure
from kernel.errors import DomainError
from kernel.history import save_with_history

from ..models import Mandate, MandateImport, MandateImportRow
from ..permissions import (
    grant_new_mandates,
)
from .base import is_system_actor

logger = logging.getLogger(__name__)
User = get_user_model()

# Imports with more rows than this are checked and saved by a Celery worker.
IMPORT_INLINE_ROWS = 200
IMPORT_BATCH = 500


def progress_cache_key(mandate_import_id):
    return f"mandates:import:{mandate_import_id}:progress"


def _require_import(actor, structure):
    if not (is_system_actor(actor) or can_manage_structure(actor, structure)):
        raise PermissionDenied(_("Only the secretariat of the structure imports mandates."))


@transaction.atomic
def mandate_import_create(*, actor, structure, file):
    """Store an uploaded CSV or Excel file for a preview; nothing else is saved yet."""
    from ..imports import validate_import_file

    _require_import(actor, structure)
    kind = validate_import_file(file)
    file_name = file.name[:255]
    file.name = f"{uuid.uuid4().hex}.{kind}"
    mandate_import = MandateImport(
        structure=structure, uploaded_by=actor, file_name=file_name, file=file
    )
    save_with_history(mandate_import, actor=actor, reason="import uploaded")
    return mandate_import


def _import_locked(mandate_import_id):
    return (
        MandateImport.objects.select_for_update()
        .select_related("structure")
        .get(pk=mandate_import_id)
    )


def _set_progress(mandate_import, progress):
    """Progress ticks are not worth a history row each."""
    mandate_import.progress = min(100, max(0, int(progress)))
    mandate_import.skip_history_when_saving = True
    try:
        mandate_import.save(update_fields=["progress"])
    finally:
        del mandate_import.skip_history_when_saving


def mandate_import_start_check(*, actor, mandate_import):
    """Check the rows now (a small file) or in a Celery worker (a large one)."""
    from ..imports import ImportFileError, check_row_limit, estimate_rows
    from ..tasks import mandate_import_check

    _require_import(actor, mandate_import.structure)
    try:
        estimated = estimate_rows(mandate_import)
        # Here, in the request: a file over the row limit is refused before any row is checked.
        check_row_limit(mandate_import, estimated)
    except ImportFileError as error:
        # The import ends as failed, with the reason; the user uploads a corrected file.
        return _import_failed(actor, mandate_import.pk, str(error))
    if estimated is not None and estimated <= IMPORT_INLINE_ROWS:
        return mandate_import_check_now(actor=actor, mandate_import_id=mandate_import.pk)
    mandate_import_check.delay_on_commit(mandate_import.pk, actor.pk)
    return mandate_import


def mandate_import_check_now(*, actor, mandate_import_id):
    """Read the file row by row and record, for each row, whether it is valid and why not.

    Not one transaction: each batch of rows commits with the progress, so the page shows
    how far the check has come. Running it again starts the check over (idempotent).
    """
    from ..imports import ImportFileError, RowChecker, iter_import_rows

    with transaction.atomic():
        mandate_import = _import_locked(mandate_import_id)
        _require_import(actor, mandate_import.structure)
        if mandate_import.status not in (
            MandateImport.Status.UPLOADED,
            MandateImport.Status.VALIDATING,
        ):
            return mandate_import
        mandate_import.rows.all().delete()
        mandate_import.status = MandateImport.Status.VALIDATING
        mandate_import.progress = 0
        save_with_history(mandate_import, actor=actor, reason="import check started")

    checker = RowChecker(structure=mandate_import.structure)
    total = valid = 0

    def check_batch(batch):
        nonlocal total, valid
        checker.prefetch(data for _number, data in batch)
        rows = []
        for number, data in batch:
            checked = checker.check(number, data)
            rows.append(
                MandateImportRow(
                    mandate_import=mandate_import,
                    number=number,
                    data=data,
                    errors=checked.errors,
                    warnings=checked.warnings,
                )
            )
            valid += not checked.errors
        total += len(batch)
        bulk_create_with_history(
            rows, MandateImportRow, default_user=actor, default_change_reason="import checked"
        )

    try:
        rows = iter_import_rows(mandate_import)
        estimated = rows.estimated_rows
        for batch in _batches(rows, IMPORT_BATCH):
            with transaction.atomic():
                check_batch(batch)
                if estimated:
                    _set_progress(mandate_import, min(99, 100 * total / estimated))
        with transaction.atomic():
            mandate_import = _import_locked(mandate_import_id)
            if not total:
                raise ImportFileError(_("The file has no rows to import."))
            _transition_import(mandate_import, MandateImport.Status.PREVIEWED)
            mandate_import.row_count = total
            mandate_import.valid_count = valid
            mandate_import.progress = 100
            save_with_history(mandate_import, actor=actor, reason="import checked")
    except ImportFileError as error:
        return _import_failed(actor, mandate_import_id, str(error))
    except Exception as error:
        logger.exception("import %s could not be checked", mandate_import_id)
        return _import_failed(actor, mandate_import_id, str(error))
    return mandate_import


def _batches(iterable, size):
    """Lists of up to `size` items, reading the iterable lazily."""
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _transition_import(mandate_import, status):
    mandate_import.check_transition(
        status,
        _("The import is %(status)s and cannot become %(new)s.")
        % {
            "status": mandate_import.get_status_display().lower(),
            "new": str(MandateImport.Status(status).label).lower(),
        },
    )
    mandate_import.status = status


def _import_failed(actor, mandate_import_id, message):
    with transaction.atomic():
        mandate_import = _import_locked(mandate_import_id)
        if mandate_import.status in (MandateImport.Status.DONE, MandateImport.Status.FAILED):
            return mandate_import
        mandate_import.status = MandateImport.Status.FAILED
        mandate_import.error = message[: MandateImport._meta.get_field("error").max_length]
        mandate_import.finished_at = timezone.now()
        return save_with_history(mandate_import, actor=actor, reason="import failed")


def mandate_import_confirm(*, actor, mandate_import):
    """The user confirms the preview: save the valid rows now (a small import) or in a
    Celery worker (a large one), in one transaction either way."""
    from ..tasks import mandate_import_save

    with transaction.atomic():
        _require_import(actor, mandate_import.structure)
        mandate_import = _import_locked(mandate_import.pk)
        if not mandate_import.valid_count:
            raise DomainError(
                _(
                    "No row of the file is valid; nothing to save. Correct the rows shown and "
                    "upload the file again."
                )
            )
        _transition_import(mandate_import, MandateImport.Status.SAVING)
        mandate_import.progress = 0
        save_with_history(mandate_import, actor=actor, reason="import confirmed")
        if mandate_import.valid_count > IMPORT_INLINE_ROWS:
            mandate_import_save.delay_on_commit(mandate_import.pk, actor.pk)
            return mandate_import
    return mandate_import_save_now(actor=actor, mandate_import_id=mandate_import.pk)


def mandate_import_save_now(*, actor, mandate_import_id):
    """Save every row that is still valid in ONE transaction; on any error, none at all.

    The rows are checked again first: the forums may have changed since the preview. A row
    no longer valid is skipped and says why. Idempotent: an import already saved is left.
    Progress goes to the cache while the transaction runs (the record only shows it after
    commit).
    """
    try:
        with transaction.atomic():
            mandate_import = _import_locked(mandate_import_id)
            if mandate_import.status != MandateImport.Status.SAVING:
                return mandate_import
            _require_import(actor, mandate_import.structure)
            saved = _import_rows_save(actor, mandate_import)
            _transition_import(mandate_import, MandateImport.Status.DONE)
            mandate_import.saved_count = saved
            mandate_import.progress = 100
            mandate_import.finished_at = timezone.now()
            save_with_history(mandate_import, actor=actor, reason="import saved")
    except Exception as error:
        logger.exception("import %s failed", mandate_import_id)
        cache.delete(progress_cache_key(mandate_import_id))
        message = error.messages[0] if isinstance(error, ValidationError) else str(error)
        return _import_failed(
            actor,
            mandate_import_id,
            _("Nothing was saved: %(error)s") % {"error": message},
        )
    cache.delete(progress_cache_key(mandate_import_id))
    return mandate_import


def _import_rows_save(actor, mandate_import):
    """Check every row again and save the valid ones, a batch at a time, with history.

    People and mandates are bulk-created with their history rows (simple-history's
    bulk_create_with_history); the new mandates only add permissions, so their grants are
    bulk-created too. The caller's transaction makes it all or nothing.
    """
    from ..imports import RowChecker

    # Lock the structure's forums (in id order, as the mandate services do) so that no
    # mandate is saved beside the import while its rows are checked again and saved.
    forums = Forum.objects.select_for_update().filter(structure=mandate_import.structure_id)
    list(forums.order_by("pk").values_list("pk"))
    checker = RowChecker(structure=mandate_import.structure)
    reason = f"imported from {mandate_import.file_name}"[:100]
    people = {}  # person key -> User created by an earlier row
    total = mandate_import.row_count or 1
    saved = done = 0
    rows = mandate_import.rows.order_by("number").iterator(chunk_size=IMPORT_BATCH)
    for batch in _batches(rows, IMPORT_BATCH):
        checker.prefetch(row.data for row in batch)
        checked_rows = []
        new_people = []
        before = {row.pk: row.errors for row in batch}
        for row in batch:
            checked = checker.check(row.number, row.data)
            row.errors, row.warnings = checked.errors, checked.warnings
            checked_rows.append((row, checked))
            if not checked.errors and checked.person is not None:
                person = User(**checked.person)
                person.set_unusable_password()
                people[checked.person_key] = person
                new_people.append(person)
        if new_people:
            bulk_create_with_history(
                new_people, User, default_user=actor, default_change_reason=reason
            )
        new_mandates = []
        for row, checked in checked_rows:
            if checked.errors:
                continue
            if checked.person_id is not None:
                row.person = User(pk=checked.person_id)
            else:
                row.person = people[checked.person_key]
            if checked.mandate is not None:
                row.mandate = Mandate(person=row.person, **checked.mandate)
                new_mandates.append(row.mandate)
            saved += 1
        if new_mandates:
            bulk_create_with_history(
                new_mandates, Mandate, default_user=actor, default_change_reason=reason
            )
            _import_grant(new_mandates)
        # Write back what the rows became (only the fields that changed, as bulk updates
        # are costly), with history.
        saved_rows = [row for row, checked in checked_rows if not checked.errors]
        for row in saved_rows:
            row.person_id = row.person.pk
            row.mandate_id = row.mandate.pk if row.mandate else None
        if saved_rows:
            bulk_update_with_history(
                saved_rows, MandateImportRow, ["person", "mandate", "warnings"],
                default_user=actor, default_change_reason=reason,
            )  # fmt: skip
        changed = [row for row, checked in checked_rows if checked.errors != before[row.pk]]
        if changed:
            bulk_update_with_history(
                changed, MandateImportRow, ["errors", "warnings"],
                default_user=actor, default_change_reason="checked again when saving",
            )  # fmt: skip
        done += len(batch)
        cache.set(progress_cache_key(mandate_import.pk), int(99 * done / total), 3600)
    return saved


def _import_grant(mandates):
    """Seam for tests: grant the permissions of newly imported mandates."""
    grant_new_mandates(mandates)
