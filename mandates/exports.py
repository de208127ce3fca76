"""A forum's member list as CSV and Excel, for the structure's secretariat, and the two views.

CSV is UTF-8 with a byte order mark and `;` between fields, which is what Excel with
Swedish settings opens correctly (å, ä, ö). Excel files are written with openpyxl in
write-only mode. Cells that a spreadsheet would run as a formula are neutralised.
"""

import csv
import re
import tempfile

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from forums.permissions import CHANGE
from forums.selectors import forum_get_visible
from kernel.audit import personal_data_opened

from .selectors import forum_members

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PHONE = re.compile(r"^\+?[\d\s()-]+$")


def headers():
    return [
        _("Name"),
        _("Role"),
        _("Organisation"),
        _("E-mail"),
        _("Phone"),
        _("From"),
        _("To"),
    ]


def safe_cell(value):
    """Text that a spreadsheet shows as text, never runs (CSV/formula injection)."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if PHONE.match(value):  # "+46 70 ..." is a phone number, not a formula
        return value
    return "'" + value


def member_rows(forum):
    """One row per mandate in force: name, role, organisation, e-mail, phone, from, to."""
    for mandate in forum_members(forum=forum).iterator(chunk_size=500):
        person = mandate.person
        yield [
            safe_cell(person.get_full_name() or person.username),
            str(mandate.get_role_display()),
            safe_cell(mandate.organisation.name if mandate.organisation else ""),
            safe_cell(person.email),
            safe_cell(person.phone),
            mandate.valid_from,
            mandate.valid_to,
        ]


def _filename(forum, extension):
    return f"{forum.slug}-members.{extension}"


class _Echo:
    def write(self, value):
        return value


def members_csv_response(forum):
    writer = csv.writer(_Echo(), delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")

    def lines():
        yield "\ufeff" + writer.writerow(headers())
        for row in member_rows(forum):
            yield writer.writerow(
                [value.isoformat() if hasattr(value, "isoformat") else value for value in row]
            )

    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines()), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(forum, "csv")}"'
    return response


def members_xlsx_response(forum):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Members")[:31])
    sheet.append(headers())
    for row in member_rows(forum):
        sheet.append(row)
    spool = tempfile.SpooledTemporaryFile(max_size=5 * 1024 * 1024)  # noqa: SIM115
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename(forum, "xlsx"),
        content_type=XLSX_CONTENT_TYPE,
    )


# --- Views (routes in mandates/member_urls.py, under the forum's address) --------------------


def _forum_for_export(request, slug):
    """The forum if the user may see it (404) and change it (403); None: log in first."""
    user = request.user
    if not user.is_authenticated:
        forum_get_visible(user=user, slug=slug)  # a 404 unless they could see it
        return None
    return forum_get_visible(user=user, slug=slug, action=CHANGE)


def _private(response):
    """Contact details are kept by no cache on the way (ASVS 8.2.1)."""
    response["Cache-Control"] = "private, no-store"
    return response


def members_csv(request, slug):
    forum = _forum_for_export(request, slug)
    if forum is None:
        return redirect_to_login(request.get_full_path())
    personal_data_opened(user=request.user, what="member list (CSV)", obj=forum)
    return _private(members_csv_response(forum))


def members_xlsx(request, slug):
    forum = _forum_for_export(request, slug)
    if forum is None:
        return redirect_to_login(request.get_full_path())
    personal_data_opened(user=request.user, what="member list (Excel)", obj=forum)
    return _private(members_xlsx_response(forum))
