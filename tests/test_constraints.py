"""What must never be stored is refused by the database itself, whatever code writes it."""

import datetime

import pytest
from django.apps import apps
from django.db import DatabaseError, IntegrityError, connection, transaction

from forums.models import Forum, Seat
from mandates.models import Mandate
from meetings.models import Decision, Minutes
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    ForumFactory,
    MandateFactory,
    MeetingFactory,
    MinutesFactory,
    OrganisationFactory,
    PartyFactory,
    SeatFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DOMAIN_APPS = (
    "samverkan",
    "forums",
    "mandates",
    "escalation",
    "meetings",
    "accounts",
    "two_factor",
)


TRIGGER = "forum_escalates_one_tier_up"  # the trigger raises with its name as the prefix


def refused(write, constraint):
    """`write` is refused by the database, by `constraint` (not by any other rule)."""
    with pytest.raises(DatabaseError) as caught, transaction.atomic():
        write()
    diag = caught.value.__cause__.diag
    if constraint == TRIGGER:
        assert diag.message_primary.startswith(f"{TRIGGER}:"), diag.message_primary
    else:
        assert isinstance(caught.value, IntegrityError), caught.value
        assert diag.constraint_name == constraint, diag.message_primary


# R2: escalation goes exactly one tier up within the structure.


def without_the_trigger(write):
    """The write with the escalation trigger switched off (in the transaction only), so the
    check constraint behind it is what refuses; the trigger runs first otherwise."""

    def write_without_trigger():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending deferred FK checks
            cursor.execute("ALTER TABLE forums_forum DISABLE TRIGGER forums_forum_check_escalation")
        write()

    return write_without_trigger


def _save(instance):
    instance.save()


def test_forum_cannot_escalate_to_itself(tactical_forum):
    tactical_forum.escalates_to = tactical_forum
    refused(lambda: _save(tactical_forum), TRIGGER)
    refused(without_the_trigger(lambda: _save(tactical_forum)), "forum_not_escalating_to_itself")


def test_forum_cannot_escalate_to_the_same_or_a_lower_tier(strategic_forum, tactical_forum):
    same = ForumFactory(structure=tactical_forum.structure, tier=Forum.Tier.TACTICAL)
    refused(
        lambda: ForumFactory(structure=same.structure, tier=Forum.Tier.TACTICAL, escalates_to=same),
        TRIGGER,
    )
    operative = ForumFactory(
        structure=same.structure, tier=Forum.Tier.OPERATIVE, escalates_to=tactical_forum
    )
    refused(
        lambda: ForumFactory(
            structure=same.structure, tier=Forum.Tier.TACTICAL, escalates_to=operative
        ),
        TRIGGER,
    )


def test_forum_cannot_skip_a_tier(strategic_forum):
    refused(
        lambda: ForumFactory(
            structure=strategic_forum.structure,
            tier=Forum.Tier.OPERATIVE,
            escalates_to=strategic_forum,
        ),
        TRIGGER,
    )


def test_forum_cannot_escalate_into_another_structure(strategic_forum):
    other = StructureFactory()
    refused(
        lambda: ForumFactory(
            structure=other, tier=Forum.Tier.TACTICAL, escalates_to=strategic_forum
        ),
        TRIGGER,
    )


def test_strategic_forum_cannot_escalate(strategic_forum):
    strategic_forum.escalates_to = ForumFactory(structure=strategic_forum.structure)
    refused(lambda: _save(strategic_forum), TRIGGER)
    refused(without_the_trigger(lambda: _save(strategic_forum)), "forum_strategic_not_escalating")


def test_changing_the_targets_tier_cannot_break_escalation(tactical_forum, operative_forum):
    tactical_forum.tier = Forum.Tier.STRATEGIC
    tactical_forum.escalates_to = None
    refused(lambda: _save(tactical_forum), TRIGGER)


def test_valid_escalation_path_is_stored(operative_forum):
    assert operative_forum.escalates_to.escalates_to.tier == Forum.Tier.STRATEGIC


def test_forum_cannot_appoint_or_steer_itself(tactical_forum):
    tactical_forum.appointed_by = tactical_forum
    refused(lambda: _save(tactical_forum), "forum_not_appointing_itself")
    tactical_forum.refresh_from_db()
    tactical_forum.steered_by = tactical_forum
    refused(lambda: _save(tactical_forum), "forum_not_steering_itself")


def test_forum_cannot_be_wound_down_before_it_started(structure):
    refused(
        lambda: ForumFactory(
            structure=structure,
            active_from=datetime.date(2026, 6, 1),
            active_to=datetime.date(2026, 5, 31),
        ),
        "forum_wound_down_after_start",
    )


# R5: seats belong to one organisation or one party, never negative.


