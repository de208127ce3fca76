"""The forum page's ways on: its mandates, rotation plan, compliance check, meetings, cases
and public page, each shown only to those who may open it (and each shown one opens); and
the login page's way to the public pages."""

import re

import pytest
from django.urls import reverse

from .conftest import client_for

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a href="([^"]+)" id="(forum-[a-z-]+-link)">')

ALL = {
    "forum-mandates-link",
    "forum-rotation-link",
    "forum-meetings-link",
    "forum-cases-link",
    "forum-compliance-link",
    "forum-public-link",
}


def _links(client, forum):
    response = client.get(reverse("forums:forum_detail", args=[forum.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    nav = html[
        html.index('id="forum-work-links"') : html.index(
            "</nav>", html.index('id="forum-work-links"')
        )
    ]
    found = {link_id: url.replace("&amp;", "&") for url, link_id in LINK.findall(nav)}
    return {link_id: url for link_id, url in found.items() if link_id in ALL}


def _urls(forum):
    """Where each link would go, to check that the hidden ones are indeed closed."""
    return {
        "forum-mandates-link": reverse("mandates:forum_mandates", args=[forum.slug]),
        "forum-rotation-link": reverse("mandates:rotation", args=[forum.slug]),
        "forum-meetings-link": reverse("meetings:forum_meetings", args=[forum.slug]),
        "forum-compliance-link": reverse("mandates:compliance", args=[forum.structure.slug]),
        "forum-public-link": reverse("public_forums:forum_detail", args=[forum.slug]),
    }


def _check(client, forum, expected):
    shown = _links(client, forum)
    assert set(shown) == expected
    for link_id, url in shown.items():  # every link shown opens
        assert client.get(url).status_code == 200, (link_id, url)
    for link_id, url in _urls(forum).items():
        if link_id not in shown:  # and the pages not linked are closed to this viewer
            assert client.get(url).status_code in (302, 403, 404), (link_id, url)
    return shown


def test_secretariat_sees_every_way_on(secretariat_user, operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    shown = _check(client_for(secretariat_user), operative_forum, ALL)
    assert (
        shown["forum-cases-link"] == reverse("escalation:my_cases") + f"?forum={operative_forum.pk}"
    )


def test_secretariat_of_a_forum_not_public_has_no_public_link(secretariat_user, operative_forum):
    _check(client_for(secretariat_user), operative_forum, ALL - {"forum-public-link"})


def test_member_sees_the_forum_work_but_not_the_compliance_check(
    representative_user, operative_forum
):
    expected = ALL - {"forum-compliance-link", "forum-public-link"}
    _check(client_for(representative_user), operative_forum, expected)


def test_outsider_on_a_public_forum_sees_only_the_rotation_and_public_page(
    outsider_user, operative_forum
):
    operative_forum.is_public = True
    operative_forum.save()
    _check(
        client_for(outsider_user),
        operative_forum,
        {"forum-rotation-link", "forum-public-link"},
    )


def test_login_page_links_to_the_public_pages(client):
    html = client.get(reverse("login")).content.decode()
    public = reverse("public_forums:forum_list")
    assert f'href="{public}" id="login-public-forums-link"' in html
    assert client.get(public).status_code == 200  # open without logging in
