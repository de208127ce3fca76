"""Sealing approved minutes (R15): the snapshot of what they record, its canonical hash, and
the one PDF produced from it.

The snapshot holds everything the approved document shows, as plain JSON (names, labels and
times as text, in Swedish, the language of the record), so that later changes to people,
organisations, mandates or translations never change the approved document. Its SHA-256 is
taken over the canonical form (sorted keys, no spaces, UTF-8) and printed in the PDF's
footer; the PDF's own SHA-256 cannot be printed in the PDF, so it is shown on the minutes
page and checked by the public verification page.
"""

import datetime
import hashlib
import json

from django.utils import timezone, translation

from mandates.models import Mandate

from .models import Attendance, Minutes, MinutesApproval, MinutesSeal

SNAPSHOT_VERSION = 1
RECORD_LANGUAGE = "sv"
SEAT_ORDER = (Mandate.Role.CHAIR, Mandate.Role.VICE_CHAIR, Mandate.Role.MEMBER)


def canonical_json(snapshot):
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def snapshot_sha256(snapshot):
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()


def _time(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def _name(person):
    return str(person) if person is not None else ""


def _parties(organisation, structure_id):
    if organisation is None:
        return ""
    names = sorted(str(p) for p in organisation.parties.all() if p.structure_id == structure_id)
    return ", ".join(names)


def _person_block(person, mandate, structure_id):
    organisation = (mandate.organisation if mandate else None) or person.organisation
    return {
        "name": _name(person),
        "mandate_role": mandate.role if mandate else "",
        "mandate_role_label": mandate.get_role_display() if mandate else "",
        "organisation": str(organisation) if organisation else "",
        "party": _parties(organisation, structure_id),
    }


def _approver_mandate(approval, forum):
    """The mandate in the forum the approver approved under (the seat they approve for)."""
    day = timezone.localdate(approval.approved_at)
    mandates = [
        m
        for m in Mandate.objects.filter(person=approval.person, forum=forum)
        .exclude(status__in=(Mandate.Status.PROPOSED, Mandate.Status.REVOKED))
        .select_related("organisation")
        .prefetch_related("organisation__parties")
        if m.valid_from <= day and (m.valid_to is None or m.valid_to >= day)
    ]
    if approval.role == MinutesApproval.Role.CHAIR:
        wanted = (Mandate.Role.CHAIR,)
    else:
        wanted = (Mandate.Role.VICE_CHAIR, Mandate.Role.MEMBER)
    for role in (*wanted, *SEAT_ORDER):
        for mandate in mandates:
            if mandate.role == role:
                return mandate
    return mandates[0] if mandates else None


def _agenda(meeting):
    items = []
    for item in meeting.agenda_items.select_related("case", "decision").order_by("order", "id"):
        decision = getattr(item, "decision", None)
        items.append(
            {
                "order": item.order,
                "title": item.title,
                "kind": item.kind,
                "kind_label": item.get_kind_display(),
                "case_reference": item.case.reference if item.case else "",
                "decision": None
                if decision is None
                else {
                    "outcome": decision.outcome,
                    "outcome_label": decision.get_outcome_display(),
                    "text": decision.text,
                    "consensus": decision.consensus,
                    "votes_for": decision.votes_for,
                    "votes_against": decision.votes_against,
                    "votes_abstaining": decision.votes_abstaining,
                    "is_joint_position": decision.is_joint_position,
                },
            }
        )
    return items


def _attendance(meeting, structure_id):
    rows = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person__organisation", "stands_in_for", "mandate__organisation")
        .prefetch_related("mandate__organisation__parties", "person__organisation__parties")
        .order_by("person__last_name", "person__first_name", "id")
    )
    return [
        {
            **_person_block(row.person, row.mandate, structure_id),
            "status": row.status,
            "status_label": row.get_status_display(),
            "stands_in_for": _name(row.stands_in_for),
        }
        for row in rows
    ]


