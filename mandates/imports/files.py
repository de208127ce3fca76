"""Reading import files: the kind by content, the encoding, the header, streamed rows."""

import csv
import datetime
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..models import Mandate

MAX_IMPORT_BYTES = 20 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 64 * 1024

COLUMNS = {
    "email": ("email", "e-mail", "e-mail address", "e-post", "epost", "e-postadress"),
    "username": ("username", "användarnamn"),
    "first_name": ("first_name", "first name", "förnamn"),
    "last_name": ("last_name", "last name", "efternamn"),
    "title": ("title", "titel"),
    "phone": ("phone", "telefon"),
    "organisation": ("organisation", "organization", "organisation represented"),
    "forum": ("forum",),
    "role": ("role", "roll"),
    "valid_from": ("valid_from", "valid from", "from", "från", "giltig från"),
    "valid_to": ("valid_to", "valid to", "to", "till", "giltig till"),
    "scope": ("scope", "omfattning", "uppdrag"),
}
_ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}
MANDATE_COLUMNS = ("forum", "role", "valid_from", "valid_to", "scope")
ROLE_ALIASES = {
    "ordförande": Mandate.Role.CHAIR,
    "vice ordförande": Mandate.Role.VICE_CHAIR,
    "ledamot": Mandate.Role.MEMBER,
    "representant": Mandate.Role.MEMBER,
    "ersättare": Mandate.Role.DEPUTY,
    "sekreterare": Mandate.Role.SECRETARY,
    "adjungerad": Mandate.Role.CO_OPTED,
    "kontaktperson": Mandate.Role.CONTACT_PERSON,
}


class ImportFileError(Exception):
    """The file as a whole cannot be read (not the fault of one row)."""


def validate_import_file(file):
    """Refuse what is not a CSV or .xlsx file of a sane size; return "csv" or "xlsx"."""
    name = (file.name or "").lower()
    if file.size > MAX_IMPORT_BYTES:
        raise ValidationError({"file": [_("The file is larger than 20 MB.")]})
    file.seek(0)
    head = file.read(len(XLSX_MAGIC))
    file.seek(0)
    if name.endswith(".xlsx"):
        if head != XLSX_MAGIC or not _is_readable_workbook(file):
            raise ValidationError(
                {
                    "file": [
                        _(
                            "The file is not an Excel workbook (.xlsx) that can be read. Save "
                            "it from Excel as .xlsx, or as CSV, and upload it again."
                        )
                    ]
                }
            )
        return "xlsx"
    if name.endswith((".csv", ".txt")):
        if b"\x00" in file.read(SNIFF_BYTES):
            file.seek(0)
            raise ValidationError({"file": [_("The file is not a text (CSV) file.")]})
        file.seek(0)
        return "csv"
    raise ValidationError({"file": [_("Upload a CSV file or an Excel workbook (.xlsx).")]})


def _is_readable_workbook(file):
    """Whether openpyxl opens the file (a ZIP renamed .xlsx starts like one but is not)."""
    try:
        _open_workbook(file).close()
    except ImportFileError:
        return False
    finally:
        file.seek(0)
    return True


def _binary(mandate_import):
    return mandate_import.file.storage.open(mandate_import.file.name, "rb")


def _is_xlsx(mandate_import):
    return mandate_import.file.name.lower().endswith(".xlsx")


def _csv_encoding(handle):
    sample = handle.read(SNIFF_BYTES)
    handle.seek(0)
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if error.start < len(sample) - 4:
            return "cp1252", sample
    return "utf-8-sig", sample


def estimate_rows(mandate_import):
    """How many data rows the file has, without reading it into memory (None if unknown)."""
    with _binary(mandate_import) as handle:
        if _is_xlsx(mandate_import):
            workbook = _open_workbook(handle)
            try:
                rows = workbook.active.max_row
            finally:
                workbook.close()
            return None if rows is None else max(0, rows - 1)
        lines = 0
        last = b""
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            lines += chunk.count(b"\n")
            last = chunk
        if last and not last.endswith(b"\n"):
            lines += 1
        return max(0, lines - 1)


