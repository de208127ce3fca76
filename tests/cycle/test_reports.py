"""The annual report's services: drafted once per forum and year by the secretariat, its
texts bounded and frozen at adoption, sealed by the forum's decision (snapshot, hashes, PDF,
database triggers), and marked as sent to the principal body."""

import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from cycle import services
from cycle.figures import forum_year
from cycle.models import AnnualReport, AnnualReportSeal
from cycle.services.reports import TEXT_MAX_LENGTH
from kernel.errors import DomainError
from meetings.models import Decision
from meetings.sealing import snapshot_sha256
from tests.clock import FROZEN_DAY
from tests.factories import OrganisationFactory, UserFactory

from .report_helpers import adopted, decide, draft, held_meeting, pdf_text, put_on_agenda

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def test_the_secretariat_drafts_a_report_once_per_forum_and_year(operative_forum, secretariat_user):
    report = draft(operative_forum, secretariat_user, 2025)
    assert report.status == AnnualReport.Status.DRAFT
    assert report.created_by == secretariat_user
    with pytest.raises(ValidationError) as error:
        draft(operative_forum, secretariat_user, 2025)
    assert "year" in error.value.message_dict


def test_a_member_or_chair_may_not_draft(operative_forum, representative_user, chair_user):
    for user in (representative_user, chair_user):
        with pytest.raises(PermissionDenied):
            draft(operative_forum, user, 2025)
    assert not AnnualReport.objects.exists()


@pytest.mark.parametrize("year", [1999, FROZEN_DAY.year + 2])
def test_the_year_is_bounded(operative_forum, secretariat_user, year):
    with pytest.raises(ValidationError):
        draft(operative_forum, secretariat_user, year)


def test_a_section_text_is_saved_by_its_key(operative_forum, secretariat_user):
    report = draft(operative_forum, secretariat_user)
    report = services.annual_report_text_set(
        actor=secretariat_user, report=report, key="meetings", text="  Gruppen möttes.  "
    )
    assert AnnualReport.objects.get(pk=report.pk).texts == {"meetings": "Gruppen möttes."}
    report = services.annual_report_text_set(
        actor=secretariat_user, report=report, key="meetings", text=""
    )
    assert AnnualReport.objects.get(pk=report.pk).texts == {}


def test_an_unknown_section_key_or_an_overlong_text_is_refused(operative_forum, secretariat_user):
    report = draft(operative_forum, secretariat_user)
    with pytest.raises(ValidationError) as error:
        services.annual_report_text_set(actor=secretariat_user, report=report, key="x", text="a")
    assert "key" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.annual_report_text_set(
            actor=secretariat_user, report=report, key="meetings", text="a" * (TEXT_MAX_LENGTH + 1)
        )
    assert "text" in error.value.message_dict


def test_a_member_may_not_edit_a_text(operative_forum, secretariat_user, representative_user):
    report = draft(operative_forum, secretariat_user)
    with pytest.raises(PermissionDenied):
        services.annual_report_text_set(
            actor=representative_user, report=report, key="meetings", text="x"
        )


def test_referred_back_it_stays_a_draft(operative_forum, secretariat_user):
    report, _meeting = put_on_agenda(draft(operative_forum, secretariat_user), secretariat_user)
    report = decide(report, secretariat_user, outcome=Decision.Outcome.REFERRED_BACK)
    assert report.status == AnnualReport.Status.DRAFT
    assert not AnnualReportSeal.objects.exists()


def test_adoption_seals_the_report(operative_forum, secretariat_user, representative_user):
    representative_user.email = "lena@example.se"
    representative_user.phone = "070-111"
    representative_user.publish_email = True
    representative_user.publish_phone = False
    representative_user.save()
    held_meeting(operative_forum, 2025)
    report = adopted(operative_forum, secretariat_user, texts={"meetings": "Ett bra år."})
    assert report.is_adopted
    seal = AnnualReportSeal.objects.get(report=report)
    snapshot = seal.snapshot
    assert snapshot["forum"]["name"] == operative_forum.name
    assert snapshot["year"] == 2025
    assert snapshot["texts"] == {"meetings": "Ett bra år."}
    assert [s["key"] for s in snapshot["sections"]] == [
        s.key for s in forum_year(operative_forum, 2025)
    ]
    assert snapshot["decision"]["meeting_id"] == report.agenda_item.meeting_id
    member = next(m for m in snapshot["members"] if m["name"] == str(representative_user))
    assert member["email"] == "lena@example.se"
    assert member["phone"] == ""  # not published: not in the report
    assert seal.snapshot_sha256 == snapshot_sha256(snapshot)
    pdf = bytes(seal.pdf)
    assert seal.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    text = pdf_text(pdf)
    assert seal.snapshot_sha256 in text.replace("\n", "").replace(" ", "")
    assert "Ett bra år." in text


