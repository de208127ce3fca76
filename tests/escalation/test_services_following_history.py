"""The case services: stale copies, following, attachments, complete history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from escalation import services
from escalation.errors import CaseChangedMeanwhile
from escalation.models import Case, CaseEvent, CaseReferenceCounter, Follow
from mandates.models import Mandate
from tests.escalation.factories import pdf_upload, raise_case
from tests.factories import ForumFactory, StructureFactory

pytestmark = pytest.mark.django_db

Status = Case.Status
Kind = CaseEvent.Kind
YEAR = timezone.localdate().year


# --- Concurrency (single thread; the real race is in test_race.py) ---------------------------


def test_a_stale_copy_is_refused_with_the_case_changed_meanwhile(case, operative_chair):
    stale = Case.objects.get(pk=case.pk)
    services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    with translation.override("en"), pytest.raises(CaseChangedMeanwhile) as error:
        services.case_remove(actor=operative_chair, case=stale, reason="Avförs")
    assert "meanwhile" in str(error.value)
    assert case.events.count() == 2


def test_the_version_a_page_showed_is_checked(case, operative_chair):
    with pytest.raises(CaseChangedMeanwhile):
        services.case_start_preparation(actor=operative_chair, case=case, expected_version=7)
    services.case_start_preparation(actor=operative_chair, case=case, expected_version=0)


def test_the_callers_copy_is_brought_up_to_date(case, operative_chair, tactical_forum):
    returned = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    assert returned is not case
    assert (case.version, case.current_forum, case.status) == (1, tactical_forum, Status.OPEN)


# --- Following -------------------------------------------------------------------------------


def test_anyone_who_sees_the_case_may_follow_it_once(case, tactical_member, operative_chair):
    with pytest.raises(PermissionDenied):
        services.case_follow(actor=tactical_member, case=case)  # not on the path yet
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    first = services.case_follow(actor=tactical_member, case=case)
    assert services.case_follow(actor=tactical_member, case=case) == first
    assert Follow.objects.filter(user=tactical_member, case=case).count() == 1


def test_outsiders_cannot_follow(case, outsider_user):
    with pytest.raises(PermissionDenied):
        services.case_follow(actor=outsider_user, case=case)


def test_unfollow_records_who_stopped(case, representative_user):
    services.case_unfollow(actor=representative_user, case=case)
    assert not Follow.objects.filter(user=representative_user, case=case).exists()
    deleted = Follow.history.filter(user=representative_user, history_type="-").get()
    assert deleted.history_user == representative_user
    assert services.case_unfollow(actor=representative_user, case=case) is None


# --- Attachments -----------------------------------------------------------------------------


def test_attachment_added_later_is_an_event(case, representative_user):
    attachment = services.case_attachment_add(
        actor=representative_user, case=case, upload=pdf_upload("bilaga.pdf")
    )
    assert attachment.case == case
    assert case.events.filter(kind=Kind.ATTACHMENT_ADDED, reason="bilaga.pdf").exists()


def test_attachments_are_refused_for_outsiders_and_finished_cases(
    case, outsider_user, operative_chair, representative_user
):
    with pytest.raises(PermissionDenied):
        services.case_attachment_add(actor=outsider_user, case=case, upload=pdf_upload())
    case = services.case_remove(actor=operative_chair, case=case, reason="Avförs")
    with pytest.raises(PermissionDenied):
        services.case_attachment_add(actor=representative_user, case=case, upload=pdf_upload())


def test_attachment_content_is_checked(case, representative_user):
    with pytest.raises(ValidationError) as error:
        services.case_attachment_add(
            actor=representative_user, case=case, upload=pdf_upload("fake.pdf", b"<html>")
        )
    assert "file" in error.value.message_dict


# --- History completeness --------------------------------------------------------------------

HISTORY_MODELS = [Case, CaseEvent, Follow, CaseReferenceCounter]


def _history_counts():
    return {model: model.history.count() for model in HISTORY_MODELS}


def _new_rows(before):
    return {
        model: list(model.history.order_by("-history_id")[: model.history.count() - count])
        for model, count in before.items()
    }


def test_every_write_leaves_one_history_row_per_changed_object_with_the_actor(
    representative_user, operative_forum, operative_chair, chair_user, strategic_chair
):
    before = _history_counts()
    case = raise_case(representative_user, operative_forum)
    rows = _new_rows(before)
    # the case, its event, the raiser's follow and the (new) reference counter
    assert {model: len(found) for model, found in rows.items()} == dict.fromkeys(HISTORY_MODELS, 1)
    assert all(row.history_user == representative_user for found in rows.values() for row in found)

    steps = [
        (operative_chair, services.case_start_preparation, {}),
        (operative_chair, services.case_escalate, {"reason": "Uppåt"}),
        (chair_user, services.case_escalate, {"reason": "Högre"}),
        (strategic_chair, services.case_start_preparation, {}),
        (strategic_chair, services.case_schedule, {}),
        (strategic_chair, services.case_decide, {"outcome": "Enighet"}),
        (strategic_chair, services.case_give_feedback, {"feedback": "Enighet"}),
        (operative_chair, services.case_acknowledge_feedback, {}),
    ]
    for actor, service, arguments in steps:
        before = _history_counts()
        case = service(actor=actor, case=case, **arguments)
        rows = _new_rows(before)
        assert len(rows[Case]) == 1 and len(rows[CaseEvent]) == 1, service.__name__
        assert rows[Follow] == [] and rows[CaseReferenceCounter] == []
        assert rows[Case][0].history_user == actor
        assert rows[CaseEvent][0].history_user == actor
        assert rows[Case][0].history_change_reason == f"event:{rows[CaseEvent][0].id}"

    before = _history_counts()
    services.case_follow(actor=chair_user, case=case)
    rows = _new_rows(before)
    assert len(rows[Follow]) == 1 and rows[Follow][0].history_user == chair_user
    assert rows[Case] == [] and rows[CaseEvent] == []


def test_a_second_raise_changes_the_counter_once(representative_user, operative_forum):
    raise_case(representative_user, operative_forum)
    before = CaseReferenceCounter.history.count()
    raise_case(representative_user, operative_forum)
    row = CaseReferenceCounter.history.latest()
    assert CaseReferenceCounter.history.count() == before + 1
    assert (row.history_user, row.last_number) == (representative_user, 2)


def test_structures_with_their_own_prefix(representative_user, give_mandate):
    other = StructureFactory(case_reference_prefix="VGR")
    forum = ForumFactory(structure=other)
    give_mandate(representative_user, forum, Mandate.Role.MEMBER)
    assert raise_case(representative_user, forum).reference == f"VGR-{YEAR}-0001"


def test_attaching_leaves_one_row_for_the_attachment_and_its_event(case, representative_user):
    from escalation.models import CaseAttachment

    models = [Case, CaseEvent, CaseAttachment, Follow]
    before = {model: model.history.count() for model in models}
    services.case_attachment_add(actor=representative_user, case=case, upload=pdf_upload())
    added = {model: model.history.count() - before[model] for model in models}
    assert added == {Case: 0, CaseEvent: 1, CaseAttachment: 1, Follow: 0}
    assert CaseAttachment.history.latest().history_user == representative_user
    assert CaseEvent.history.latest().history_user == representative_user
