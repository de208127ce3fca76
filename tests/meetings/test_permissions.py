"""The permission matrix of every meeting page: anonymous, member of the forum, member of
another forum, secretariat of the structure, secretariat of another structure."""

import pytest
from django.urls import reverse

from meetings import services
from tests.factories import AgendaItemFactory, MinutesFactory
from tests.matrix import assert_matrix_row, matrix_params
from tests.meetings.factories import sealed_minutes

pytestmark = pytest.mark.django_db

# Expected status per person: (GET) view pages and (GET) pages that change things.
VIEW = {"anon": 302, "member": 200, "other_member": 404, "secretariat": 200, "other_sec": 404}
RUN = {"anon": 302, "member": 403, "other_member": 404, "secretariat": 200, "other_sec": 404}


@pytest.fixture
def people(vg, other_forum_member, other_structure_secretariat):
    return {
        "anon": None,
        "member": vg.vgr_member,
        "other_member": other_forum_member,
        "secretariat": vg.secretary,
        "other_sec": other_structure_secretariat,
    }


@pytest.fixture
def objects(vg, meeting):
    item = AgendaItemFactory(meeting=meeting, kind="decision")
    services.meeting_convene(actor=vg.secretary, meeting=meeting)
    minutes = MinutesFactory(meeting=meeting, author=vg.secretary)
    return {"meeting": meeting, "item": item, "minutes": minutes, "forum": vg.group}


PAGES = [
    ("meetings:forum_meetings", lambda o: [o["forum"].slug], VIEW),
    ("meetings:meeting_create", lambda o: [o["forum"].slug], RUN),
    ("meetings:meeting_detail", lambda o: [o["meeting"].pk], VIEW),
    ("meetings:meeting_edit", lambda o: [o["meeting"].pk], RUN),
    ("meetings:meeting_cancel", lambda o: [o["meeting"].pk], RUN),
    ("meetings:meeting_ics", lambda o: [o["meeting"].pk], VIEW),
    ("meetings:agenda_item_add", lambda o: [o["meeting"].pk], RUN),
    ("meetings:attendance_edit", lambda o: [o["meeting"].pk], RUN),
    ("meetings:action_item_add", lambda o: [o["meeting"].pk], RUN),
    ("meetings:decision_record", lambda o: [o["item"].pk], RUN),
    ("meetings:minutes_detail", lambda o: [o["minutes"].pk], VIEW),
    ("meetings:minutes_edit", lambda o: [o["minutes"].pk], RUN),
]


