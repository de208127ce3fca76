"""The permission matrix of every meeting page: anonymous, member of the forum, member of
another forum, secretariat of the structure, secretariat of another structure."""

import pytest
from django.urls import reverse

from meetings import services
from tests.factories import AgendaItemFactory, MinutesFactory

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
    minutes = MinutesFactory(meeting=meeting, approved=True)
    if people[who] is not None:
        client.force_login(people[who])
    response = client.get(reverse("meetings:minutes_pdf", args=[minutes.pk]))
    expected = {"anon": 404, "member": 200, "other_member": 404, "secretariat": 200}
    assert response.status_code == expected.get(who, 404)


def test_pdf_is_public_for_a_public_forum(client, vg, meeting):
    vg.group.is_public = True
    vg.group.save()
    approved = MinutesFactory(meeting=meeting, approved=True)
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
    }
    assert names == covered
