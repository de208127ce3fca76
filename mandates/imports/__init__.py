"""Reading and checking import files of people and mandates, one row at a time.

A file is CSV (comma, semicolon or tab; UTF-8, or Windows-1252 as Excel writes it) or
Excel (.xlsx, read with openpyxl in read-only mode). The first row names the columns, in
English or Swedish (see COLUMNS). A row is a person, and optionally a mandate for them:

    email, username, first_name, last_name, title, phone, organisation,
    forum, role, valid_from, valid_to, scope

The rows are streamed; nothing but what a check needs (who was seen in which row, and the
mandates of the structure's forums) is kept in memory.
"""

from .files import (
    COLUMNS,
    MAX_IMPORT_BYTES,
    ImportFileError,
    ImportRows,
    check_row_limit,
    estimate_rows,
    iter_import_rows,
    validate_import_file,
)
from .rows import CheckedRow, RowChecker

__all__ = [
    "COLUMNS",
    "MAX_IMPORT_BYTES",
    "CheckedRow",
    "ImportFileError",
    "ImportRows",
    "RowChecker",
    "check_row_limit",
    "estimate_rows",
    "iter_import_rows",
    "validate_import_file",
]