@pytest.mark.parametrize("who", list(VIEW))
@pytest.mark.parametrize(("name", "args", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_get_matrix(client, people, objects, who, name, args, expected):
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(reverse(name, args=args(objects)))
    assert response.status_code == expected[who]


POSTS = [
    ("meetings:meeting_action", lambda o: [o["meeting"].pk, "held"]),
    ("meetings:agenda_item_move", lambda o: [o["item"].pk, "up"]),
    ("meetings:agenda_item_remove", lambda o: [o["item"].pk]),
    ("meetings:minutes_create", lambda o: [o["meeting"].pk]),
    ("meetings:minutes_action", lambda o: [o["minutes"].pk, "submit"]),
]


@pytest.mark.parametrize("who", list(VIEW))
@pytest.mark.parametrize(("name", "args"), POSTS, ids=[p[0] for p in POSTS])
def test_post_matrix(client, people, objects, who, name, args):
    if people[who] is not None:
        client.force_login(people[who])
    response = client.post(reverse(name, args=args(objects)))
    expected = {"anon": 302, "member": 403, "other_member": 404, "other_sec": 404}
    if who == "secretariat":
        assert response.status_code == 302
    else:
        assert response.status_code == expected[who]


@pytest.mark.parametrize("who", list(VIEW))
def test_pdf_of_approved_minutes_matrix(client, people, vg, meeting, who):
    minutes = sealed_minutes(meeting)
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(reverse("meetings:minutes_pdf", args=[minutes.pk]))
    expected = {"anon": 404, "member": 200, "other_member": 404, "secretariat": 200}
    assert response.status_code == expected.get(who, 404)


def test_pdf_is_public_for_a_public_forum(client, vg, meeting):
    vg.group.is_public = True
    vg.group.save()
    approved = sealed_minutes(meeting)
    assert client.get(reverse("meetings:minutes_pdf", args=[approved.pk])).status_code == 200
    draft = MinutesFactory(meeting=meeting, amends=approved)
    assert client.get(reverse("meetings:minutes_pdf", args=[draft.pk])).status_code == 404
    page = client.get(reverse("public_forums:forum_detail", args=[vg.group.slug]))
    assert reverse("meetings:minutes_pdf", args=[approved.pk]) in page.content.decode()
    assert reverse("meetings:minutes_pdf", args=[draft.pk]) not in page.content.decode()


OWN = {"anon": 302, "member": 200, "other_member": 200, "secretariat": 200, "other_sec": 200}


@pytest.mark.parametrize("who", list(VIEW))
@pytest.mark.parametrize("name", ["meetings:my_meetings", "meetings:calendar_feeds"])
def test_own_pages_matrix(client, people, who, name):
    """Pages of the user's own: any logged-in person (showing only what they may see)."""
    if people[who] is not None:
        client.force_login(people[who])
    assert client.get(reverse(name)).status_code == OWN[who]


@pytest.mark.parametrize("who", list(VIEW))
def test_action_item_done_matrix(client, people, vg, objects, who):
    """The assignee (a member who does not run the forum) and the secretariat mark it done."""
    from django.utils import timezone

    item = services.action_item_create(
        actor=vg.secretary,
        meeting=objects["meeting"],
        title="Underlag",
        assignee=vg.vgr_member,
        due_date=timezone.localdate(),
    )
    if people[who] is not None:
        client.force_login(people[who])
    response = client.post(reverse("meetings:action_item_done", args=[item.pk]))
    expected = {"anon": 302, "member": 302, "other_member": 404, "secretariat": 302}
    assert response.status_code == expected.get(who, 404)
    item.refresh_from_db()
    assert (item.status == "done") == (who in ("member", "secretariat"))


def test_calendar_feed_with_an_unknown_token_is_404(client, vg):
    assert client.get(reverse("meetings:calendar_feed", args=["nope"])).status_code == 404


def test_every_meetings_url_is_in_the_matrix():
    from django.urls import get_resolver

    resolver = get_resolver()
    names = {
        f"meetings:{name}"
        for name in resolver.namespace_dict["meetings"][1].reverse_dict
        if isinstance(name, str)
    }
    covered = {p[0] for p in PAGES} | {p[0] for p in POSTS}
    covered |= {
        "meetings:my_meetings",
        "meetings:calendar_feeds",
        "meetings:calendar_feed",
        "meetings:action_item_done",
        "meetings:minutes_pdf",
        "meetings:minutes_verify",
    }
    assert names == covered


# --- the matrix: every meetings view for each role ------------------------------------------


@pytest.fixture
def world(operative_forum, representative_user, chair_user, secretariat_user):
    from tests.factories import (
        ActionItemFactory,
        AgendaItemFactory,
        MeetingFactory,
    )

    meeting = MeetingFactory(forum=operative_forum)
    item = AgendaItemFactory(meeting=meeting)
    minutes = MinutesFactory(meeting=meeting)
    token = services.calendar_token_rotate(actor=representative_user, forum=operative_forum)
    return {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
        "forum": {"slug": operative_forum.slug},
        "meeting": {"pk": meeting.pk},
        "meeting_action": {"pk": meeting.pk, "action": "convene"},
        "item": {"pk": item.pk},
        "item_move": {"pk": item.pk, "direction": "up"},
        "minutes": {"pk": minutes.pk},
        "minutes_action": {"pk": minutes.pk, "action": "submit"},
        "action_item": {"pk": ActionItemFactory(meeting=meeting).pk},
        "token": {"token": token.token},
    }


# url name, its arguments in `world`, method, and the status for each of MATRIX_ROLES:
# anonymous, representative (member of the meeting's forum), chair (of the tactical forum
# above, not of this one), secretariat (runs the structure's meetings).
MATRIX = [
    ("meetings:my_meetings", None, "get", "L 200 200 200"),
    ("meetings:calendar_feeds", None, "get", "L 200 200 200"),
    ("meetings:calendar_feed", "token", "get", "200 200 200 200"),
    ("meetings:minutes_verify", None, "get", "200 200 200 200"),
    ("meetings:forum_meetings", "forum", "get", "L 200 404 200"),
    ("meetings:meeting_create", "forum", "get", "L 403 404 200"),
    ("meetings:meeting_detail", "meeting", "get", "L 200 404 200"),
    ("meetings:meeting_edit", "meeting", "get", "L 403 404 200"),
    ("meetings:meeting_cancel", "meeting", "get", "L 403 404 200"),
    ("meetings:meeting_ics", "meeting", "get", "L 200 404 200"),
    ("meetings:agenda_item_add", "meeting", "get", "L 403 404 200"),
    ("meetings:attendance_edit", "meeting", "get", "L 403 404 200"),
    ("meetings:minutes_create", "meeting", "post", "L 403 404 302"),
    ("meetings:action_item_add", "meeting", "get", "L 403 404 200"),
    ("meetings:meeting_action", "meeting_action", "post", "L 403 404 302"),
    ("meetings:agenda_item_move", "item_move", "post", "L 403 404 302"),
    ("meetings:agenda_item_remove", "item", "post", "L 403 404 302"),
    ("meetings:decision_record", "item", "get", "L 403 404 200"),
    ("meetings:minutes_detail", "minutes", "get", "L 200 404 200"),
    ("meetings:minutes_edit", "minutes", "get", "L 403 404 200"),
    ("meetings:minutes_pdf", "minutes", "get", "404 404 404 404"),
    ("meetings:minutes_action", "minutes_action", "post", "L 403 404 302"),
    ("meetings:action_item_done", "action_item", "post", "L 403 404 302"),
]


@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), list(matrix_params(MATRIX))
)
def test_permission_matrix(client, world, name, target, method, role, expected):
    assert_matrix_row(client, world, name, target, method, role, expected)
