"""Helpers that build cases the way the portal does (through the services) or quickly."""

import itertools

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from escalation import services
from escalation.models import Case, CaseEvent
from tests.factories import CaseEventFactory, CaseFactory

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf_upload(name="underlag.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def raise_case(actor, forum, **fields):
    """Raise a case through the service (reference, event, follow and history included)."""
    fields.setdefault("title", "Ett ärende")
    return services.case_raise(actor=actor, forum=forum, **fields)


class EscalatedEventFactory(CaseEventFactory):
    kind = CaseEvent.Kind.ESCALATED
    from_forum = factory.SelfAttribute("case.origin_forum")
    to_forum = factory.SelfAttribute("case.current_forum")
    from_status = Case.Status.OPEN
    to_status = Case.Status.OPEN
    reason = "Principiell fråga."


_imported = itertools.count(1)


def escalated_case(origin, *, raised_by, **fields):
    """A case raised in `origin` and (as stored data) escalated one tier up, with its events.

    Stored directly, as the demo loader and imports do, under a prefix no service uses.
    """
    fields.setdefault("reference", f"IMP-2026-{next(_imported):04d}")
    case = CaseFactory(
        origin_forum=origin, current_forum=origin.escalates_to, raised_by=raised_by, **fields
    )
    CaseEventFactory(case=case, to_forum=origin)
    EscalatedEventFactory(case=case)
    return case
