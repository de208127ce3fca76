"""The panel registry: the apps above forums add what the forum pages show of theirs.

forums imports none of them; with no panels registered its pages show the forum's own
content only, and a panel registered by another app appears where its slot is.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from cycle.panels.reports import public_annual_reports_panel
from escalation.panels import case_links_panel
from forums import panels
from forums.panels import (
    ACTIONS,
    LINKS,
    MEMBER,
    PUBLIC,
    SECTIONS,
    Panel,
    panels_for,
    register_panel,
    registered_panels,
    viewer,
)
from mandates.panels import (
    composition_panel,
    member_exports_panel,
    members_panel,
    public_members_panel,
)
from meetings.panels import approved_minutes_panel, meetings_link_panel
from tests.factories import MandateFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_panels(monkeypatch):
    """The registry as forums would have it alone: empty."""
    monkeypatch.setattr(panels, "_REGISTRY", [])


@pytest.fixture
def own_registry(monkeypatch):
    """A copy of the registry as the apps left it; what a test registers goes with it."""
    monkeypatch.setattr(panels, "_REGISTRY", list(panels._REGISTRY))


@pytest.fixture
def extra_templates(tmp_path, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    return tmp_path


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


# --- The registry ----------------------------------------------------------------------------


def test_the_apps_register_their_panels_in_ready():
    member = [(entry.slot, entry.panel) for entry in registered_panels(MEMBER)]
    assert (ACTIONS, member_exports_panel) in member
    assert (SECTIONS, composition_panel) in member
    assert (SECTIONS, members_panel) in member
    assert (LINKS, meetings_link_panel) in member
    assert (LINKS, case_links_panel) in member
    public = [(entry.slot, entry.panel) for entry in registered_panels(PUBLIC)]
    assert public[:2] == [(SECTIONS, public_members_panel), (SECTIONS, approved_minutes_panel)]
    assert (SECTIONS, public_annual_reports_panel) in public


def test_panels_are_ordered_and_none_is_left_out(no_panels, operative_forum, secretariat_user):
    register_panel(MEMBER, order=20)(lambda request, forum: Panel("second.html"))
    register_panel(MEMBER, order=10)(lambda request, forum: Panel("first.html"))
    register_panel(MEMBER, order=5)(lambda request, forum: None)
    register_panel(MEMBER, slot=LINKS)(lambda request, forum: Panel("link.html"))
    register_panel(PUBLIC)(lambda request, forum: Panel("public.html"))
    slots = panels_for(MEMBER, _request(secretariat_user), operative_forum)
    assert [panel.template_name for panel in slots[SECTIONS]] == ["first.html", "second.html"]
    assert [panel.template_name for panel in slots[LINKS]] == ["link.html"]
    assert slots[ACTIONS] == []


def test_registering_twice_shows_a_panel_once(no_panels):
    def panel(request, forum):
        return Panel("x.html")

    register_panel(MEMBER)(panel)
    register_panel(MEMBER)(panel)
    register_panel(PUBLIC)(panel)
    assert len(registered_panels(MEMBER)) == 1 and len(registered_panels(PUBLIC)) == 1


def test_an_unknown_page_or_slot_is_refused():
    with pytest.raises(ValueError):
        register_panel("elsewhere")
    with pytest.raises(ValueError):
        register_panel(MEMBER, slot="sidebar")


def test_with_no_panels_every_slot_is_empty(no_panels, operative_forum, secretariat_user):
    assert panels_for(MEMBER, _request(secretariat_user), operative_forum) == {
        SECTIONS: [],
        LINKS: [],
        ACTIONS: [],
    }


def test_the_viewer_is_worked_out_once_per_request(
    operative_forum, secretariat_user, representative_user, outsider_user, django_assert_num_queries
):
    request = _request(representative_user)
    standing = viewer(request, operative_forum)
    assert standing.is_member and not standing.is_secretariat and standing.sees_members
    with django_assert_num_queries(0):
        assert viewer(request, operative_forum) is standing
    assert viewer(_request(secretariat_user), operative_forum).is_secretariat
    assert not viewer(_request(outsider_user), operative_forum).sees_members


# --- The pages -------------------------------------------------------------------------------


def test_the_forum_page_works_with_no_panels(
    no_panels, secretariat_client, operative_forum, representative_user
):
    response = secretariat_client.get(operative_forum.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="charter-heading"' in html
    assert reverse("forums:forum_update", args=[operative_forum.slug]) in html
    for theirs in ("composition-heading", "members-heading", "forum-meetings-link", "medlemmar"):
        assert theirs not in html
    # the navigation holds the forum's own ways on (by URL name), none from a panel
    nav = html[
        html.index('id="forum-work-links"') : html.index(
            "</nav>", html.index('id="forum-work-links"')
        )
    ]
    assert 'id="forum-rotation-link"' in nav and "forum-raise-case-link" not in nav


def test_the_public_page_works_with_no_panels(no_panels, client, operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    MandateFactory(forum=operative_forum)
    response = client.get(reverse("public_forums:forum_detail", args=[operative_forum.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="charter-heading"' in html
    assert 'id="members-heading"' not in html and "public-minutes-heading" not in html


def test_a_panel_another_app_registers_appears_on_the_forum_page(
    own_registry, secretariat_client, representative_user, operative_forum, extra_templates
):
    (extra_templates / "reports_panel.html").write_text(
        '<section aria-labelledby="reports-heading"><h2 id="reports-heading">'
        "Reports of {{ forum.name }}: {{ count }}</h2></section>"
    )
    (extra_templates / "reports_link.html").write_text(
        '<li class="list-inline-item"><a id="reports-link" href="#">Reports</a></li>'
    )

    def reports(request, forum):
        return Panel("reports_panel.html", {"count": 3})

    def reports_link(request, forum):
        return Panel("reports_link.html")

    register_panel(MEMBER, order=15)(reports)
    register_panel(MEMBER, slot=LINKS, order=99)(reports_link)
    html = secretariat_client.get(operative_forum.get_absolute_url()).content.decode()
    assert f"Reports of {operative_forum.name}: 3" in html
    # Between the composition (order 10) and the members (order 20) of mandates.
    assert (
        html.index('id="composition-heading"')
        < html.index('id="reports-heading"')
        < html.index('id="members-heading"')
    )
    nav = html[html.index('id="forum-work-links"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'id="reports-link"' in nav and "forum-raise-case-link" in nav


def test_the_secretariat_finds_the_member_exports_among_its_actions(
    secretariat_client, operative_forum, representative_user
):
    html = secretariat_client.get(operative_forum.get_absolute_url()).content.decode()
    actions = html[html.index('id="forum-secretariat-actions"') :]
    actions = actions[: actions.index("</nav>")]
    csv_url = reverse("forum_members:members_csv", args=[operative_forum.slug])
    xlsx_url = reverse("forum_members:members_xlsx", args=[operative_forum.slug])
    assert csv_url in actions and xlsx_url in actions
    # a member sees neither the actions nor the exports
    html = client_for(representative_user).get(operative_forum.get_absolute_url()).text
    assert csv_url not in html and 'id="forum-secretariat-actions"' not in html
