"""Sealed minutes (R15): at the final approval the minutes are frozen into a snapshot, the PDF
is made once from it and stored, and from then on the meeting, its agenda, attendance and
decisions, the approved minutes, their approvals and the seal refuse every change, in the
services and in the database."""

import hashlib
import json

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from kernel.errors import DomainError
from mandates.models import Mandate
from meetings import services
from meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
    MinutesSeal,
)
from meetings.sealing import build_snapshot
from tests.meetings.factories import case_in_preparation
from tests.meetings.service_helpers import _held

pytestmark = pytest.mark.django_db

SEALED = "meetings_sealed_record:"


def _approve(vg, minutes):
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    return minutes


@pytest.fixture
def record(vg, meeting):
    """A held meeting with a case decided, attendance with a deputy, and approved minutes."""
    case = case_in_preparation(vg.group, title="Hjälpmedel")
    services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="Aktuellt")
    item = _held(vg, meeting, case=case)
    deputy_mandate = Mandate.objects.get(person=vg.deputy, forum=vg.group)
    deputy_mandate.deputy_for = Mandate.objects.get(person=vg.municipal_member, forum=vg.group)
    deputy_mandate.save()
    for person, status, stands_in in (
        (vg.chair, "present", None),
        (vg.vgr_member, "present", None),
        (vg.municipal_member, "absent", None),
        (vg.deputy, "deputy", vg.municipal_member),
    ):
        services.attendance_record(
            actor=vg.secretary,
            meeting=meeting,
            person=person,
            status=status,
            stands_in_for=stands_in,
        )
    decision = services.decision_record(
        actor=vg.secretary, item=item, outcome="decided", consensus=True, text="Gemensam rutin"
    )
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    _approve(vg, minutes)
    meeting.refresh_from_db()
    return {
        "meeting": meeting,
        "item": item,
        "decision": decision,
        "minutes": minutes,
        "case": case,
    }


def _seal(minutes):
    return MinutesSeal.objects.get(minutes=minutes)


# --- the snapshot ----------------------------------------------------------------------------


def test_final_approval_seals_a_snapshot_of_the_whole_record(vg, record):
    meeting, minutes = record["meeting"], record["minutes"]
    seal = _seal(minutes)
    snap = seal.snapshot
    assert snap["minutes"]["body"] == minutes.body and not snap["minutes"]["is_addendum"]
    assert snap["forum"]["name"] == vg.group.name
    # the meeting's own title, as records always held it (the forum is its own entry)
    assert snap["meeting"]["title"] == meeting.title and meeting.title
    assert snap["meeting"]["location"] == meeting.location
    assert snap["meeting"]["starts_at"].startswith(f"{meeting.starts_at.astimezone():%Y-%m-%d}")
    assert [(i["order"], i["title"], i["kind"]) for i in snap["agenda"]] == [
        (1, "Aktuellt", "information"),
        (2, "Hjälpmedel", "decision"),
    ]
    assert snap["agenda"][1]["case_reference"] == record["case"].reference
    decision = snap["agenda"][1]["decision"]
    assert decision["outcome"] == "decided" and decision["text"] == "Gemensam rutin"
    assert decision["consensus"] is True and decision["is_joint_position"] is False
    assert snap["agenda"][0]["decision"] is None
    rows = {row["name"]: row for row in snap["attendance"]}
    assert rows[str(vg.deputy)]["status"] == "deputy"
    assert rows[str(vg.deputy)]["stands_in_for"] == str(vg.municipal_member)
    assert rows[str(vg.chair)]["mandate_role_label"] == "Ordförande"
    assert rows[str(vg.chair)]["organisation"] == "Göteborgsregionen"
    assert rows[str(vg.chair)]["party"] == "Kommunerna"
    assert rows[str(vg.vgr_member)]["party"] == "VGR"
    approvals = snap["approvals"]
    assert [(a["name"], a["role"]) for a in approvals] == [
        (str(vg.chair), "chair"),
        (str(vg.vgr_member), "other_party_member"),
    ]
    assert approvals[1]["organisation"] == "Västra Götalandsregionen"
    assert approvals[1]["party"] == "VGR" and approvals[1]["mandate_role"] == "member"
    assert all(a["approved_at"] for a in approvals)
    assert snap["minutes"]["approved_at"] and seal.sealed_at is not None


