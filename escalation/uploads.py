"""Which files a case may carry: PDF, office documents and images, checked by their content.

The name's extension must match what the bytes are: a PDF starts with `%PDF-`, PNG and JPEG
with their signatures, and the office formats are ZIP archives with the parts that make them
what they are (OOXML: `[Content_Types].xml` and the main part; OpenDocument: a `mimetype`
entry naming the type). Macro-carrying archives, encrypted archives and archives that unpack
to far more than they weigh are refused.
"""

import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 5000

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"

EXTENSIONS = {
    ".pdf": PDF,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".pptx": PPTX,
    ".odt": ODT,
    ".ods": ODS,
}
# The part that makes an OOXML package a document of its kind.
OOXML_MAIN_PART = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", PPTX: "ppt/presentation.xml"}
ALLOWED_TEXT = "PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG"


def _refuse(message):
    raise ValidationError(message, code="invalid_attachment")


def _check_zip(upload, content_type):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                _refuse(_("The document has too many parts."))
            if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
                _refuse(_("The document unpacks to more than is allowed."))
            if any(entry.flag_bits & 0x1 for entry in entries):
                _refuse(_("Encrypted documents cannot be attached."))
            names = {entry.filename for entry in entries}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                _refuse(_("Documents with macros cannot be attached."))
            if content_type in OOXML_MAIN_PART:
                if "[Content_Types].xml" not in names or OOXML_MAIN_PART[content_type] not in names:
                    _refuse(_("The file's content does not match its name."))
                types = archive.read("[Content_Types].xml").decode("utf-8", "replace").lower()
                if "macroenabled" in types:
                    _refuse(_("Documents with macros cannot be attached."))
            else:
                if "mimetype" not in names:
                    _refuse(_("The file's content does not match its name."))
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                if declared != content_type:
                    _refuse(_("The file's content does not match its name."))
    except zipfile.BadZipFile:
        _refuse(_("The file's content does not match its name."))


def attachment_check(upload):
    """Validate an uploaded file; return (safe file name, content type) or raise ValidationError.

    The content type comes from the checked content, never from what the browser said.
    """
    name = get_valid_filename(PurePath(upload.name or "").name)[:200] or "attachment"
    content_type = EXTENSIONS.get(PurePath(name).suffix.lower())
    if content_type is None:
        _refuse(
            _("Only these kinds of files can be attached: %(kinds)s.") % {"kinds": ALLOWED_TEXT}
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        _refuse(
            _("The file is too large: at most %(size)s.")
            % {"size": filesizeformat(MAX_ATTACHMENT_BYTES)}
        )
    if upload.size == 0:
        _refuse(_("The file is empty."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if content_type == PDF:
        ok = head.startswith(b"%PDF-")
    elif content_type == PNG:
        ok = head.startswith(b"\x89PNG\r\n\x1a\n")
    elif content_type == JPEG:
        ok = head.startswith(b"\xff\xd8\xff")
    else:
        ok = head.startswith(b"PK\x03\x04")
        if ok:
            _check_zip(upload, content_type)
            upload.seek(0)
    if not ok:
        _refuse(_("The file's content does not match its name."))
    return name, content_type