def test_seat_is_for_exactly_one_organisation_or_party(strategic_forum):
    party = PartyFactory(structure=strategic_forum.structure)
    organisation = OrganisationFactory()
    refused(
        lambda: Seat.objects.create(forum=strategic_forum, count=1),
        "seat_for_organisation_or_party",
    )
    refused(
        lambda: Seat.objects.create(
            forum=strategic_forum, organisation=organisation, party=party, count=1
        ),
        "seat_for_organisation_or_party",
    )


def test_seat_count_cannot_be_negative(strategic_forum):
    refused(lambda: SeatFactory(forum=strategic_forum, count=-1), "forums_seat_count_check")


# Mandates.


def test_mandate_cannot_end_before_it_starts(strategic_forum):
    refused(
        lambda: MandateFactory(
            forum=strategic_forum,
            valid_from=datetime.date(2026, 6, 1),
            valid_to=datetime.date(2026, 5, 1),
        ),
        "mandate_ends_after_start",
    )


ROLE_CONSTRAINT = {
    Mandate.Role.CHAIR: "mandate_one_active_chair",
    Mandate.Role.VICE_CHAIR: "mandate_one_active_vice_chair",
}


@pytest.mark.parametrize("role", [Mandate.Role.CHAIR, Mandate.Role.VICE_CHAIR])
def test_forum_cannot_have_two_active_chairs(strategic_forum, role):
    MandateFactory(forum=strategic_forum, role=role, status=Mandate.Status.ACTIVE)
    refused(
        lambda: MandateFactory(forum=strategic_forum, role=role, status=Mandate.Status.ACTIVE),
        ROLE_CONSTRAINT[role],
    )


def test_an_ended_chair_does_not_block_the_next(strategic_forum):
    MandateFactory(forum=strategic_forum, role=Mandate.Role.CHAIR, status=Mandate.Status.ENDED)
    MandateFactory(forum=strategic_forum, role=Mandate.Role.CHAIR, status=Mandate.Status.ACTIVE)


def test_only_a_deputy_stands_in_for_a_member(strategic_forum):
    member = MandateFactory(forum=strategic_forum)
    refused(
        lambda: MandateFactory(forum=strategic_forum, role=Mandate.Role.MEMBER, deputy_for=member),
        "mandate_only_deputy_stands_in",
    )


# Meetings, decisions (R14) and minutes.


def test_meeting_cannot_end_before_it_starts(strategic_forum):
    refused(
        lambda: MeetingFactory(
            forum=strategic_forum,
            starts_at=datetime.datetime(2026, 5, 1, 10, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2026, 5, 1, 9, tzinfo=datetime.UTC),
        ),
        "meeting_ends_after_start",
    )


def test_decided_without_consensus_cannot_be_stored():
    refused(
        lambda: DecisionFactory(outcome=Decision.Outcome.DECIDED, consensus=False),
        "decision_not_decided_without_consensus",
    )


def test_referral_back_without_consensus_is_stored():
    DecisionFactory(outcome=Decision.Outcome.REFERRED_BACK, consensus=False)


def test_meeting_has_one_set_of_minutes_besides_addenda():
    minutes = MinutesFactory()
    refused(lambda: MinutesFactory(meeting=minutes.meeting), "minutes_one_per_meeting")
    MinutesFactory(meeting=minutes.meeting, amends=minutes)


def test_approved_minutes_carry_their_approval_time():
    refused(
        lambda: MinutesFactory(status=Minutes.Status.APPROVED, approved_at=None),
        "minutes_approved_has_time",
    )


def test_a_person_attends_a_meeting_once():
    attendance = AttendanceFactory()
    refused(
        lambda: AttendanceFactory(meeting=attendance.meeting, person=attendance.person),
        "attendance_once",
    )


def test_agenda_items_of_one_meeting_keep_their_order():
    meeting = MeetingFactory()
    second = AgendaItemFactory(meeting=meeting, order=2)
    first = AgendaItemFactory(meeting=meeting, order=1)
    assert list(meeting.agenda_items.all()) == [first, second]


# Append-only logs whose rows are the record themselves: nothing edits them. A signed-in
# session's row mirrors the session store (which keeps no history either): its activity
# time and key are bookkeeping, not the record.
WITHOUT_FIELD_HISTORY = {"samverkan.Delivery", "accounts.UserSession"}


def test_every_domain_model_keeps_field_history():
    missing = [
        model._meta.label
        for app in DOMAIN_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
        and not hasattr(model, "history")
        and model._meta.label not in WITHOUT_FIELD_HISTORY
    ]
    assert missing == []


def test_history_records_who_changed_what(strategic_forum):
    editor = UserFactory()
    strategic_forum.name = "Nytt namn"
    strategic_forum._history_user = editor
    strategic_forum.save()
    latest = strategic_forum.history.first()
    assert latest.history_user == editor
    assert latest.name == "Nytt namn"
