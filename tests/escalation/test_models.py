"""The case model: its transition table, its pure predicates and its constraints."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from escalation.models import (
    NEXT_STEPS,
    Case,
    CaseAttachment,
    CaseReferenceCounter,
    Follow,
    attachment_upload_to,
)
from tests.factories import CaseFactory, FollowFactory, ForumFactory

Status = Case.Status


def test_the_table_covers_every_status_and_names_only_statuses():
    assert set(Case.TRANSITIONS) == set(Status)
    for targets in Case.TRANSITIONS.values():
        assert targets <= set(Status)


def test_the_lifecycle_of_the_issue():
    """open -> in preparation -> scheduled -> decided | referred back | removed | escalated;
    decided -> feedback given -> closed; referred back goes back to preparation (R14)."""
    t = Case.TRANSITIONS
    assert Status.IN_PREPARATION in t[Status.OPEN]
    assert Status.SCHEDULED in t[Status.IN_PREPARATION]
    assert {Status.DECIDED, Status.REFERRED_BACK, Status.REMOVED, Status.ESCALATED} <= t[
        Status.SCHEDULED
    ]
    assert t[Status.REFERRED_BACK] == {Status.IN_PREPARATION, Status.REMOVED}
    assert t[Status.ESCALATED] == {Status.OPEN}
    assert t[Status.DECIDED] == {Status.FEEDBACK_GIVEN, Status.CLOSED}
    assert t[Status.FEEDBACK_GIVEN] == {Status.CLOSED}
    assert t[Status.REMOVED] == t[Status.CLOSED] == set()


@pytest.mark.parametrize("status", Status.values)
def test_can_become_reads_the_table(status):
    case = Case(status=status)
    for target in Status.values:
        assert case.can_become(target) == (target in Case.TRANSITIONS[Status(status)])
    assert case.is_final == (status in (Status.REMOVED, Status.CLOSED))


@pytest.mark.parametrize("status", Status.values)
def test_every_status_says_what_happens_next(status):
    assert Case(status=status, origin_forum_id=1, current_forum_id=1).next_step()
    assert status in NEXT_STEPS


def test_a_decided_escalated_case_waits_for_feedback():
    case = Case(status=Status.DECIDED, origin_forum_id=1, current_forum_id=2)
    assert case.is_escalated
    with translation.override("en"):
        assert "feedback" in str(case.next_step())


@pytest.mark.django_db
def test_reference_is_unique():
    CaseFactory(reference="SAM-2026-0001")
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        CaseFactory(reference="SAM-2026-0001")
    assert refused.value.__cause__.diag.constraint_name == "escalation_case_reference_key"


@pytest.mark.django_db
def test_one_counter_per_prefix_and_year():
    CaseReferenceCounter.objects.create(prefix="SAM", year=2026, last_number=3)
    CaseReferenceCounter.objects.create(prefix="SAM", year=2027)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        CaseReferenceCounter.objects.create(prefix="SAM", year=2026)
    assert refused.value.__cause__.diag.constraint_name == "case_counter_unique"


@pytest.mark.django_db
def test_a_person_follows_a_case_once():
    follow = FollowFactory()
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        Follow.objects.create(user=follow.user, case=follow.case)
    assert refused.value.__cause__.diag.constraint_name == "follow_once"


@pytest.mark.django_db
def test_urls():
    case = CaseFactory(reference="SAM-2026-0042", origin_forum=ForumFactory())
    assert case.get_absolute_url() == "/arenden/SAM-2026-0042/"
    attachment = CaseAttachment(case=case, pk=7)
    assert attachment.get_absolute_url() == "/arenden/SAM-2026-0042/bilagor/7/"


def test_stored_file_names_are_random_and_keep_only_the_extension():
    first = attachment_upload_to(None, "Hemlig plan.PDF")
    second = attachment_upload_to(None, "Hemlig plan.PDF")
    assert first != second
    assert first.startswith("cases/") and first.endswith(".pdf")
    assert "Hemlig" not in first


def test_every_model_keeps_history():
    for model in (Case, CaseAttachment, CaseReferenceCounter, Follow):
        assert hasattr(model, "history")