def _open_workbook(handle):
    from openpyxl import load_workbook

    try:
        return load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(
            _(
                "The Excel file cannot be read (%(error)s). Save it from Excel as .xlsx, or as "
                "CSV, and upload it again."
            )
            % {"error": error}
        ) from error


def _header(cells):
    keys = [str(cell or "").strip().lower() for cell in cells]
    columns = [_ALIASES.get(key) or _ALIASES.get(key.replace("_", " ")) for key in keys]
    if "email" not in columns and "username" not in columns:
        raise ImportFileError(
            _(
                "The first row must name the columns, with at least “email” or “username”; "
                "known columns: %(columns)s."
            )
            % {"columns": ", ".join(COLUMNS)}
        )
    return columns


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def too_many_rows(limit):
    return ImportFileError(
        _(
            "The file has more than %(limit)s rows, the most one import may have. Split it into "
            "files of at most %(limit)s rows and import them one at a time."
        )
        % {"limit": number_format(limit, force_grouping=True)}
    )


def check_row_limit(mandate_import, estimated):
    """Refuse a file with more data rows than settings.IMPORT_MAX_ROWS, before any is checked.

    `estimated` (from estimate_rows) is never below the true count for CSV (it counts lines)
    and is the sheet's stated size for Excel, so a file within it needs no second look (a
    workbook that misstates its size is still stopped while its rows are checked); otherwise
    the rows are read, only parsed, and the reading stops at the first row over the limit.
    """
    limit = settings.IMPORT_MAX_ROWS
    if estimated is not None and estimated <= limit:
        return
    for _row in ImportRows(mandate_import, estimated_rows=estimated):
        pass


class ImportRows:
    """Iterate (row number, {column: text}) over the file; `estimated_rows` for progress.

    Raises ImportFileError on the first data row over settings.IMPORT_MAX_ROWS, so a file
    that is too long is never read to its end.
    """

    def __init__(self, mandate_import, estimated_rows=None):
        self.mandate_import = mandate_import
        if estimated_rows is None:
            estimated_rows = estimate_rows(mandate_import)
        self.estimated_rows = estimated_rows

    def __iter__(self):
        limit = settings.IMPORT_MAX_ROWS
        rows = self._xlsx() if _is_xlsx(self.mandate_import) else self._csv()
        for count, row in enumerate(rows, start=1):
            if count > limit:
                rows.close()  # closes the file at once
                raise too_many_rows(limit)
            yield row

    def _csv(self):
        with _binary(self.mandate_import) as handle:
            encoding, sample = _csv_encoding(handle)
            text_sample = sample.decode(encoding, errors="replace")
            try:
                dialect = csv.Sniffer().sniff(text_sample.split("\n", 1)[0], delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            text = io.TextIOWrapper(getattr(handle, "file", handle), encoding=encoding, newline="")
            reader = csv.reader(text, dialect)
            try:
                columns = _header(next(reader))
            except StopIteration:
                raise ImportFileError(_("The file is empty.")) from None
            except (csv.Error, UnicodeDecodeError) as error:
                raise ImportFileError(str(error)) from error
            try:
                for cells in reader:
                    values = {
                        name: (cell or "").strip()
                        for name, cell in zip(columns, cells, strict=False)
                        if name
                    }
                    if any(values.values()):
                        yield reader.line_num, values
            except (csv.Error, UnicodeDecodeError) as error:
                raise ImportFileError(
                    _("Row %(row)d cannot be read: %(error)s")
                    % {"row": reader.line_num, "error": error}
                ) from error

    def _xlsx(self):
        with _binary(self.mandate_import) as handle:
            workbook = _open_workbook(handle)
            try:
                rows = workbook.active.iter_rows(values_only=True)
                try:
                    columns = _header(next(rows))
                except StopIteration:
                    raise ImportFileError(_("The file is empty.")) from None
                for number, cells in enumerate(rows, start=2):
                    values = {
                        name: _cell(cell)
                        for name, cell in zip(columns, cells, strict=False)
                        if name
                    }
                    if any(values.values()):
                        yield number, values
            finally:
                workbook.close()


def iter_import_rows(mandate_import):
    return ImportRows(mandate_import)
