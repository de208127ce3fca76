"""R1: operative forums are set up when needed and can be wound down (seeds 000, 003).

After its wind-down day a forum holds no meeting and takes no new case, and no case is
escalated or moved into it. Winding it down shows what is still open there: each open
case is moved to the forum it escalates to, closed with a reason, or kept until a day (a
case event each time), and its meetings after the day are cancelled with notice to the
members.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from escalation import services as escalation
from escalation.models import Case, CaseEvent
from forums.services import forum_wind_down
from kernel.errors import DomainError, InvalidTransition
from meetings.models import Meeting
from meetings.services import meeting_plan
from samverkan.wind_down import services as wind_down
from tests.escalation.factories import raise_case
from tests.factories import CaseFactory, MeetingFactory
from tests.querycount import assert_same_query_count

from .conftest import TODAY

pytestmark = pytest.mark.django_db

Status = Case.Status
Kind = CaseEvent.Kind
DAY = datetime.timedelta(days=1)
END = TODAY + datetime.timedelta(days=30)  # the wind-down day of the operative forum
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
QUERIES = 10  # the wind-down page with both lists, whatever their length


def at(day, hour=9):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=STOCKHOLM)


def page_url(forum):
    return reverse("forums:forum_wind_down", kwargs={"slug": forum.slug})


def case_url(case):
    return reverse(
        "forum_wind_down:case",
        kwargs={"slug": case.current_forum.slug, "reference": case.reference},
    )


@pytest.fixture
def forum(operative_forum, secretariat_user):
    """The operative forum, wound down on END (a month from today)."""
    return forum_wind_down(actor=secretariat_user, forum=operative_forum, on=END)


@pytest.fixture
def open_case(forum, representative_user):
    return raise_case(representative_user, forum, title="Gemensam rutin för läkemedelslistor")


@pytest.fixture
def secretariat_client(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


# --- After the end: no new case, no case moved in, no meeting -----------------------------------


def test_a_case_cannot_be_raised_at_a_wound_down_forum(
    operative_forum, secretariat_user, representative_user
):
    forum_wind_down(actor=secretariat_user, forum=operative_forum, on=TODAY)
    raise_case(representative_user, operative_forum)  # on the wind-down day itself: still open
    before = Case.objects.count()
    with time_machine.travel(at(TODAY + DAY), tick=False):
        with pytest.raises(DomainError, match="avvecklat"):
            raise_case(representative_user, operative_forum)
    assert Case.objects.count() == before


def test_no_case_is_moved_or_escalated_into_a_wound_down_forum(
    operative_forum, tactical_forum, secretariat_user, representative_user
):
    case = raise_case(representative_user, operative_forum)
    forum_wind_down(actor=secretariat_user, forum=operative_forum, on=TODAY)
    forum_wind_down(actor=secretariat_user, forum=tactical_forum, on=TODAY)
    with time_machine.travel(at(TODAY + DAY), tick=False):
        with pytest.raises(DomainError, match=tactical_forum.name):
            escalation.case_move_on_wind_down(actor=secretariat_user, case=case, reason="Avvecklas")
    case.refresh_from_db()
    assert (case.current_forum, case.status) == (operative_forum, Status.OPEN)
    assert not case.events.filter(kind=Kind.ESCALATED).exists()


def test_no_meeting_is_planned_after_the_wind_down_day(forum, secretariat_user):
    meeting_plan(actor=secretariat_user, forum=forum, starts_at=at(END), ends_at=at(END, 11))
    with pytest.raises(ValidationError, match="avvecklas"):
        meeting_plan(
            actor=secretariat_user, forum=forum, starts_at=at(END + DAY), ends_at=at(END + DAY, 11)
        )
    assert Meeting.objects.filter(forum=forum).count() == 1


# --- The wind-down page lists what is still open ------------------------------------------------


def test_winding_down_lists_the_open_cases_and_the_meetings_after_the_end(
    forum, open_case, secretariat_client, representative_user
):
    closed = CaseFactory(
        origin_forum=forum, status=Status.CLOSED, title="Redan stängt", reference="IMP-2026-0001"
    )
    elsewhere = raise_case(representative_user, forum, title="Flyttat tidigare")
    elsewhere.current_forum = forum.escalates_to
    elsewhere.save()
    later = MeetingFactory(forum=forum, starts_at=at(END + 7 * DAY), title="Planerat efter")
    convened = MeetingFactory(
        forum=forum, starts_at=at(END + 14 * DAY), title="Kallat efter", status="convened"
    )
    last = MeetingFactory(forum=forum, starts_at=at(END), title="Sista mötet")
    gone = MeetingFactory(
        forum=forum, starts_at=at(END + 21 * DAY), title="Redan inställt", status="cancelled"
    )

    page = secretariat_client.get(page_url(forum)).content.decode()

    assert open_case.get_absolute_url() in page and open_case.title in page
    assert case_url(open_case) in page
    assert closed.title not in page and elsewhere.title not in page
    for meeting in (later, convened):
        assert meeting.get_absolute_url() in page and meeting.title in page
        assert reverse("forum_wind_down:meeting", args=[forum.slug, meeting.pk]) in page
    assert last.title not in page and gone.title not in page


def test_before_a_wind_down_day_is_set_the_page_lists_nothing_to_decide(
    operative_forum, representative_user, secretariat_user, secretariat_client
):
    case = raise_case(representative_user, operative_forum)
    page = secretariat_client.get(page_url(operative_forum)).content.decode()
    assert case.reference not in page
    with pytest.raises(DomainError):
        escalation.case_close_on_wind_down(actor=secretariat_user, case=case, reason="Avvecklas")


# --- Each open case: moved, closed or kept, and the case history says so -------------------------


def test_moving_a_case_records_an_escalation_to_the_forum_one_tier_up(
    forum, open_case, secretariat_user
):
    moved = escalation.case_move_on_wind_down(
        actor=secretariat_user, case=open_case, reason="Arbetsgruppen avvecklas."
    )
    assert (moved.current_forum, moved.status) == (forum.escalates_to, Status.OPEN)
    event = moved.events.latest("at", "id")
    assert (event.kind, event.actor, event.from_forum, event.to_forum, event.reason) == (
        Kind.ESCALATED,
        secretariat_user,
        forum,
        forum.escalates_to,
        "Arbetsgruppen avvecklas.",
    )


def test_closing_records_the_reason_removed_if_undecided_closed_if_decided(
    forum, open_case, secretariat_user, representative_user
):
    removed = escalation.case_close_on_wind_down(
        actor=secretariat_user, case=open_case, reason="Uppdraget är slutfört."
    )
    assert removed.status == Status.REMOVED
    event = removed.events.latest("at", "id")
    assert (event.kind, event.reason, event.from_status) == (
        Kind.REMOVED,
        "Uppdraget är slutfört.",
        Status.OPEN,
    )
    decided = CaseFactory(
        origin_forum=forum,
        status=Status.DECIDED,
        raised_by=representative_user,
        reference="IMP-2026-0002",
    )
    closed = escalation.case_close_on_wind_down(
        actor=secretariat_user, case=decided, reason="Beslutat, forumet avvecklas."
    )
    assert closed.status == Status.CLOSED
    assert closed.events.get().kind == Kind.CLOSED


def test_keeping_a_case_records_the_day_and_a_later_move_clears_it(
    forum, open_case, secretariat_user
):
    kept = escalation.case_keep_until(
        actor=secretariat_user, case=open_case, until=END, reason="Avslutas på sista mötet."
    )
    assert (kept.kept_until, kept.status, kept.current_forum) == (END, Status.OPEN, forum)
    event = kept.events.latest("at", "id")
    assert event.kind == Kind.KEPT and event.actor == secretariat_user
    assert "Avslutas på sista mötet." in event.reason and forum.name in event.reason
    moved = escalation.case_move_on_wind_down(
        actor=secretariat_user, case=kept, reason="Hann inte bli klart."
    )
    assert moved.kept_until is None


def test_the_wind_down_choices_are_refused_where_they_do_not_apply(
    forum, open_case, secretariat_user, representative_user
):
    with pytest.raises(PermissionDenied):
        escalation.case_close_on_wind_down(actor=representative_user, case=open_case, reason="x")
    with pytest.raises(ValidationError) as error:
        escalation.case_keep_until(actor=secretariat_user, case=open_case, until=TODAY - DAY)
    assert "until" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        escalation.case_move_on_wind_down(actor=secretariat_user, case=open_case, reason=" ")
    assert "reason" in error.value.message_dict
    referred = CaseFactory(
        origin_forum=forum,
        status=Status.REFERRED_BACK,
        raised_by=representative_user,
        reference="IMP-2026-0003",
    )
    with pytest.raises(InvalidTransition):
        escalation.case_move_on_wind_down(actor=secretariat_user, case=referred, reason="x")
    assert open_case.events.count() == 1  # only "raised"
    assert referred.events.count() == 0


def test_the_page_moves_closes_and_keeps_with_a_confirmation(
    forum, open_case, secretariat_client, representative_user
):
    second = raise_case(representative_user, forum, title="Andra ärendet")
    third = raise_case(representative_user, forum, title="Tredje ärendet")
    choices = [
        (open_case, {"action": "move", "reason": "Avvecklas."}, "flyttades till"),
        (second, {"action": "close", "reason": "Inaktuellt."}, "avfördes"),
        (third, {"action": "keep", "until": END.isoformat(), "reason": ""}, "ligger kvar"),
    ]
    for case, data, confirmation in choices:
        form = secretariat_client.get(case_url(case)).content.decode()
        assert case.get_absolute_url() in form
        response = secretariat_client.post(
            case_url(case), {**data, "version": case.version}, follow=True
        )
        assert response.redirect_chain[-1][0].startswith(page_url(forum))
        assert confirmation in response.content.decode()
    kinds = [case.events.latest("at", "id").kind for case in (open_case, second, third)]
    assert kinds == [Kind.ESCALATED, Kind.REMOVED, Kind.KEPT]


def test_a_case_form_without_a_reason_or_day_shows_what_to_do(forum, open_case, secretariat_client):
    response = secretariat_client.post(
        case_url(open_case), {"action": "keep", "until": "", "version": open_case.version}
    )
    assert response.status_code == 200
    assert "Ange till och med vilken dag ärendet ligger kvar" in response.content.decode()
    response = secretariat_client.post(
        case_url(open_case), {"action": "close", "reason": "", "version": 99999999999}
    )
    assert response.status_code == 200
    assert open_case.events.count() == 1


# --- Meetings after the end: cancelled, with notice to the members ------------------------------


def test_meetings_after_the_end_are_cancelled_with_notice_to_the_members(
    forum,
    secretariat_client,
    representative_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    planned = MeetingFactory(forum=forum, starts_at=at(END + 7 * DAY))
    convened = MeetingFactory(forum=forum, starts_at=at(END + 14 * DAY), status="convened")
    last = MeetingFactory(forum=forum, starts_at=at(END), status="convened")
    url = reverse("forum_wind_down:meetings", kwargs={"slug": forum.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(url, {"reason": "Gruppen avvecklas."}, follow=True)
    assert "2 möten ställdes in" in response.content.decode()
    for meeting in (planned, convened):
        meeting.refresh_from_db()
        assert (meeting.status, meeting.cancelled_reason) == ("cancelled", "Gruppen avvecklas.")
    last.refresh_from_db()
    assert last.status == "convened"
    to_member = [m for m in mailoutbox if m.to == [representative_user.email]]
    assert len(to_member) == 2
    assert all("Gruppen avvecklas." in m.body for m in to_member)


def test_one_meeting_is_cancelled_from_its_row(
    forum, secretariat_user, mailoutbox, django_capture_on_commit_callbacks, representative_user
):
    meeting = MeetingFactory(forum=forum, starts_at=at(END + 7 * DAY), status="convened")
    with django_capture_on_commit_callbacks(execute=True):
        wind_down.meeting_cancel_on_wind_down(
            actor=secretariat_user, meeting=meeting, reason="Avvecklas."
        )
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert [m.to for m in mailoutbox] == [[representative_user.email]]
    last = MeetingFactory(forum=forum, starts_at=at(END), status="convened")
    with pytest.raises(DomainError):
        wind_down.meeting_cancel_on_wind_down(actor=secretariat_user, meeting=last, reason="x")
    with pytest.raises(PermissionDenied):
        wind_down.meeting_cancel_on_wind_down(
            actor=representative_user,
            meeting=MeetingFactory(forum=forum, starts_at=at(END + 9 * DAY)),
            reason="x",
        )


def test_the_wind_down_page_makes_the_same_queries_for_more_cases_and_meetings(
    forum, secretariat_client, representative_user
):
    made = []

    def grow(count):
        for _ in range(count):
            n = len(made)
            CaseFactory(
                origin_forum=forum, raised_by=representative_user, reference=f"IMP-2026-{n:04d}"
            )
            MeetingFactory(forum=forum, starts_at=at(END + (n + 1) * DAY))
            made.append(n)

    assert_same_query_count(
        secretariat_client,
        page_url(forum),
        grow,
        queries=QUERIES,
        marker='btn-sm" href="/forum/',
        per_row=2,
        small=3,
        large=20,
    )


def test_a_forum_without_a_wind_down_day_has_nothing_to_cancel(operative_forum, secretariat_client):
    url = reverse("forum_wind_down:meetings", kwargs={"slug": operative_forum.slug})
    response = secretariat_client.post(url, {"reason": "Avvecklas."})
    assert response.status_code == 200
    assert "inga planerade möten efter avvecklingsdagen" in response.content.decode()
