"""The case services: raising, every transition and refusal, escalation rules, following."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from escalation import services
from escalation.errors import CaseChangedMeanwhile
from escalation.models import Case, CaseEvent, CaseReferenceCounter, Follow
from forums.models import Forum
from kernel.errors import DomainError, InvalidTransition
from mandates.models import Mandate
from tests.escalation.factories import pdf_upload, raise_case
from tests.factories import CaseFactory, ForumFactory, StructureFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Case.Status
Kind = CaseEvent.Kind
YEAR = timezone.localdate().year


# --- Raising ---------------------------------------------------------------------------------


def test_raise_numbers_the_case_records_the_event_and_follows(representative_user, operative_forum):
    case = raise_case(
        representative_user,
        operative_forum,
        title="  Gemensam rutin  ",
        description="Beskrivning",
        priority=Case.Priority.HIGH,
        wished_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    assert case.reference == f"SAM-{YEAR}-0001"
    assert case.title == "Gemensam rutin"
    assert case.origin_forum == case.current_forum == operative_forum
    assert case.status == Status.OPEN
    assert case.organisation == representative_user.organisation
    event = case.events.get()
    assert (event.kind, event.actor, event.to_forum, event.to_status) == (
        Kind.RAISED,
        representative_user,
        operative_forum,
        Status.OPEN,
    )
    assert Follow.objects.filter(user=representative_user, case=case).exists()


def test_references_count_up_per_prefix_and_year(representative_user, operative_forum, structure):
    first = raise_case(representative_user, operative_forum)
    second = raise_case(representative_user, operative_forum)
    assert (first.reference, second.reference) == (f"SAM-{YEAR}-0001", f"SAM-{YEAR}-0002")
    structure.case_reference_prefix = "TPS"
    structure.save()
    operative_forum.refresh_from_db()
    assert raise_case(representative_user, operative_forum).reference == f"TPS-{YEAR}-0001"
    assert CaseReferenceCounter.objects.get(prefix="SAM", year=YEAR).last_number == 2


def test_reference_starts_after_references_already_in_use(representative_user, operative_forum):
    """The demo data and imports use fixed references: the counter never collides with them."""
    for number in (1, 2, 12):
        CaseFactory(reference=f"SAM-{YEAR}-{number:04d}")
    CaseFactory(reference=f"SAM-{YEAR - 1}-0099")
    assert raise_case(representative_user, operative_forum).reference == f"SAM-{YEAR}-0013"
    CaseFactory(reference=f"SAM-{YEAR}-0014")  # taken behind the counter's back
    assert raise_case(representative_user, operative_forum).reference == f"SAM-{YEAR}-0015"


def test_a_rolled_back_raise_leaves_no_gap(representative_user, operative_forum):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        raise_case(representative_user, operative_forum)
        raise RuntimeError
    assert raise_case(representative_user, operative_forum).reference == f"SAM-{YEAR}-0001"


@pytest.mark.parametrize("who", ["outsider_user", "chair_user", "secretariat_user"])
def test_only_those_who_may_raise_in_the_forum_raise(request, who, operative_forum):
    with pytest.raises(PermissionDenied):
        raise_case(request.getfixturevalue(who), operative_forum)
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "  "}, "title"),
        ({"priority": "urgent"}, "priority"),
        ({"wished_date": datetime.date(2000, 1, 1)}, "wished_date"),
        ({"attachments": [pdf_upload(name="virus.exe", content=b"MZ...")]}, "attachments"),
    ],
)
def test_raise_validates_its_input(representative_user, operative_forum, fields, field):
    with pytest.raises(ValidationError) as error:
        raise_case(representative_user, operative_forum, **fields)
    assert field in error.value.message_dict
    assert not Case.objects.exists()
    assert not CaseReferenceCounter.objects.exists()


def test_a_wound_down_forum_takes_no_cases(representative_user, operative_forum):
    operative_forum.active_from = datetime.date(2020, 1, 1)
    operative_forum.active_to = timezone.localdate() - datetime.timedelta(days=1)
    operative_forum.save()
    with pytest.raises(DomainError):
        raise_case(representative_user, operative_forum)


def test_raise_stores_checked_attachments(representative_user, operative_forum):
    case = raise_case(representative_user, operative_forum, attachments=[pdf_upload()])
    attachment = case.attachments.get()
    assert (attachment.name, attachment.content_type) == ("underlag.pdf", "application/pdf")
    assert attachment.file.name.startswith("cases/") and "underlag" not in attachment.file.name
    assert attachment.uploaded_by == representative_user


# --- Every transition and every refusal --------------------------------------------------------

# service name -> (status it leads to, the arguments it needs)
STEPS = {
    "case_start_preparation": (Status.IN_PREPARATION, {}),
    "case_schedule": (Status.SCHEDULED, {"note": "Mötet 12 mars"}),
    "case_decide": (Status.DECIDED, {"outcome": "Ställningstagande."}),
    "case_refer_back": (Status.REFERRED_BACK, {"reason": "Ingen konsensus."}),
    "case_remove": (Status.REMOVED, {"reason": "Ingen konsensus."}),
    "case_escalate": (Status.ESCALATED, {"reason": "Principiell fråga."}),
    "case_give_feedback": (Status.FEEDBACK_GIVEN, {"feedback": "Styrgruppen beslöt."}),
    "case_acknowledge_feedback": (Status.CLOSED, {}),
    "case_close": (Status.CLOSED, {}),
}
# Where each step leaves the case (escalation: open again one tier up).
RESULT = {**{name: target for name, (target, _) in STEPS.items()}, "case_escalate": Status.OPEN}


def _allowed(name, status, escalated):
    target, _ = STEPS[name]
    if target not in Case.TRANSITIONS[Status(status)]:
        return False
    if name == "case_give_feedback":
        return escalated
    if name == "case_close":
        return status == Status.DECIDED and not escalated
    if name == "case_acknowledge_feedback":
        return status == Status.FEEDBACK_GIVEN
    return True


@pytest.mark.parametrize("escalated", [False, True], ids=["at-origin", "escalated"])
@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("name", list(STEPS))
def test_every_step_follows_the_transition_table(
    name, status, escalated, operative_forum, tactical_forum, chair_user, operative_chair
):
    """Each service moves exactly the statuses the table allows, and refuses all others."""
    current = tactical_forum if escalated else operative_forum
    actor = chair_user if escalated else operative_chair  # leads the current forum
    case = CaseFactory(origin_forum=operative_forum, current_forum=current, status=status)
    _, arguments = STEPS[name]
    history_before = Case.history.filter(id=case.pk).count()
    if _allowed(name, status, escalated):
        result = getattr(services, name)(actor=actor, case=case, **arguments)
        assert result.status == RESULT[name]
        event = result.events.get()
        assert (event.from_status, event.to_status, event.actor) == (status, RESULT[name], actor)
        assert result.version == 1
        assert Case.history.filter(id=case.pk).count() == history_before + 1
    else:
        with pytest.raises(InvalidTransition):
            getattr(services, name)(actor=actor, case=case, **arguments)
        case.refresh_from_db()
        assert case.status == status and case.version == 0
        assert not case.events.exists()
        assert Case.history.filter(id=case.pk).count() == history_before


def test_a_whole_life_at_the_origin(case, operative_chair):
    case = services.case_start_preparation(actor=operative_chair, case=case, note="Bereds")
    assert case.prepared_by == operative_chair
    case = services.case_schedule(actor=operative_chair, case=case)
    case = services.case_refer_back(actor=operative_chair, case=case, reason="Ingen konsensus")
    case = services.case_start_preparation(actor=operative_chair, case=case)
    case = services.case_schedule(actor=operative_chair, case=case)
    case = services.case_decide(actor=operative_chair, case=case, outcome="Vi gör så här.")
    case = services.case_close(actor=operative_chair, case=case)
    assert case.status == Status.CLOSED and case.outcome == "Vi gör så här."
    assert list(case.events.values_list("kind", flat=True)) == [
        Kind.RAISED,
        Kind.STATUS_CHANGED,
        Kind.SCHEDULED,
        Kind.REFERRED_BACK,
        Kind.STATUS_CHANGED,
        Kind.SCHEDULED,
        Kind.DECIDED,
        Kind.CLOSED,
    ]
    assert case.version == 7


def test_the_secretariat_may_move_a_case_but_not_escalate_it(case, secretariat_user):
    case = services.case_start_preparation(
        actor=secretariat_user, case=case, prepared_by=secretariat_user
    )
    assert case.status == Status.IN_PREPARATION
    with pytest.raises(PermissionDenied):
        services.case_escalate(actor=secretariat_user, case=case, reason="Principiell")


@pytest.mark.parametrize("who", ["representative_user", "outsider_user", "chair_user"])
def test_those_who_do_not_lead_the_forum_cannot_move_the_case(request, case, who):
    with pytest.raises(PermissionDenied):
        services.case_start_preparation(actor=request.getfixturevalue(who), case=case)
    with pytest.raises(PermissionDenied):
        services.case_remove(actor=request.getfixturevalue(who), case=case, reason="x")


def test_only_a_leader_or_the_secretariat_may_prepare(case, operative_chair, representative_user):
    """R13: the chair, vice chair or secretary prepares the case, with the secretariat."""
    with pytest.raises(ValidationError) as error:
        services.case_start_preparation(
            actor=operative_chair, case=case, prepared_by=representative_user
        )
    assert "prepared_by" in error.value.message_dict
    case.refresh_from_db()
    assert case.status == Status.OPEN


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("case_decide", "outcome"),
        ("case_refer_back", "reason"),
        ("case_remove", "reason"),
        ("case_escalate", "reason"),
    ],
)
def test_a_decision_or_reason_is_required(name, field, operative_forum, operative_chair):
    case = CaseFactory(origin_forum=operative_forum, status=Status.SCHEDULED)
    with pytest.raises(ValidationError) as error:
        getattr(services, name)(actor=operative_chair, case=case, **{field: "   "})
    assert field in error.value.message_dict


def test_feedback_requires_text(operative_forum, tactical_forum, chair_user):
    case = CaseFactory(
        origin_forum=operative_forum, current_forum=tactical_forum, status=Status.DECIDED
    )
    with pytest.raises(ValidationError):
        services.case_give_feedback(actor=chair_user, case=case, feedback="")


# --- Escalation ------------------------------------------------------------------------------


def test_escalation_moves_one_tier_up_and_keeps_the_origin(case, operative_chair, tactical_forum):
    case = services.case_start_preparation(actor=operative_chair, case=case)
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    assert case.current_forum == tactical_forum
    assert case.origin_forum.tier == Forum.Tier.OPERATIVE
    assert case.status == Status.OPEN  # waits for preparation at the new forum
    assert case.prepared_by is None
    event = case.events.get(kind=Kind.ESCALATED)
    assert (event.from_forum.tier, event.to_forum, event.reason) == (
        Forum.Tier.OPERATIVE,
        tactical_forum,
        "Berör fler",
    )
    assert (event.from_status, event.to_status) == (Status.IN_PREPARATION, Status.OPEN)


def test_escalation_goes_operative_tactical_strategic_and_stops(
    case, operative_chair, chair_user, strategic_chair, strategic_forum
):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")
    case = services.case_escalate(actor=chair_user, case=case, reason="Strategisk fråga")
    assert case.current_forum == strategic_forum
    with pytest.raises(InvalidTransition):
        services.case_escalate(actor=strategic_chair, case=case, reason="Högre?")
    assert case.events.filter(kind=Kind.ESCALATED).count() == 2


def test_a_case_raised_at_the_strategic_tier_cannot_escalate(strategic_forum, strategic_chair):
    case = raise_case(strategic_chair, strategic_forum)
    with pytest.raises(InvalidTransition):
        services.case_escalate(actor=strategic_chair, case=case, reason="Uppåt")


def test_escalation_only_to_the_forums_target(case, operative_chair, strategic_forum, structure):
    other_tactical = ForumFactory(
        structure=structure, tier=Forum.Tier.TACTICAL, escalates_to=strategic_forum
    )
    for wrong in (strategic_forum, other_tactical):
        with pytest.raises(ValidationError) as error:
            services.case_escalate(
                actor=operative_chair, case=case, reason="Fel mål", to_forum=wrong
            )
        assert "to_forum" in error.value.message_dict
    case.refresh_from_db()
    assert case.current_forum == case.origin_forum


def test_a_forum_without_target_cannot_escalate(structure, give_mandate):
    lonely = ForumFactory(structure=structure, tier=Forum.Tier.OPERATIVE, escalates_to=None)
    leader = UserFactory()
    give_mandate(leader, lonely, Mandate.Role.CHAIR)
    case = raise_case(leader, lonely)
    with pytest.raises(InvalidTransition):
        services.case_escalate(actor=leader, case=case, reason="Uppåt")


@pytest.mark.parametrize(
    ("role", "may"),
    [
        (Mandate.Role.CHAIR, True),
        (Mandate.Role.VICE_CHAIR, True),
        (Mandate.Role.SECRETARY, True),
        (Mandate.Role.MEMBER, False),
        (Mandate.Role.DEPUTY, False),
        (Mandate.Role.CO_OPTED, False),
        (Mandate.Role.CONTACT_PERSON, False),
    ],
)
def test_only_the_current_forums_leaders_escalate(case, operative_forum, give_mandate, role, may):
    person = UserFactory()
    give_mandate(person, operative_forum, role)
    if may:
        assert services.case_escalate(actor=person, case=case, reason="Uppåt").status == "open"
    else:
        with pytest.raises(PermissionDenied):
            services.case_escalate(actor=person, case=case, reason="Uppåt")


def test_leading_the_origin_does_not_allow_escalating_further(case, operative_chair, chair_user):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    with pytest.raises(PermissionDenied):
        services.case_escalate(actor=operative_chair, case=case, reason="Ännu högre")


def test_a_meeting_decision_authorises_escalation(case, representative_user):
    case = services.case_escalate(
        actor=representative_user, case=case, reason="Beslut på mötet", authorised_by_decision=True
    )
    assert case.events.get(kind=Kind.ESCALATED).by_meeting_decision is True


def test_a_wound_down_target_takes_no_cases(case, operative_chair, tactical_forum):
    tactical_forum.active_from = datetime.date(2020, 1, 1)
    tactical_forum.active_to = timezone.localdate() - datetime.timedelta(days=1)
    tactical_forum.save()
    with pytest.raises(DomainError):
        services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")


# --- Feedback down the path ------------------------------------------------------------------


def _decided_at_the_top(case, operative_chair, chair_user, strategic_chair):
    case = services.case_escalate(actor=operative_chair, case=case, reason="Uppåt")
    case = services.case_escalate(actor=chair_user, case=case, reason="Ännu högre")
    case = services.case_start_preparation(actor=strategic_chair, case=case)
    case = services.case_schedule(actor=strategic_chair, case=case)
    return services.case_decide(actor=strategic_chair, case=case, outcome="Styrgruppen enas.")


def test_feedback_returns_to_the_origin_and_is_acknowledged_there(
    case, operative_chair, chair_user, strategic_chair, operative_forum
):
    case = _decided_at_the_top(case, operative_chair, chair_user, strategic_chair)
    with pytest.raises(InvalidTransition):
        services.case_close(actor=strategic_chair, case=case)  # escalated: feedback first
    case = services.case_give_feedback(actor=strategic_chair, case=case, feedback="Vi enades.")
    assert (case.status, case.current_forum, case.feedback) == (
        Status.FEEDBACK_GIVEN,
        operative_forum,
        "Vi enades.",
    )
    event = case.events.get(kind=Kind.FEEDBACK_GIVEN)
    assert (event.from_forum.tier, event.to_forum) == (Forum.Tier.STRATEGIC, operative_forum)
    with pytest.raises(PermissionDenied):
        services.case_acknowledge_feedback(actor=strategic_chair, case=case)
    case = services.case_acknowledge_feedback(actor=operative_chair, case=case, note="Tack")
    assert case.status == Status.CLOSED
    assert case.events.last().kind == Kind.FEEDBACK_ACKNOWLEDGED


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