def test_snapshot_does_not_follow_later_changes_of_people(vg, record):
    seal = _seal(record["minutes"])
    vg.chair.first_name = "Annat"
    vg.chair.save()
    vg.gr.name = "Nytt namn"
    vg.gr.save()
    seal.refresh_from_db()
    assert seal.snapshot["approvals"][0]["name"] == "Karl Kommun"
    assert build_snapshot(record["minutes"]) != seal.snapshot  # the live rows moved on


def test_the_stored_pdf_and_snapshot_rehash_independently(record):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pdf, snapshot::text, pdf_sha256, snapshot_sha256"
            " FROM meetings_minutesseal WHERE minutes_id = %s",
            [record["minutes"].pk],
        )
        pdf, snapshot_text, pdf_sha256, snapshot_sha256 = cursor.fetchone()
    stored = bytes(pdf)
    assert stored.startswith(b"%PDF")
    assert hashlib.sha256(stored).hexdigest() == pdf_sha256
    canonical = json.dumps(
        json.loads(snapshot_text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == snapshot_sha256


def test_minutes_page_shows_both_hashes(client, vg, record):
    seal = _seal(record["minutes"])
    client.force_login(vg.vgr_member)
    page = client.get(record["minutes"].get_absolute_url()).content.decode()
    assert seal.pdf_sha256 in page and seal.snapshot_sha256 in page
    assert reverse("meetings:minutes_verify") in page


def test_sealing_happens_only_at_the_last_approval(vg, meeting):
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    assert not MinutesSeal.objects.filter(minutes=minutes).exists()
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    assert MinutesSeal.objects.filter(minutes=minutes).count() == 1


# --- nothing changes afterwards ----------------------------------------------------------------


def _services_on(vg, record):
    meeting, item = record["meeting"], record["item"]
    return {
        "meeting_update": lambda: services.meeting_update(
            actor=vg.secretary, meeting=meeting, title="Nytt"
        ),
        "meeting_cancel": lambda: services.meeting_cancel(
            actor=vg.secretary, meeting=meeting, reason="Fel"
        ),
        "meeting_convene": lambda: services.meeting_convene(actor=vg.secretary, meeting=meeting),
        "meeting_mark_held": lambda: services.meeting_mark_held(
            actor=vg.secretary, meeting=meeting
        ),
        "agenda_item_add": lambda: services.agenda_item_add(
            actor=vg.secretary, meeting=meeting, title="Ny punkt"
        ),
        "agenda_item_remove": lambda: services.agenda_item_remove(actor=vg.secretary, item=item),
        "agenda_item_move": lambda: services.agenda_item_move(
            actor=vg.secretary, item=item, direction="up"
        ),
        "attendance_record": lambda: services.attendance_record(
            actor=vg.secretary, meeting=meeting, person=vg.vice, status="present"
        ),
        "attendance_record_all": lambda: services.attendance_record_all(
            actor=vg.secretary, meeting=meeting, entries=[(vg.vice, "present", None)]
        ),
        "decision_record": lambda: services.decision_record(
            actor=vg.secretary, item=item, outcome="removed", text="Bort"
        ),
        "minutes_update": lambda: services.minutes_update(
            actor=vg.secretary, minutes=record["minutes"], body="Ändrat"
        ),
        "minutes_return_to_draft": lambda: services.minutes_return_to_draft(
            actor=vg.secretary, minutes=record["minutes"]
        ),
    }


SERVICES = [
    "meeting_update",
    "meeting_cancel",
    "meeting_convene",
    "meeting_mark_held",
    "agenda_item_add",
    "agenda_item_remove",
    "agenda_item_move",
    "attendance_record",
    "attendance_record_all",
    "decision_record",
    "minutes_update",
    "minutes_return_to_draft",
]
MINUTES_LOCKED = {"minutes_update", "minutes_return_to_draft"}


@pytest.mark.parametrize("name", SERVICES)
def test_services_refuse_every_change_after_approval(vg, record, name):
    call = _services_on(vg, record)[name]
    with pytest.raises(DomainError) as refused:
        call()
    if name not in MINUTES_LOCKED:
        assert "godkända och förseglade" in str(refused.value)
    assert "tillägg" in str(refused.value)  # it says what to do instead


def _row_writes(vg, record):
    """Raw ORM saves and deletes, and raw SQL, on every row the approved minutes record."""
    meeting, item, decision = record["meeting"], record["item"], record["decision"]
    minutes = record["minutes"]
    attendance = Attendance.objects.filter(meeting=meeting).first()
    approval = MinutesApproval.objects.filter(minutes=minutes).first()
    seal = _seal(minutes)

    def saved(obj, **changes):
        def write():
            for name, value in changes.items():
                setattr(obj, name, value)
            obj.save()

        return write

    def sql(statement, *params):
        def write():
            with connection.cursor() as cursor:
                cursor.execute(statement, params)

        return write

    return {
        "meeting save": saved(meeting, title="Ändrad"),
        "meeting delete": lambda: Meeting.objects.filter(pk=meeting.pk)._raw_delete("default"),
        "meeting sql": sql("UPDATE meetings_meeting SET location = 'X' WHERE id = %s", meeting.pk),
        "item save": saved(item, title="Ändrad"),
        "item delete": lambda: AgendaItem.objects.filter(pk=item.pk)._raw_delete("default"),
        "item insert": lambda: AgendaItem.objects.create(meeting=meeting, title="Ny", order=9),
        "co-opted insert": lambda: item.co_opted.add(vg.vice),
        "attendance save": saved(attendance, status="absent"),
        "attendance delete": attendance.delete,
        "attendance insert": lambda: Attendance.objects.create(
            meeting=meeting, person=vg.vice, status="present"
        ),
        "decision save": saved(decision, text="Ändrad"),
        "decision delete": decision.delete,
        "decision sql": sql("DELETE FROM meetings_decision WHERE id = %s", decision.pk),
        "minutes save": saved(minutes, status=Minutes.Status.DRAFT, approved_at=None),
        "minutes delete": lambda: Minutes.objects.filter(pk=minutes.pk)._raw_delete("default"),
        "minutes sql": sql("UPDATE meetings_minutes SET body = 'X' WHERE id = %s", minutes.pk),
        "approval save": saved(approval, role="member"),
        "approval delete": approval.delete,
        "approval insert": lambda: MinutesApproval.objects.create(
            minutes=minutes, person=vg.vice, role="member"
        ),
        "seal save": saved(seal, pdf_sha256="0" * 64),
        "seal delete": lambda: MinutesSeal.objects.filter(pk=seal.pk)._raw_delete("default"),
        "seal sql": sql("UPDATE meetings_minutesseal SET pdf = 'x' WHERE id = %s", seal.pk),
        "seal insert twice": lambda: MinutesSeal.objects.create(
            minutes=minutes,
            snapshot={},
            snapshot_sha256="1" * 64,
            pdf=b"x",
            pdf_sha256="2" * 64,
            sealed_at=seal.sealed_at,
        ),
    }


WRITES = [
    "meeting save",
    "meeting delete",
    "meeting sql",
    "item save",
    "item delete",
    "item insert",
    "co-opted insert",
    "attendance save",
    "attendance delete",
    "attendance insert",
    "decision save",
    "decision delete",
    "decision sql",
    "minutes save",
    "minutes delete",
    "minutes sql",
    "approval save",
    "approval delete",
    "approval insert",
    "seal save",
    "seal delete",
    "seal sql",
    "seal insert twice",
]


@pytest.mark.parametrize("name", WRITES)
def test_the_database_refuses_writes_to_the_sealed_record(vg, record, name):
    write = _row_writes(vg, record)[name]
    with pytest.raises(DatabaseError) as caught, transaction.atomic():
        write()
    assert isinstance(caught.value, IntegrityError), caught.value
    diag = caught.value.__cause__.diag
    if name == "seal insert twice":  # one seal per minutes: the one-to-one key
        assert diag.constraint_name == "meetings_minutesseal_minutes_id_key"
    else:
        assert diag.message_primary.startswith(SEALED), diag.message_primary


def test_the_database_refuses_a_seal_of_minutes_not_approved(vg, meeting):
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        MinutesSeal.objects.create(
            minutes=minutes,
            snapshot={},
            snapshot_sha256="1" * 64,
            pdf=b"x",
            pdf_sha256="2" * 64,
            sealed_at=minutes.created_at,
        )
    assert caught.value.__cause__.diag.message_primary.startswith(SEALED)


def test_pdf_and_hash_unchanged_after_every_attempt(client, vg, record):
    minutes = record["minutes"]
    before = _seal(minutes)
    for call in _services_on(vg, record).values():
        with pytest.raises(DomainError):
            call()
    for write in _row_writes(vg, record).values():
        with pytest.raises(DatabaseError), transaction.atomic():
            write()
    client.force_login(vg.vgr_member)
    response = client.get(reverse("meetings:minutes_pdf", args=[minutes.pk]))
    assert hashlib.sha256(response.content).hexdigest() == before.pdf_sha256
    after = _seal(minutes)
    assert (after.pdf_sha256, after.snapshot_sha256) == (before.pdf_sha256, before.snapshot_sha256)
    assert after.snapshot == before.snapshot
    assert Decision.objects.get(pk=record["decision"].pk).text == "Gemensam rutin"


def test_triggers_are_installed_by_name():
    from importlib import import_module

    migration = import_module("meetings.migrations.0007_sealed_record_triggers")
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'meetings_%%_sealed'")
        installed = sorted(row[0] for row in cursor.fetchall())
    assert installed == migration.trigger_names("postgresql")
    assert "meetings_decision_sealed" in installed


def test_unapproved_meetings_stay_writable(vg, meeting):
    _held(vg, meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)  # one of two approvals
    services.attendance_record(
        actor=vg.secretary, meeting=meeting, person=vg.vice, status="present"
    )
    services.minutes_return_to_draft(actor=vg.secretary, minutes=minutes)
    services.minutes_update(actor=vg.secretary, minutes=minutes, body="Nytt utkast")
    meeting.refresh_from_db()
    meeting.location = "Annan plats"
    meeting.save()  # no trigger fires before the approval


def test_cancelling_a_planned_meeting_still_releases_its_case(vg, meeting):
    case = case_in_preparation(vg.group)
    services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="", case=case)
    services.meeting_cancel(actor=vg.secretary, meeting=meeting, reason="Inställt")
    case.refresh_from_db()
    assert case.status == "in_preparation"
    assert Meeting.objects.get(pk=meeting.pk).status == "cancelled"


# --- corrections are addenda with their own approval and seal -----------------------------------


def test_addendum_is_written_approved_and_sealed_on_its_own(vg, record):
    main = record["minutes"]
    addendum = services.minutes_draft(actor=vg.secretary, meeting=record["meeting"], amends=main)
    services.minutes_update(actor=vg.secretary, minutes=addendum, body="Rättelse: § 2 avser MTP.")
    _approve(vg, addendum)
    seal = _seal(addendum)
    assert seal.snapshot["minutes"]["is_addendum"] is True
    assert seal.snapshot["minutes"]["body"] == "Rättelse: § 2 avser MTP."
    assert seal.snapshot["minutes"]["amends"]["snapshot_sha256"] == _seal(main).snapshot_sha256
    assert seal.pdf_sha256 != _seal(main).pdf_sha256
    with pytest.raises(DomainError):
        services.minutes_update(actor=vg.secretary, minutes=addendum, body="Igen")
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.filter(pk=addendum.pk).update(body="Igen")


def test_crafted_posts_through_the_pages_change_nothing(client, vg, record):
    meeting, item, minutes = record["meeting"], record["item"], record["minutes"]
    before = _seal(minutes)
    attendance = sorted(Attendance.objects.filter(meeting=meeting).values_list("pk", "status"))
    client.force_login(vg.secretary)
    posts = [
        (reverse("meetings:minutes_edit", args=[minutes.pk]), {"body": "Ändrat"}),
        (reverse("meetings:minutes_action", args=[minutes.pk, "draft"]), {}),
        (reverse("meetings:meeting_edit", args=[meeting.pk]), {"title": "Ändrat"}),
        (reverse("meetings:meeting_cancel", args=[meeting.pk]), {"reason": "Fel"}),
        (
            reverse("meetings:agenda_item_add", args=[meeting.pk]),
            {"title": "Ny", "kind": "information"},
        ),
        (reverse("meetings:agenda_item_remove", args=[item.pk]), {}),
        (reverse("meetings:agenda_item_move", args=[item.pk, "up"]), {}),
        (reverse("meetings:decision_record", args=[item.pk]), {"outcome": "removed", "text": "X"}),
        (
            reverse("meetings:attendance_edit", args=[meeting.pk]),
            {f"status_{vg.chair.pk}": "absent"},
        ),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
    after = _seal(minutes)
    assert (after.pdf_sha256, after.snapshot_sha256) == (before.pdf_sha256, before.snapshot_sha256)
    meeting.refresh_from_db()
    assert meeting.status == "held" and meeting.title != "Ändrat"
    assert Minutes.objects.get(pk=minutes.pk).status == "approved"
    assert AgendaItem.objects.filter(meeting=meeting).count() == 2
    assert Decision.objects.get(pk=record["decision"].pk).outcome == "decided"
    assert sorted(Attendance.objects.filter(meeting=meeting).values_list("pk", "status")) == (
        attendance
    )
