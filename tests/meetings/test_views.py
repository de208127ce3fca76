"""Meeting pages: the flows through forms, htmx reorder with its no-JS fallback, locked
minutes in every view, the frequency warning and query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from escalation.models import Case
from meetings import services
from meetings.models import AgendaItem, Decision, Meeting, Minutes
from meetings.selectors import meetings_per_year
from tests.factories import AttendanceFactory, MeetingFactory, MinutesFactory
from tests.meetings.factories import agenda_items, case_in_preparation, started
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db


def test_plan_a_meeting_through_the_form(client, vg):
    client.force_login(vg.secretary)
    response = client.post(
        reverse("meetings:meeting_create", args=[vg.group.slug]),
        {
            "kind": "ordinary",
            "title": "Möte 1",
            "starts_at": "2030-03-04T09:00",
            "ends_at": "2030-03-04T11:00",
            "location": "Vänersborg",
            "online_link": "",
        },
    )
    meeting = Meeting.objects.get(title="Möte 1")
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert timezone.localtime(meeting.starts_at).hour == 9


def test_extra_meeting_by_secretariat_shows_the_error(client, vg):
    client.force_login(vg.secretary)
    response = client.post(
        reverse("meetings:meeting_create", args=[vg.group.slug]),
        {"kind": "extra", "starts_at": "2030-03-04T09:00", "ends_at": "2030-03-04T11:00"},
    )
    assert response.status_code == 200
    assert "Endast ordföranden i" in response.content.decode()
    assert not Meeting.objects.exists()


def test_reorder_with_htmx_returns_the_partial(client, vg, meeting):
    items = agenda_items(meeting, 3)
    client.force_login(vg.secretary)
    url = reverse("meetings:agenda_item_move", args=[items[2].pk, "up"])
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="agenda-list"' in html and "<html" not in html
    assert html.index(items[2].title) < html.index(items[1].title)
    order = list(meeting.agenda_items.order_by("order").values_list("pk", flat=True))
    assert order == [items[0].pk, items[2].pk, items[1].pk]  # and it is stored


def test_reorder_refused_with_htmx_says_why_inside_the_agenda(client, vg, meeting):
    items = agenda_items(meeting, 2)
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    client.force_login(vg.secretary)
    url = reverse("meetings:agenda_item_move", args=[items[1].pk, "up"])
    response = client.post(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'class="alert alert-danger"' in html
    order = list(meeting.agenda_items.order_by("order").values_list("pk", flat=True))
    assert order == [items[0].pk, items[1].pk]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "alert-danger" not in page  # the refusal is not shown a second time


def test_reorder_without_javascript_redirects(client, vg, meeting):
    items = agenda_items(meeting, 2)
    client.force_login(vg.secretary)
    response = client.post(reverse("meetings:agenda_item_move", args=[items[0].pk, "down"]))
    assert response.status_code == 302
    assert response.url.endswith("#agenda")
    assert list(meeting.agenda_items.values_list("pk", flat=True).order_by("order")) == [
        items[1].pk,
        items[0].pk,
    ]


def test_decision_without_consensus_refused_in_the_form(client, vg, meeting):
    case = case_in_preparation(vg.group)
    item = services.agenda_item_add(actor=vg.secretary, meeting=meeting, title="", case=case)
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    client.force_login(vg.secretary)
    url = reverse("meetings:decision_record", args=[item.pk])
    response = client.post(url, {"outcome": "decided", "text": "Ja"})
    assert response.status_code == 200
    assert "Utan enighet kan ärendet inte beslutas" in response.content.decode()
    assert not Decision.objects.exists()
    response = client.post(url, {"outcome": "referred_back", "text": "Ingen enighet"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.REFERRED_BACK


def _approved_minutes(vg, meeting):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    services.minutes_approve(actor=vg.vgr_member, minutes=minutes)
    minutes.refresh_from_db()
    return minutes


def test_locked_minutes_cannot_be_edited_through_the_page(client, vg, meeting):
    minutes = _approved_minutes(vg, meeting)
    client.force_login(vg.secretary)
    url = reverse("meetings:minutes_edit", args=[minutes.pk])
    response = client.post(url, {"body": "Ändrat i efterhand"})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.body != "Ändrat i efterhand"
    page = client.get(minutes.get_absolute_url()).content.decode()
    assert 'id="minutes-edit"' not in page and 'id="minutes-addendum"' in page


def test_admin_refuses_changing_approved_minutes(admin_client, vg, meeting):
    minutes = _approved_minutes(vg, meeting)
    url = reverse("admin:meetings_minutes_change", args=[minutes.pk])
    assert admin_client.post(url, {"body": "x", "status": "draft"}).status_code == 403
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED and minutes.body != "x"


def test_minutes_page_shows_who_must_still_approve(client, vg, meeting):
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    started(meeting)
    services.meeting_mark_held(actor=vg.secretary, meeting=meeting)
    minutes = services.minutes_draft(actor=vg.secretary, meeting=meeting)
    services.minutes_submit(actor=vg.secretary, minutes=minutes)
    services.minutes_approve(actor=vg.chair, minutes=minutes)
    client.force_login(vg.municipal_member)
    page = client.get(minutes.get_absolute_url()).content.decode()
    assert 'id="approval-missing"' in page
    assert 'id="minutes-approve"' not in page and 'id="approval-refusal"' in page
    client.force_login(vg.vgr_member)
    page = client.get(minutes.get_absolute_url()).content.decode()
    assert 'id="minutes-approve"' in page


def test_frequency_warning_when_the_year_cannot_reach_the_minimum(vg):
    today = datetime.date(2030, 12, 17)
    MeetingFactory(forum=vg.group, starts_at=timezone.make_aware(datetime.datetime(2030, 3, 1, 9)),
                   ends_at=timezone.make_aware(datetime.datetime(2030, 3, 1, 11)))  # fmt: skip
    row = next(r for r in meetings_per_year(vg.group, today=today) if r.year == 2030)
    assert row.count == 1 and row.needed == 3 and row.weeks_left == 2 and row.cannot_reach
    early = next(
        r for r in meetings_per_year(vg.group, today=datetime.date(2030, 2, 1)) if r.year == 2030
    )
    assert not early.cannot_reach


def test_forum_meetings_page_shows_the_warning(client, vg, meeting):
    client.force_login(vg.vgr_member)
    html = client.get(reverse("meetings:forum_meetings", args=[vg.group.slug])).content.decode()
    assert str(meeting) in html and "frequency-heading" in html


def test_meeting_page_query_count_constant(client, vg, meeting):
    client.force_login(vg.secretary)
    for person in (vg.chair, vg.vgr_member):
        AttendanceFactory(meeting=meeting, person=person)

    def grow(n):
        agenda_items(meeting, n, kind=AgendaItem.Kind.DECISION)

    assert_same_query_count(
        client, meeting.get_absolute_url(), grow, queries=12, marker="Agenda item ", per_row=4
    )


def test_minutes_page_query_count_constant(client, vg, meeting):
    minutes = _approved_minutes(vg, meeting)
    client.force_login(vg.secretary)
    assert_same_query_count(
        client,
        minutes.get_absolute_url(),
        lambda n: [MinutesFactory(meeting=meeting, amends=minutes) for _ in range(n)],
        queries=10,
        marker=f'<li><a href="{minutes.get_absolute_url().removesuffix(f"{minutes.pk}/")}',
        per_row=1,
    )


def test_calendar_feed_page_and_feed(client, vg, meeting):
    client.force_login(vg.vgr_member)
    assert client.get(reverse("meetings:calendar_feeds")).status_code == 200
    client.post(reverse("meetings:calendar_feeds"), {"forum": vg.group.slug})
    token = vg.vgr_member.calendar_tokens.get()
    client.logout()
    feed = client.get(reverse("meetings:calendar_feed", args=[token.token]))
    assert feed.status_code == 200 and b"meeting-%d@samverkan" % meeting.pk in feed.content
    services.calendar_token_rotate(actor=vg.vgr_member, forum=vg.group)
    assert client.get(reverse("meetings:calendar_feed", args=[token.token])).status_code == 404


def test_dashboard_links_action_items(client, vg, meeting):
    services.action_item_create(
        actor=vg.secretary,
        meeting=meeting,
        title="Ta fram underlag",
        assignee=vg.vgr_member,
        due_date=timezone.localdate(),
    )
    client.force_login(vg.vgr_member)
    html = client.get(reverse("dashboard")).content.decode()
    assert f"{meeting.get_absolute_url()}#actions" in html
    assert client.get(reverse("meetings:my_meetings")).status_code == 200
