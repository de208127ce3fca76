"""Attendance counts seats: a member and the deputy standing in for them are never both
present, a deputy stands in only for the member their mandate names (or, naming none, for a
member of their own organisation), only seat holders count toward the quorum, and the form
is saved in one service call and one transaction."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from kernel.errors import DomainError
from mandates.models import Mandate
from meetings import selectors, services
from meetings.forms import AttendanceForm
from meetings.models import Attendance
from tests.factories import AgendaItemFactory, AttendanceFactory, MeetingFactory, UserFactory
from tests.meetings.service_helpers import _held
from tests.test_constraints import refused

pytestmark = pytest.mark.django_db

Role = Mandate.Role
PRESENT, ABSENT, DEPUTY = Attendance.Status


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """Dates are relative to the frozen day (tests/clock.py)."""


@pytest.fixture
def held(vg, meeting):
    _held(vg, meeting)
    return meeting


def _mandate(person, forum):
    return Mandate.objects.get(person=person, forum=forum)


def _record(vg, meeting, *entries):
    return services.attendance_record_all(actor=vg.secretary, meeting=meeting, entries=entries)


def _rows(meeting):
    return set(
        Attendance.objects.filter(meeting=meeting).values_list(
            "person__username", "status", "stands_in_for__username"
        )
    )


# --- One seat, one person ---------------------------------------------------------------------


def test_a_member_and_their_deputy_cannot_both_be_present(vg, held):
    with pytest.raises(ValidationError, match="en plats är en person"):
        _record(
            vg,
            held,
            (vg.chair, PRESENT, None),
            (vg.municipal_member, PRESENT, None),
            (vg.deputy, DEPUTY, vg.municipal_member),
        )
    assert not Attendance.objects.exists()  # not even the chair
    _record(vg, held, (vg.municipal_member, ABSENT, None), (vg.deputy, DEPUTY, vg.municipal_member))
    assert _rows(held) == {("kmember", "absent", None), ("kdeputy", "deputy", "kmember")}


def test_the_rule_holds_across_calls(vg, held):
    """Checked against the rows already saved, in both orders."""
    _record(vg, held, (vg.municipal_member, PRESENT, None))
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=vg.secretary,
            meeting=held,
            person=vg.deputy,
            status=DEPUTY,
            stands_in_for=vg.municipal_member,
        )
    _record(vg, held, (vg.municipal_member, ABSENT, None), (vg.deputy, DEPUTY, vg.municipal_member))
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=vg.secretary, meeting=held, person=vg.municipal_member, status=PRESENT
        )
    assert ("kmember", "absent", None) in _rows(held)


def test_two_deputies_cannot_stand_in_for_one_member(vg, held, give_mandate):
    second = UserFactory(username="kdeputy2", organisation=vg.deputy.organisation)
    give_mandate(second, vg.group, Role.DEPUTY)
    with pytest.raises(ValidationError, match="kan inte båda ersätta"):
        _record(
            vg,
            held,
            (vg.deputy, DEPUTY, vg.municipal_member),
            (second, DEPUTY, vg.municipal_member),
        )
    assert not Attendance.objects.exists()


def test_one_deputy_per_member_in_the_database(vg, held):
    first = AttendanceFactory(
        meeting=held, person=vg.deputy, status=DEPUTY, stands_in_for=vg.municipal_member
    )
    refused(
        lambda: AttendanceFactory(
            meeting=first.meeting,
            person=vg.vgr_member,
            status=DEPUTY,
            stands_in_for=vg.municipal_member,
        ),
        "attendance_one_deputy_per_member",
    )
    refused(
        lambda: AttendanceFactory(
            meeting=held, person=vg.vice, status=DEPUTY, stands_in_for=vg.vice
        ),
        "attendance_not_standing_in_for_oneself",
    )


def test_a_seat_changes_hands_between_deputies_in_one_save(vg, held, give_mandate):
    second = UserFactory(username="kdeputy2", organisation=vg.deputy.organisation)
    give_mandate(second, vg.group, Role.DEPUTY)
    _record(vg, held, (vg.deputy, DEPUTY, vg.municipal_member))
    # The new holder comes first in the list: the old one gives the seat up before.
    _record(vg, held, (second, DEPUTY, vg.municipal_member), (vg.deputy, PRESENT, None))
    assert _rows(held) == {("kdeputy", "present", None), ("kdeputy2", "deputy", "kmember")}


def test_a_person_listed_twice_is_refused(vg, held):
    with pytest.raises(ValidationError, match="två gånger"):
        _record(vg, held, (vg.chair, PRESENT, None), (vg.chair, ABSENT, None))
    assert not Attendance.objects.exists()


# --- Whom a deputy stands in for --------------------------------------------------------------


def test_a_deputy_stands_in_only_for_the_member_named_on_the_mandate(vg, held, give_mandate):
    other = UserFactory(username="kmember2", organisation=vg.municipal_member.organisation)
    give_mandate(other, vg.group, Role.MEMBER)
    deputy = _mandate(vg.deputy, vg.group)
    deputy.deputy_for = _mandate(vg.municipal_member, vg.group)
    deputy.save()
    with pytest.raises(ValidationError, match="endast för"):
        _record(vg, held, (vg.deputy, DEPUTY, other))
    _record(vg, held, (vg.deputy, DEPUTY, vg.municipal_member))
    form = AttendanceForm(meeting=held)
    assert list(form.fields[f"for_{vg.deputy.pk}"].queryset) == [vg.municipal_member]


def test_a_deputy_naming_no_member_stands_in_for_their_own_organisation(vg, held):
    """Documented choice: a deputy mandate without `deputy_for` is its organisation's
    deputy (R5 counts seats per organisation); one without an organisation stands in for
    no one until the mandate names the member."""
    with pytest.raises(ValidationError, match="Fyrbodal"):
        _record(vg, held, (vg.deputy, DEPUTY, vg.vgr_member))  # VGR's seat, not Fyrbodal's
    choices = list(AttendanceForm(meeting=held).fields[f"for_{vg.deputy.pk}"].queryset)
    assert choices == [vg.municipal_member]
    deputy = _mandate(vg.deputy, vg.group)
    deputy.organisation = None
    deputy.save()
    with pytest.raises(ValidationError, match="anger ingen ledamot"):
        _record(vg, held, (vg.deputy, DEPUTY, vg.municipal_member))
    assert not Attendance.objects.exists()


def test_only_a_seat_holder_is_stood_in_for(vg, held, give_mandate):
    give_mandate(vg.secretary, vg.group, Role.SECRETARY)
    with pytest.raises(ValidationError, match="ingen plats"):
        _record(vg, held, (vg.deputy, DEPUTY, vg.secretary))


# --- The quorum counts seats ------------------------------------------------------------------


def test_only_seat_holders_count_toward_the_quorum(client, vg, held, give_mandate):
    give_mandate(vg.secretary, vg.group, Role.SECRETARY)
    _record(
        vg,
        held,
        (vg.secretary, PRESENT, None),
        (vg.chair, PRESENT, None),
        (vg.vice, PRESENT, None),
        (vg.municipal_member, ABSENT, None),
    )
    summary = selectors.attendance_summary(held)
    assert summary.seats_taken == 2 and summary.quorum == 3 and not summary.quorate
    assert [a.person for a in summary.others] == [vg.secretary]
    _record(vg, held, (vg.deputy, DEPUTY, vg.municipal_member))
    summary = selectors.attendance_summary(held)
    assert summary.seats_taken == 3 and summary.quorate
    client.force_login(vg.secretary)
    page = client.get(held.get_absolute_url()).content.decode()
    seats = page[page.index('id="attendance-seats"') : page.index('id="attendance-others"')]
    others = page[page.index('id="attendance-others"') :]
    assert str(vg.secretary) not in seats and str(vg.secretary) in others.split("</ul>")[0]
    assert "3 platser" in page and "Beslutfört." in page


def test_a_seat_is_counted_once_even_in_rows_written_around_the_services(vg):
    """Rows from before the rules (or the demo data): member present and a deputy standing
    in for them are one seat; a deputy present without standing in and a guest without a
    mandate are none."""
    meeting = MeetingFactory(forum=vg.group)
    member = _mandate(vg.municipal_member, vg.group)
    deputy = _mandate(vg.deputy, vg.group)
    AttendanceFactory(meeting=meeting, person=vg.municipal_member, mandate=member)
    AttendanceFactory(
        meeting=meeting,
        person=vg.deputy,
        mandate=deputy,
        status=DEPUTY,
        stands_in_for=vg.municipal_member,
    )
    AttendanceFactory(meeting=meeting, person=UserFactory(), mandate=None)  # a guest
    summary = selectors.attendance_summary(meeting)
    assert summary.seats_taken == 1 and len(summary.others) == 1


def test_co_opted_are_listed_apart_and_not_counted(client, vg, held):
    guest = UserFactory(first_name="Ada", last_name="Adjungerad")
    item = AgendaItemFactory(meeting=held, title="Hjälpmedel")
    item.co_opted.add(guest)
    _record(vg, held, (vg.chair, PRESENT, None))
    summary = selectors.attendance_summary(held)
    assert summary.seats_taken == 1 and summary.co_opted == [(guest, [item])]
    client.force_login(vg.secretary)
    page = client.get(held.get_absolute_url()).content.decode()
    assert "Ada Adjungerad" in page[page.index('id="attendance-others"') :]


# --- One call, one transaction ----------------------------------------------------------------


def _post(client, vg, meeting, data):
    client.force_login(vg.secretary)
    return client.post(reverse("meetings:attendance_edit", args=[meeting.pk]), data)


def test_the_attendance_page_saves_all_or_nothing(client, vg, held):
    response = _post(
        client,
        vg,
        held,
        {
            f"status_{vg.chair.pk}": PRESENT,
            f"status_{vg.municipal_member.pk}": PRESENT,
            f"status_{vg.deputy.pk}": DEPUTY,
            f"for_{vg.deputy.pk}": vg.municipal_member.pk,
        },
    )
    assert response.status_code == 200
    assert "en plats är en person" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="checked on PostgreSQL")
def test_a_failure_while_saving_leaves_nothing_committed(client, vg, meeting, monkeypatch):
    """A refusal in the middle of the saves (after the first row is written) rolls back
    the rows already written: the form is one transaction, seen from another connection."""
    _held(vg, meeting)
    from meetings.services import attendance as module

    real, calls = module.save_with_history, []

    def failing_second(instance, **kwargs):
        calls.append(instance)
        if len(calls) == 2:
            raise DomainError("Avbrutet mitt i")
        return real(instance, **kwargs)

    monkeypatch.setattr(module, "save_with_history", failing_second)
    response = _post(
        client,
        vg,
        meeting,
        {f"status_{vg.chair.pk}": PRESENT, f"status_{vg.vice.pk}": PRESENT},
    )
    assert response.status_code == 200 and "Avbrutet mitt i" in response.content.decode()
    assert len(calls) == 2
    assert not Attendance.objects.exists()
    assert not Attendance.history.exists()


def test_attendance_refused_for_a_planned_meeting(vg, meeting):
    with pytest.raises(DomainError):
        _record(vg, meeting, (vg.chair, PRESENT, None))


def test_the_minutes_draft_lists_the_secretary_apart_from_the_seats(vg, held, give_mandate):
    give_mandate(vg.secretary, vg.group, Role.SECRETARY)
    _record(
        vg,
        held,
        (vg.secretary, PRESENT, None),
        (vg.chair, PRESENT, None),
        (vg.municipal_member, ABSENT, None),
        (vg.deputy, DEPUTY, vg.municipal_member),
    )
    body = services.minutes_draft(actor=vg.secretary, meeting=held).body
    seats, apart = body.split("Även närvarande (räknas inte för beslutförheten)")
    assert str(vg.chair) in seats and str(vg.deputy) in seats
    assert str(vg.secretary) not in seats and str(vg.secretary) in apart.split("Dagordning")[0]
