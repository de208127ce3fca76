"""Building annual reports for the tests: a forum with held meetings, a draft, an adopted one."""

import datetime
import io
import subprocess

from django.utils import timezone

from cycle import services
from cycle.models import AnnualReport
from forums.models import Forum
from meetings.models import Decision, Meeting
from meetings.services import decision_record
from tests.factories import MeetingFactory


def held_meeting(forum, year, month=3):
    start = timezone.make_aware(datetime.datetime(year, month, 10, 9, 0))
    return MeetingFactory(
        forum=forum,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status=Meeting.Status.HELD,
    )


def draft(forum, actor, year=2025):
    return services.annual_report_create(actor=actor, forum=forum, year=year)


def put_on_agenda(report, actor):
    meeting = MeetingFactory(forum=report.forum)
    report = services.document_put_on_agenda(
        actor=actor, document=report, meeting=meeting, title=str(report)
    )
    return report, meeting


def decide(report, actor, outcome=Decision.Outcome.DECIDED):
    meeting = report.agenda_item.meeting
    meeting.status = Meeting.Status.CONVENED
    meeting.save()
    kwargs = {}
    if report.forum.decision_rule == Forum.DecisionRule.CONSENSUS:
        kwargs["consensus"] = outcome == Decision.Outcome.DECIDED
    else:
        kwargs.update(votes_for=5, votes_against=0, votes_abstaining=0)
    decision_record(
        actor=actor, item=report.agenda_item, outcome=outcome, text="Fastställd.", **kwargs
    )
    return AnnualReport.objects.get(pk=report.pk)


def adopted(forum, actor, year=2025, texts=None):
    report = draft(forum, actor, year)
    for key, text in (texts or {}).items():
        report = services.annual_report_text_set(actor=actor, report=report, key=key, text=text)
    report, _meeting = put_on_agenda(report, actor)
    return decide(report, actor)


def pdf_text(data):
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def docx_text(data):
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def cell_texts(sections):
    """Every text of every Cell (facts and tables) of forum_year's sections."""
    texts = []
    for section in sections:
        texts += [cell.text for _label, cell in section.facts]
        for table in section.tables:
            for row in table.rows:
                texts += [row.label.text, *(cell.text for cell in row.cells)]
    return [text for text in texts if text]


def quick_adopted(forum, actor, year=2024):
    """An adopted, sealed report built without a meeting or a real PDF (for the matrices)."""
    from cycle.models import AnnualReportSeal
    from cycle.report_seal import build_snapshot
    from meetings.sealing import snapshot_sha256

    report = AnnualReport.objects.create(
        forum=forum,
        year=year,
        created_by=actor,
        status=AnnualReport.Status.ADOPTED,
        adopted_at=timezone.now(),
        texts={"meetings": "Fastställd text."},
    )
    snapshot = build_snapshot(report)
    pdf = b"%PDF-1.4\n% annual report\n%%EOF\n" + str(report.pk).encode()
    AnnualReportSeal.objects.create(
        report=report,
        snapshot=snapshot,
        snapshot_sha256=snapshot_sha256(snapshot),
        pdf=pdf,
        pdf_sha256=__import__("hashlib").sha256(pdf).hexdigest(),
        sealed_at=timezone.now(),
    )
    return report
