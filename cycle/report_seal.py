"""The annual report as a document: its sections and texts as an outline (for the page, the
PDF and the Word file), and its seal at adoption.

At adoption (`cycle.adoption.AFTER_ADOPTION`) the report is frozen into a snapshot: the
forum, the year, the sections as computed that moment (`cycle.figures.forum_year`, through
`dataclasses.asdict`), the secretariat's texts, the decision that adopted it and the members
with the contact details they published then. Its canonical SHA-256 (as for minutes, see
`meetings.sealing`) is printed in the footer of the PDF made once from it; the PDF's own
SHA-256 is shown on the report's page. Database triggers refuse any later change.
"""

import dataclasses
import hashlib
import json

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kernel.history import save_with_history
from mandates.selectors import forum_members
from meetings.sealing import snapshot_sha256

from . import figures
from .adoption import AFTER_ADOPTION
from .exports import Outline, Section, Table, outline_docx, outline_pdf
from .figures.members import published_contact
from .models import AnnualReport, AnnualReportSeal

SNAPSHOT_VERSION = 1
RECORD_LANGUAGE = "sv"


def _plain(value):
    """JSON-safe plain data (lazy translations and dates become text)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def live_sections(report):
    """The report's sections computed now from the record, as plain dicts."""
    return _plain([dataclasses.asdict(s) for s in figures.forum_year(report.forum, report.year)])


def published_members(forum):
    """The forum's current members with only the contact details each of them publishes."""
    return [
        {
            "name": str(m.person),
            "role": m.get_role_display(),
            "organisation": m.organisation.name if m.organisation else "",
            "email": published_contact(m.person)[0],
            "phone": published_contact(m.person)[1],
        }
        for m in forum_members(forum=forum)
    ]


def build_snapshot(report):
    report = AnnualReport.objects.select_related("forum__structure", "agenda_item__meeting").get(
        pk=report.pk
    )
    forum = report.forum
    item = report.agenda_item
    meeting = item.meeting if item else None
    with translation.override(RECORD_LANGUAGE):
        return _plain(
            {
                "version": SNAPSHOT_VERSION,
                "language": RECORD_LANGUAGE,
                "report": {"id": report.pk, "year": report.year},
                "forum": {
                    "id": forum.pk,
                    "name": forum.name,
                    "structure": forum.structure.name,
                    "reports_to": forum.reports_to_name,
                },
                "year": report.year,
                "sections": live_sections(report),
                "texts": {key: report.texts[key] for key in sorted(report.texts or {})},
                "adopted_at": timezone.localtime(report.adopted_at).isoformat()
                if report.adopted_at
                else None,
                "decision": None
                if meeting is None
                else {
                    "meeting_id": meeting.pk,
                    "meeting": meeting.display_name,
                    "date": timezone.localdate(meeting.starts_at).isoformat(),
                    "agenda_item": item.title,
                },
                "members": published_members(forum),
            }
        )


def _cell_text(cell):
    return cell.get("text", "") if isinstance(cell, dict) else str(cell)


def outline(*, title, forum_name, lines, sections, texts, footer=""):
    """The outline of a report from plain sections (live or sealed)."""
    parts = []
    for section in sections:
        paragraphs = [texts[section["key"]]] if texts.get(section["key"]) else []
        paragraphs += [f"{label}: {_cell_text(cell)}" for label, cell in section.get("facts", [])]
        tables = [
            Table(
                caption=table["caption"],
                headers=list(table["headers"]),
                rows=[
                    [_cell_text(row["label"]), *(_cell_text(c) for c in row["cells"])]
                    for row in table["rows"]
                ],
            )
            for table in section.get("tables", [])
        ]
        parts.append(Section(heading=section["heading"], paragraphs=paragraphs, tables=tables))
    return Outline(title=title, author=forum_name, lines=lines, sections=parts, footer=footer)


def _title(forum_name, year):
    return _("Annual report %(year)s – %(forum)s") % {"year": year, "forum": forum_name}


def snapshot_outline(snapshot, digest):
    with translation.override(snapshot.get("language", RECORD_LANGUAGE)):
        decision = snapshot.get("decision") or {}
        lines = [snapshot["forum"]["structure"]]
        if decision:
            lines.append(
                _("Adopted by %(forum)s on %(date)s (%(meeting)s).")
                % {
                    "forum": snapshot["forum"]["name"],
                    "date": decision["date"],
                    "meeting": decision["meeting"],
                }
            )
        return outline(
            title=_title(snapshot["forum"]["name"], snapshot["year"]),
            forum_name=snapshot["forum"]["name"],
            lines=lines,
            sections=snapshot["sections"],
            texts=snapshot["texts"],
            footer=_("SHA-256 of the sealed annual report: %(digest)s") % {"digest": digest},
        )


def draft_outline(report):
    forum = report.forum
    with translation.override(RECORD_LANGUAGE):
        return outline(
            title=_title(forum.name, report.year),
            forum_name=forum.name,
            lines=[forum.structure.name, _("Draft, not adopted")],
            sections=live_sections(report),
            texts=report.texts or {},
        )


def report_pdf(report):
    """A draft's PDF made now; an adopted report's is the sealed one."""
    if report.is_adopted:
        return bytes(AnnualReportSeal.objects.get(report=report).pdf)
    return outline_pdf(draft_outline(report))


def report_docx(report):
    """The Word file: a draft's from the live figures, an adopted report's from its seal."""
    if report.is_adopted:
        seal = AnnualReportSeal.objects.defer("pdf").get(report=report)
        return outline_docx(snapshot_outline(seal.snapshot, seal.snapshot_sha256))
    return outline_docx(draft_outline(report))


def seal_report(*, actor, document):
    """Freeze the adopted report (AFTER_ADOPTION): the snapshot, its hash, the PDF once."""
    snapshot = build_snapshot(document)
    digest = snapshot_sha256(snapshot)
    pdf = outline_pdf(snapshot_outline(snapshot, digest))
    seal = AnnualReportSeal(
        report=document,
        snapshot=snapshot,
        snapshot_sha256=digest,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        sealed_at=timezone.now(),
    )
    return save_with_history(seal, actor=actor, reason="sealed")


AFTER_ADOPTION[AnnualReport] = seal_report
