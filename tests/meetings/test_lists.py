"""The meeting lists (a forum's meetings, the user's coming meetings): FilterSet + Table,
sortable columns, count-free paging, a constant number of queries; and the visibility API
behind them (a hidden meeting is a 404 through `restrict`, one seen but not run a 403)."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kernel.lists import PAGE_SIZE
from kernel.visibility import get_for_action, get_visible_or_404
from meetings import selectors
from meetings.models import Meeting, Minutes
from tests.factories import ForumFactory, MeetingFactory, MinutesFactory
from tests.meetings.factories import agenda_items
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

# /moten/: session, user, the forums of the filter, the meetings page, the forums per forum
MY_MEETINGS_QUERIES = 5
ROW = re.compile(r'<a href="/moten/(\d+)/">([^<]*)</a>')


def _at(year, month, day, hour=9):
    start = timezone.make_aware(datetime.datetime(year, month, day, hour))
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)}


def _rows(response):
    """(meeting pk, text) of each meeting link in the list, in order."""
    html = response.content.decode()
    table = html[html.index('id="meetings-heading"') :] if "meetings-heading" in html else html
    return [(int(pk), text) for pk, text in ROW.findall(table)]


def _make(forum, n, *, start=0):
    """n meetings of the forum, every other one without a title, one day apart."""
    base = timezone.make_aware(datetime.datetime(2029, 1, 1, 9))
    made = []
    for i in range(start, start + n):
        begins = base + datetime.timedelta(days=i)
        made.append(
            MeetingFactory(
                forum=forum,
                title="" if i % 2 else f"Möte {i:03d}",
                starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=2),
            )
        )
        agenda_items(made[-1], i % 3)
    return made


def test_forum_meetings_queries_stay_the_same_from_5_to_50_and_every_row_renders(client, vg):
    client.force_login(vg.vgr_member)
    url = reverse("meetings:forum_meetings", args=[vg.group.slug])
    client.get(url)  # warm the per-process caches (content types) before counting
    few_made = _make(vg.group, 5)
    few, response = count_queries(client.get, url)
    rows = _rows(response)
    assert [pk for pk, _ in rows] == [m.pk for m in reversed(few_made)]  # newest first
    untitled = [text for pk, text in rows if not Meeting.objects.get(pk=pk).title]
    assert len(untitled) == 2 and all(text.startswith(vg.group.name) for text in untitled)

    many_made = few_made + _make(vg.group, 45, start=5)
    many, response = count_queries(client.get, url)
    newest = [m.pk for m in sorted(many_made, key=lambda m: m.starts_at, reverse=True)]
    assert [pk for pk, _ in _rows(response)] == newest[:PAGE_SIZE]
    assert 'rel="next"' in response.content.decode()
    assert few == many, f"{few} queries with 5 meetings, {many} with 50"

    with CaptureQueriesContext(connection) as context:
        response = client.get(url, {"page": 2})
    assert [pk for pk, _ in _rows(response)] == newest[PAGE_SIZE : 2 * PAGE_SIZE]
    assert len(context.captured_queries) == few
    meeting_queries = [q["sql"] for q in context.captured_queries if "meetings_meeting" in q["sql"]]
    assert meeting_queries and not any("COUNT(*)" in sql for sql in meeting_queries)


def test_forum_meetings_sort_by_column(client, vg):
    client.force_login(vg.vgr_member)
    url = reverse("meetings:forum_meetings", args=[vg.group.slug])
    old = MeetingFactory(forum=vg.group, title="Bbb", **_at(2028, 5, 1))
    new = MeetingFactory(forum=vg.group, title="Aaa", **_at(2029, 5, 1))
    busy = MeetingFactory(forum=vg.group, title="Ccc", **_at(2027, 5, 1))
    agenda_items(busy, 3)
    agenda_items(old, 1)

    def order(sort):
        return [pk for pk, _ in _rows(client.get(url, {"sort": sort}))]

    assert order("") == [new.pk, old.pk, busy.pk]
    assert order("starts_at") == [busy.pk, old.pk, new.pk]
    assert order("meeting") == [new.pk, old.pk, busy.pk]
    assert order("-item_count") == [busy.pk, old.pk, new.pk]
    html = client.get(url).content.decode()
    assert "?sort=starts_at" in html and "?sort=meeting" in html  # the headers are links


def test_forum_meetings_filter_by_status_kind_and_year(client, vg):
    client.force_login(vg.vgr_member)
    url = reverse("meetings:forum_meetings", args=[vg.group.slug])
    planned = MeetingFactory(forum=vg.group, **_at(2029, 3, 1))
    cancelled = MeetingFactory(forum=vg.group, status=Meeting.Status.CANCELLED, **_at(2029, 4, 1))
    extra = MeetingFactory(forum=vg.group, kind=Meeting.Kind.EXTRA, **_at(2028, 4, 1))

    def shown(**query):
        return {pk for pk, _ in _rows(client.get(url, query))}

    assert shown() == {planned.pk, cancelled.pk, extra.pk}
    assert shown(status="cancelled") == {cancelled.pk}
    assert shown(kind="extra") == {extra.pk}
    assert shown(year="2029") == {planned.pk, cancelled.pk}
    assert shown(year="2029", status="planned") == {planned.pk}
    assert 'name="status"' in client.get(url).content.decode()


def test_forum_meetings_shows_only_this_forum(client, vg):
    mine = MeetingFactory(forum=vg.group)
    elsewhere = MeetingFactory(forum=vg.sro)
    client.force_login(vg.secretary)  # sees both forums
    rows = _rows(client.get(reverse("meetings:forum_meetings", args=[vg.group.slug])))
    assert [pk for pk, _ in rows] == [mine.pk] and elsewhere.pk not in dict(rows)


def _soon(days, hours=0):
    start = timezone.now() + datetime.timedelta(days=days, hours=hours)
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)}


def test_my_meetings_lists_coming_meetings_of_my_forums_paged(client, vg):
    mine = [
        MeetingFactory(forum=vg.group, title="" if i % 2 else f"Kommande {i}", **_soon(2 + i))
        for i in range(PAGE_SIZE + 3)
    ]
    MeetingFactory(forum=vg.group, status=Meeting.Status.CANCELLED, **_soon(1))
    MeetingFactory(forum=vg.group, **_at(2020, 1, 1))  # past
    hidden = MeetingFactory(forum=ForumFactory(), **_soon(1))
    strategic = MeetingFactory(forum=vg.sro, **_soon(1))
    client.force_login(vg.vgr_member)
    url = reverse("meetings:my_meetings")
    first = client.get(url)
    assert [pk for pk, _ in _rows(first)] == [m.pk for m in mine[:PAGE_SIZE]]  # soonest first
    second = client.get(url, {"page": 2})
    assert [pk for pk, _ in _rows(second)] == [m.pk for m in mine[PAGE_SIZE:]]
    assert hidden.pk not in dict(_rows(second))
    assert strategic.pk not in dict(_rows(first))  # not a forum of theirs
    client.force_login(vg.secretary)  # runs the structure: sees both forums
    assert [pk for pk, _ in _rows(client.get(url, {"forum": vg.sro.pk}))] == [strategic.pk]
    only_group = _rows(client.get(url, {"forum": vg.group.pk, "status": "planned"}))
    assert [pk for pk, _ in only_group] == [m.pk for m in mine[:PAGE_SIZE]]


def test_my_meetings_names_every_meeting_with_its_forum(client, vg):
    titled = MeetingFactory(forum=vg.group, title="Sammanträde 4/2026", **_soon(3))
    other = MeetingFactory(forum=vg.sro, title="Sammanträde 4/2026", **_soon(4))
    untitled = MeetingFactory(forum=vg.sro, title="", **_soon(5))
    assert titled.display_name == str(titled) == f"{vg.group.name}: Sammanträde 4/2026"
    day = timezone.localtime(untitled.starts_at)
    assert str(untitled) == f"{vg.sro.name} {day:%Y-%m-%d}"
    client.force_login(vg.secretary)
    rows = dict(_rows(client.get(reverse("meetings:my_meetings"))))
    assert rows == {
        titled.pk: f"{vg.group.name}: Sammanträde 4/2026",
        other.pk: f"{vg.sro.name}: Sammanträde 4/2026",
        untitled.pk: f"{vg.sro.name} {day:%Y-%m-%d}",
    }
    page = client.get(titled.get_absolute_url()).content.decode()
    assert f'<h1 class="h2 mb-3">{vg.group.name}: Sammanträde 4/2026</h1>' in page


def test_my_meetings_coming_past_year_and_status(client, vg):
    coming = MeetingFactory(forum=vg.group, **_soon(10))
    coming_later = MeetingFactory(forum=vg.group, **_soon(20))
    cancelled = MeetingFactory(forum=vg.group, status=Meeting.Status.CANCELLED, **_soon(5))
    held_2021 = MeetingFactory(forum=vg.group, status=Meeting.Status.HELD, **_at(2021, 3, 1))
    held_2022 = MeetingFactory(forum=vg.group, status=Meeting.Status.HELD, **_at(2022, 3, 1))
    past_cancelled = MeetingFactory(
        forum=vg.group, status=Meeting.Status.CANCELLED, **_at(2022, 5, 1)
    )
    client.force_login(vg.vgr_member)
    url = reverse("meetings:my_meetings")

    def shown(**query):
        return [pk for pk, _ in _rows(client.get(url, query))]

    assert shown() == [coming.pk, coming_later.pk]  # coming, soonest first, none cancelled
    assert shown(when="coming") == [coming.pk, coming_later.pk]
    assert shown(when="past") == [held_2022.pk, held_2021.pk]  # latest first
    assert shown(when="past", year="2021") == [held_2021.pk]
    assert shown(when="past", status="cancelled") == [past_cancelled.pk]
    assert shown(status="cancelled") == [cancelled.pk]
    assert shown(when="past", year="2022", status="held") == [held_2022.pk]
    # a forum not theirs is no choice: the filter is refused and shows only their own meetings
    assert set(shown(when="past", forum=vg.sro.pk)) <= {held_2022.pk, held_2021.pk}
    page = client.get(url, {"when": "past"}).content.decode()
    assert 'name="when"' in page and 'name="year"' in page and 'name="forum"' in page
    assert "Past meetings" in page or "Tidigare" in page


def test_my_meetings_never_shows_a_forum_the_user_may_not_see(client, vg, other_forum_member):
    hidden_coming = MeetingFactory(forum=vg.group, **_soon(3))
    hidden_past = MeetingFactory(forum=vg.group, status=Meeting.Status.HELD, **_at(2022, 1, 1))
    client.force_login(other_forum_member)
    url = reverse("meetings:my_meetings")
    seen = set()
    for query in (
        {},
        {"when": "past"},
        {"forum": vg.group.pk},
        {"status": "held"},
        {"when": "past", "forum": vg.group.pk, "year": "2022"},
    ):
        seen |= {pk for pk, _ in _rows(client.get(url, query))}
    assert not seen & {hidden_coming.pk, hidden_past.pk}
    assert f'value="{vg.group.pk}"' not in client.get(url).content.decode()  # not offered


@pytest.mark.parametrize("when", ["coming", "past"])
def test_my_meetings_query_count_pinned_from_5_to_50(client, vg, when):
    """5 meetings and 50 (every other one without a title, named by its forum and day): the
    same pinned number of queries, and the rows beyond the first five really render (25 on
    page one, 25 on page two)."""
    client.force_login(vg.vgr_member)
    url = reverse("meetings:my_meetings")
    made = []

    def grow(n):
        for _ in range(n):
            i = len(made)
            hours = 3 * i + 1
            made.append(
                MeetingFactory(
                    forum=vg.group,
                    title="" if i % 2 else f"M {i}",
                    **_soon(1 if when == "coming" else -1, hours if when == "coming" else -hours),
                )
            )

    def names(response):
        return [text for _, text in _rows(response)]

    def pks(response):
        return [pk for pk, _ in _rows(response)]

    client.get(url, {"when": when})  # warm the per-process caches (content types)
    grow(5)
    few, response = count_queries(client.get, url, {"when": when})
    assert len(names(response)) == 5
    assert all(name.startswith(f"{vg.group.name}") for name in names(response))
    grow(45)
    many, response = count_queries(client.get, url, {"when": when})
    second, response_2 = count_queries(client.get, url, {"when": when, "page": 2})
    shown = names(response) + names(response_2)
    assert len(shown) == 50 and set(pks(response) + pks(response_2)) == {m.pk for m in made}
    assert sum(1 for name in shown if ": M " not in name) == 25  # the untitled ones render
    assert (few, many, second) == (MY_MEETINGS_QUERIES,) * 3


# --- The visibility API behind the pages -----------------------------------------------------


def test_restrict_hides_other_forums_meetings(vg, meeting, other_forum_member, client):
    assert list(Meeting.objects.restrict(vg.vgr_member, "view")) == [meeting]
    assert not Meeting.objects.restrict(other_forum_member, "view").exists()
    with pytest.raises(Http404):
        get_visible_or_404(Meeting, other_forum_member, pk=meeting.pk)
    with pytest.raises(Http404):
        selectors.meeting_get_visible(user=other_forum_member, pk=meeting.pk)
    client.force_login(other_forum_member)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    nowhere = reverse("meetings:meeting_detail", args=[meeting.pk + 1000])
    assert client.get(nowhere).status_code == 404  # the same as one that does not exist


def test_run_is_for_leaders_and_secretariat(vg, meeting):
    for leader in (vg.secretary, vg.chair, vg.vice):
        assert Meeting.objects.restrict(leader, "run").get() == meeting
    assert not Meeting.objects.restrict(vg.vgr_member, "run").exists()
    with pytest.raises(PermissionDenied):
        get_for_action(Meeting.objects.all(), vg.vgr_member, "run", pk=meeting.pk)
    with pytest.raises(PermissionDenied):
        selectors.meeting_get_visible(user=vg.vgr_member, pk=meeting.pk, action="run")
    with pytest.raises(PermissionDenied):
        selectors.forum_get_for_meetings(user=vg.vgr_member, slug=vg.group.slug, action="run")


def test_anonymous_sees_no_meetings_and_only_approved_minutes_of_public_forums(vg, meeting):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    approved = MinutesFactory(meeting=meeting, approved=True)
    assert not Meeting.objects.restrict(anonymous, "view").exists()
    assert not Minutes.objects.restrict(anonymous, "read").exists()
    vg.group.is_public = True
    vg.group.save()
    draft = MinutesFactory(meeting=meeting, amends=approved)
    # "read" is the one rule of the minutes page and its PDF: the public reads approved ones
    assert list(Minutes.objects.restrict(anonymous, "read")) == [approved]
    assert set(Minutes.objects.restrict(vg.vgr_member, "read")) == {approved, draft}
    assert set(Minutes.objects.restrict(vg.vgr_member, "view")) == {approved, draft}


def test_action_item_visible_to_its_assignee_outside_the_forum(vg, meeting, other_forum_member):
    from meetings import services

    item = services.action_item_create(
        actor=vg.secretary,
        meeting=meeting,
        title="Ta fram underlag",
        assignee=other_forum_member,
        due_date=timezone.localdate(),
    )
    assert selectors.action_item_get_visible(user=other_forum_member, pk=item.pk) == item
    with pytest.raises(Http404):
        selectors.meeting_get_visible(user=other_forum_member, pk=meeting.pk)