def _approvals(minutes, forum):
    approvals = minutes.approvals.select_related("person__organisation").order_by(
        "approved_at", "id"
    )
    blocks = []
    for approval in approvals:
        mandate = _approver_mandate(approval, forum)
        blocks.append(
            {
                **_person_block(approval.person, mandate, forum.structure_id),
                "role": approval.role,
                "role_label": approval.get_role_display(),
                "approved_at": _time(approval.approved_at),
            }
        )
    return blocks


def build_snapshot(minutes):
    """What the approved minutes record, as plain JSON, in the record's language."""
    minutes = Minutes.objects.select_related(
        "meeting__forum__structure", "author", "amends__seal"
    ).get(pk=minutes.pk)
    meeting = minutes.meeting
    forum = meeting.forum
    with translation.override(RECORD_LANGUAGE):
        amends = None
        if minutes.amends_id:
            main_seal = getattr(minutes.amends, "seal", None)
            amends = {
                "minutes_id": minutes.amends_id,
                "snapshot_sha256": main_seal.snapshot_sha256 if main_seal else "",
            }
        return {
            "version": SNAPSHOT_VERSION,
            "language": RECORD_LANGUAGE,
            "minutes": {
                "id": minutes.pk,
                "is_addendum": minutes.amends_id is not None,
                "amends": amends,
                "body": minutes.body,
                "author": _name(minutes.author),
                "submitted_at": _time(minutes.submitted_at),
                "approved_at": _time(minutes.approved_at),
                "approval_rule": forum.get_minutes_approval_display(),
            },
            "forum": {
                "id": forum.pk,
                "name": forum.name,
                "structure": forum.structure.name,
            },
            "meeting": {
                "id": meeting.pk,
                # the meeting's own title as sealed records always held it (the forum is
                # beside it); not the display name, so a record's shape does not change
                "title": meeting.title or f"{forum} {meeting.starts_at:%Y-%m-%d}",
                "kind": meeting.kind,
                "kind_label": meeting.get_kind_display(),
                "starts_at": _time(meeting.starts_at),
                "ends_at": _time(meeting.ends_at),
                "location": meeting.location,
            },
            "agenda": _agenda(meeting),
            "attendance": _attendance(meeting, forum.structure_id),
            "approvals": _approvals(minutes, forum),
        }


def seal_minutes(minutes, *, actor, sealed_at=None):
    """Freeze approved minutes: the snapshot, the PDF made once from it, their hashes.

    Called inside the approving transaction, after the minutes are approved; sealing twice
    is refused by the one-to-one key (and the database triggers).
    """
    from kernel.history import save_with_history

    from .pdf import snapshot_pdf_bytes

    if minutes.status != Minutes.Status.APPROVED:
        raise ValueError("only approved minutes are sealed")
    snapshot = build_snapshot(minutes)
    digest = snapshot_sha256(snapshot)
    pdf = snapshot_pdf_bytes(snapshot, digest)
    seal = MinutesSeal(
        minutes=minutes,
        snapshot=snapshot,
        snapshot_sha256=digest,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        sealed_at=sealed_at or timezone.now(),
    )
    return save_with_history(seal, actor=actor, reason="sealed")


def iso_text(value, fmt="%Y-%m-%d %H:%M"):
    """A snapshot time (ISO 8601, local) as the record prints it."""
    return datetime.datetime.fromisoformat(value).strftime(fmt) if value else ""


def seal_summary(seal):
    """What the verification page tells: which minutes, of which meeting, approved by whom
    and when; all from the snapshot."""
    snapshot = seal.snapshot
    return {
        "is_addendum": snapshot["minutes"]["is_addendum"],
        "title": snapshot["meeting"]["title"],
        "forum": snapshot["forum"]["name"],
        "structure": snapshot["forum"]["structure"],
        "meeting_time": iso_text(snapshot["meeting"]["starts_at"]),
        "location": snapshot["meeting"]["location"],
        "approved": iso_text(snapshot["minutes"]["approved_at"]),
        "approvals": [
            {**given, "when": iso_text(given["approved_at"])} for given in snapshot["approvals"]
        ],
    }
