"""Breadcrumbs on every page below the start page (issue 12, item 5).

The walk of tests/security/test_url_roles.py (every URL of the resolver, filled from its
world) is made as the structure's secretariat; every HTML page answering 200 must carry the
breadcrumb trail, starting with a link to its root (the start page, or the public index for
the public pages), and ending with the page itself. A new page without breadcrumbs fails.
"""

import re

import pytest
from django.urls import reverse

from tests.security.conftest import _media, make_public, world  # noqa: F401  (fixtures)
from tests.security.test_url_roles import ALL_URLS, url_for

pytestmark = pytest.mark.django_db

# Pages that are no place below the start page: the start page itself, the public index
# (the root of the public pages), and the pages of signing in and out.
NO_TRAIL = {
    "dashboard",
    "public_forums:forum_list",
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "people:invitation_accept",
    "two_factor:verify",
}
PUBLIC = {"public_forums:forum_detail", "meetings:minutes_verify", "cycle:annual_report_public"}
NAV = re.compile(r'<nav class="breadcrumbs-nav" aria-label="[^"]+">(.*?)</nav>', re.S)


def _trail(body):
    found = NAV.findall(body)
    assert len(found) == 1, "one breadcrumb trail"
    return found[0]


def test_every_page_below_the_start_page_has_breadcrumbs(client, world):  # noqa: F811
    make_public(world["forum"])  # so that its public page is walked too
    client.force_login(world["users"]["secretariat"])
    checked, problems = [], []
    for name, route in ALL_URLS:
        if name in NO_TRAIL:
            continue
        response = client.get(url_for(world, name, route))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        if getattr(response, "streaming", False):
            continue
        body = response.content.decode()
        if "<main" not in body:
            continue  # an htmx fragment
        found = NAV.findall(body)
        if len(found) != 1:
            problems.append((name, f"{len(found)} breadcrumb trails"))
            continue
        root = reverse("public_forums:forum_list" if name in PUBLIC else "dashboard")
        trail = found[0]
        first = re.search(r'<a href="([^"]+)"', trail)
        if not first or first.group(1) != root:
            problems.append((name, "the trail does not start at its root"))
        if trail.count('aria-current="page"') != 1:
            problems.append((name, "the last item is not the current page"))
        checked.append(name)
    assert problems == [], "\n".join(map(str, problems))
    # The walk reached the pages of every part of the portal.
    for expected in (
        "forums:forum_detail",
        "forums:structure_detail",
        "mandates:mandate_detail",
        "people:person_detail",
        "escalation:case_detail",
        "meetings:meeting_detail",
        "meetings:minutes_detail",
        "accounts:profile",
        "public_forums:forum_detail",
    ):
        assert expected in checked, expected


def test_the_trail_follows_the_objects_place(client, world):  # noqa: F811
    client.force_login(world["users"]["secretariat"])
    minutes = world["minutes"]
    meeting = minutes.meeting
    body = client.get(reverse("meetings:minutes_detail", kwargs={"pk": minutes.pk})).content
    trail = _trail(body.decode())
    hrefs = re.findall(r'<a href="([^"]+)"', trail)
    assert hrefs == [
        reverse("dashboard"),
        reverse("forums:forum_list"),
        meeting.forum.get_absolute_url(),
        reverse("meetings:forum_meetings", kwargs={"slug": meeting.forum.slug}),
        meeting.get_absolute_url(),
    ]
    assert re.search(r'aria-current="page">[^<]+</li>', trail)


def test_the_public_index_is_the_root_of_public_pages(client, world):  # noqa: F811
    body = client.get(reverse("public_forums:forum_list")).content.decode()
    trail = _trail(body)
    assert "<a " not in trail and 'aria-current="page"' in trail
