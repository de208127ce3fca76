"""The case services: raising, and every transition and refusal."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from escalation import services
from escalation.models import Case, CaseEvent, CaseReferenceCounter, Follow
from kernel.errors import DomainError, InvalidTransition
from tests.escalation.factories import pdf_upload, raise_case
from tests.factories import CaseFactory

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
