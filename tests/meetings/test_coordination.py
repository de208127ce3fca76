"""Planning across bodies: a forum's planner shows the coming meetings of the forums it
coordinates with, as far as the viewer may see them, and warns (never refuses) when a
meeting of its own falls on the same day as one of theirs."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import ForumFactory, MeetingFactory, StructureFactory
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db


def _at(days, hour=9):
    moment = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return {"starts_at": moment, "ends_at": moment + datetime.timedelta(hours=2)}


@pytest.fixture
def others(tactical_forum, strategic_forum):
    """Three forums the tactical forum coordinates with: one of its own structure (its
    secretariat sees the meetings), a public and a closed one of another structure."""
    elsewhere = StructureFactory(name="Rådet", slug="radet")
    public = ForumFactory(structure=elsewhere, name="Rådet för styrning", is_public=True, tier=1)
    closed = ForumFactory(structure=elsewhere, name="Slutna gruppen", is_public=False, tier=1)
    tactical_forum.coordinates_with.set([strategic_forum, public, closed])
    MeetingFactory(forum=strategic_forum, title="Styrgruppens möte", **_at(10))
    MeetingFactory(forum=public, title="Rådets hemliga titel", **_at(20))
    MeetingFactory(forum=closed, title="Slutna titeln", **_at(30))
    return public, closed


def _page(client, user, forum):
    client.force_login(user)
    return client.get(reverse("meetings:forum_meetings", args=[forum.slug])).content.decode()


def test_what_the_planner_shows_of_other_forums(client, secretariat_user, tactical_forum, others):
    public, closed = others
    page = _page(client, secretariat_user, tactical_forum)
    assert 'id="coordination-meetings"' in page
    assert "Styrgruppens möte" in page  # the secretariat sees its own structure's meetings
    assert "Rådets hemliga titel" not in page and "Slutna titeln" not in page
    day_public = (timezone.localtime(_at(20)["starts_at"])).date().isoformat()
    day_closed = (timezone.localtime(_at(30)["starts_at"])).date().isoformat()
    assert day_public in page  # a public forum's meeting shows its date
    assert day_closed not in page  # a closed forum's meeting shows no date
    assert "Slutna gruppen" in page


def test_a_meeting_on_the_same_day_is_warned_of_not_refused(
    client, secretariat_user, tactical_forum, others
):
    public, _closed = others
    client.force_login(secretariat_user)
    when = _at(20, hour=13)
    response = client.post(
        reverse("meetings:meeting_create", args=[tactical_forum.slug]),
        {
            "kind": "ordinary",
            "title": "Samordning",
            "starts_at": timezone.localtime(when["starts_at"]).strftime("%Y-%m-%dT%H:%M"),
            "ends_at": timezone.localtime(when["ends_at"]).strftime("%Y-%m-%dT%H:%M"),
            "location": "Stockholm",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(forum=tactical_forum)
    warnings = [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and public.name in str(warnings[0])
    assert 'id="coordination-warning"' in _page(client, secretariat_user, tactical_forum)
    edit = client.get(reverse("meetings:meeting_edit", args=[meeting.pk])).content.decode()
    assert 'id="coordination-warning"' in edit


def test_no_warning_on_another_day(client, secretariat_user, tactical_forum, others):
    MeetingFactory(forum=tactical_forum, **_at(21))
    assert 'id="coordination-warning"' not in _page(client, secretariat_user, tactical_forum)


def test_a_forum_without_coordination_shows_nothing(client, secretariat_user, tactical_forum):
    assert 'id="coordination"' not in _page(client, secretariat_user, tactical_forum)


def test_query_count_is_the_same_at_5_and_50_coordinated_meetings(
    client, secretariat_user, tactical_forum, others
):
    public, _closed = others
    client.force_login(secretariat_user)
    offset = [40]

    def grow(n):
        for _ in range(n):
            offset[0] += 1
            MeetingFactory(forum=public, title="", **_at(offset[0]))

    assert_same_query_count(
        client,
        reverse("meetings:forum_meetings", args=[tactical_forum.slug]),
        grow,
        queries=12,
        marker="Rådet för styrning</li>",
    )