def test_the_held_meetings_are_counted(operative_forum, secretariat_user):
    held_meeting(operative_forum, 2025, month=2)
    held_meeting(operative_forum, 2025, month=5)
    held_meeting(operative_forum, 2024)
    report = adopted(operative_forum, secretariat_user)
    section = next(s for s in report.seal.snapshot["sections"] if s["key"] == "meetings")
    values = [cell["value"] for _label, cell in section["facts"]]
    assert 2 in values


def test_an_adopted_report_refuses_text_changes(operative_forum, secretariat_user):
    report = adopted(operative_forum, secretariat_user)
    with pytest.raises(DomainError):
        services.annual_report_text_set(
            actor=secretariat_user, report=report, key="meetings", text="Ändrad"
        )


def _raw(sql, params):
    with pytest.raises(IntegrityError) as error, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    assert "cycle_sealed_report" in str(error.value)


def test_the_database_refuses_to_change_a_seal_or_an_adopted_report(
    operative_forum, secretariat_user
):
    report = adopted(operative_forum, secretariat_user)
    _raw(
        "UPDATE cycle_annualreportseal SET snapshot_sha256 = %s WHERE report_id = %s",
        ["0" * 64, report.pk],
    )
    _raw("DELETE FROM cycle_annualreportseal WHERE report_id = %s", [report.pk])
    _raw("UPDATE cycle_annualreport SET texts = %s WHERE id = %s", ['{"meetings": "x"}', report.pk])
    _raw("UPDATE cycle_annualreport SET status = 'draft' WHERE id = %s", [report.pk])
    _raw("DELETE FROM cycle_annualreport WHERE id = %s", [report.pk])
    # marking it as sent stays possible
    with connection.cursor() as c:
        c.execute("UPDATE cycle_annualreport SET sent_to = 'SRO' WHERE id = %s", [report.pk])


def test_the_database_refuses_a_seal_of_a_draft(operative_forum, secretariat_user):
    report = draft(operative_forum, secretariat_user)
    _raw(
        "INSERT INTO cycle_annualreportseal (report_id, snapshot, snapshot_sha256, pdf,"
        " pdf_sha256, sealed_at) VALUES (%s, '{}', %s, '', %s, now())",
        [report.pk, "1" * 64, "2" * 64],
    )


def test_a_draft_may_still_change_in_the_database(operative_forum, secretariat_user):
    report = draft(operative_forum, secretariat_user)
    with connection.cursor() as c:
        c.execute("UPDATE cycle_annualreport SET texts = '{}' WHERE id = %s", [report.pk])


def test_marked_as_sent_defaults_to_the_body_it_reports_to(operative_forum, secretariat_user):
    operative_forum.principal_body = OrganisationFactory(name="SRO", kind="political_body")
    operative_forum.save()
    report = adopted(operative_forum, secretariat_user)
    report = services.annual_report_mark_sent(
        actor=secretariat_user, report=report, sent_on=FROZEN_DAY
    )
    report.refresh_from_db()
    assert (report.sent_on, report.sent_to) == (FROZEN_DAY, "SRO")


def test_a_draft_is_not_sent(operative_forum, secretariat_user):
    report = draft(operative_forum, secretariat_user)
    with pytest.raises(DomainError):
        services.annual_report_mark_sent(
            actor=secretariat_user, report=report, sent_on=FROZEN_DAY, sent_to="SRO"
        )


def test_it_is_not_sent_in_the_future(operative_forum, secretariat_user):
    report = adopted(operative_forum, secretariat_user)
    with pytest.raises(ValidationError) as error:
        services.annual_report_mark_sent(
            actor=secretariat_user,
            report=report,
            sent_on=FROZEN_DAY + datetime.timedelta(days=1),
            sent_to="SRO",
        )
    assert "sent_on" in error.value.message_dict


def test_only_the_secretariat_marks_it_sent(operative_forum, secretariat_user):
    report = adopted(operative_forum, secretariat_user)
    with pytest.raises(PermissionDenied):
        services.annual_report_mark_sent(
            actor=UserFactory(), report=report, sent_on=FROZEN_DAY, sent_to="SRO"
        )
