"""The permission matrix of the wind-down page's actions (samverkan.wind_down, the
`forum_wind_down` namespace): only the forum's secretariat decides for its open cases and
cancels its meetings after the end; the others get what they get on the forum's own
wind-down page (a forum they cannot see: 404; seen but not theirs to change: 403)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from escalation.models import Case, CaseEvent
from forums.services import forum_wind_down
from meetings.models import Meeting
from tests.escalation.factories import raise_case
from tests.factories import MeetingFactory

from .conftest import ROLES, client_for
from .test_permissions import FORUM_EDIT, _cases, _check

pytestmark = pytest.mark.django_db

NOT_A_GET = (405, 405, 405, 405, 405)

MATRIX = {
    "forum_wind_down:case": ("case", FORUM_EDIT),
    "forum_wind_down:meeting": ("meeting", FORUM_EDIT),
    "forum_wind_down:meetings": ("forum", NOT_A_GET),
}

WRITES = {
    "forum_wind_down:case": {"action": "close", "reason": "Avvecklas.", "version": 0},
    "forum_wind_down:meeting": {"reason": "Avvecklas."},
    "forum_wind_down:meetings": {"reason": "Avvecklas."},
}


@pytest.fixture(autouse=True)
def _on_the_frozen_day(frozen_day):
    """The wind-down day and the meeting are relative to the frozen day (tests/clock.py)."""


@pytest.fixture
def objects(operative_forum, secretariat_user, representative_user):
    end = timezone.localdate() + datetime.timedelta(days=30)
    forum = forum_wind_down(actor=secretariat_user, forum=operative_forum, on=end)
    case = raise_case(representative_user, forum)
    starts = timezone.make_aware(datetime.datetime.combine(end, datetime.time(9)))
    meeting = MeetingFactory(forum=forum, starts_at=starts + datetime.timedelta(days=7))
    return {
        "forum": {"slug": forum.slug},
        "case": {"slug": forum.slug, "reference": case.reference},
        "meeting": {"slug": forum.slug, "pk": meeting.pk},
    }


def _snapshot():
    return (
        list(Case.objects.values_list("status", "current_forum", "kept_until").order_by("pk")),
        CaseEvent.objects.count(),
        list(Meeting.objects.values_list("status", flat=True).order_by("pk")),
    )


@pytest.mark.parametrize(("view", "kind", "role", "expected"), _cases(MATRIX))
def test_matrix(view, kind, role, expected, role_user, objects):
    url = reverse(view, kwargs=objects[kind])
    _check(client_for(role_user(role)).get(url), expected, url)


@pytest.mark.parametrize(
    ("view", "role"),
    [
        pytest.param(view, role, id=f"{view.split(':')[1]}-{role}")
        for view in WRITES
        for role in ROLES
        if role != "secretariat"
    ],
)
def test_refused_writes_change_nothing(view, role, role_user, objects):
    url = reverse(view, kwargs=objects[MATRIX[view][0]])
    before = _snapshot()
    response = client_for(role_user(role)).post(url, WRITES[view])
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))
    assert _snapshot() == before


@pytest.mark.parametrize("view", list(WRITES))
def test_secretariat_writes_are_accepted(view, secretariat_user, objects):
    url = reverse(view, kwargs=objects[MATRIX[view][0]])
    before = _snapshot()
    response = client_for(secretariat_user).post(url, WRITES[view])
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith(
        reverse("forums:forum_wind_down", kwargs=objects["forum"])
    )
    assert _snapshot() != before


def test_a_case_or_meeting_not_left_at_the_forum_is_not_found(
    objects, secretariat_user, operative_forum
):
    client = client_for(secretariat_user)
    slug = objects["forum"]["slug"]
    missing = [
        reverse("forum_wind_down:case", kwargs={"slug": slug, "reference": "SAM-2099-9999"}),
        reverse("forum_wind_down:meeting", kwargs={"slug": slug, "pk": 2**63}),
    ]
    meeting = Meeting.objects.get(pk=objects["meeting"]["pk"])
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    missing.append(reverse("forum_wind_down:meeting", kwargs=objects["meeting"]))
    for url in missing:
        assert client.get(url).status_code == 404, url
