"""Being logged in never shows less than the public page (issue 12, item 6): for each
person on a public forum, every contact detail of its public page is also on the forum page
as each logged-in role sees it (the security tests' world: a member who publishes nothing,
one who publishes only the e-mail, and the conftest's members)."""

import re

import pytest
from django.urls import reverse

from tests.security.conftest import OPEN_EMAIL, _media, make_public, world  # noqa: F401

pytestmark = pytest.mark.django_db

MAILTO = re.compile(r'href="mailto:([^"]+)"')
ROW = re.compile(r"<tr>\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>", re.S)
CELL = re.compile(r"<td>(.*?)</td>", re.S)
TAG = re.compile(r"<[^>]+>")


def _contacts(page):
    """{person shown: {contact details shown}} of the members table of a page."""
    people = {}
    for name, cells in ROW.findall(page):
        values = [TAG.sub("", cell).strip() for cell in CELL.findall(cells)]
        # Role, organisation, e-mail, phone (the member page adds the term).
        people[name.strip()] = {value for value in values[2:4] if value and value != "–"}
    return people


@pytest.mark.parametrize(
    "role", ["outsider", "other_member", "chair", "member", "secretariat", "other_secretariat",
             "superuser"],
)  # fmt: skip
def test_each_role_sees_every_published_contact_detail(client, world, role):  # noqa: F811
    forum = make_public(world["forum"])
    public = client.get(reverse("public_forums:forum_detail", args=[forum.slug])).content.decode()
    published = _contacts(public)
    assert published and any(OPEN_EMAIL in details for details in published.values())
    client.force_login(world["users"][role])
    response = client.get(forum.get_absolute_url())
    assert response.status_code == 200, response.status_code
    seen = _contacts(response.content.decode())
    for person, details in published.items():
        assert person in seen, (role, person)
        assert details <= seen[person], (role, person, details - seen[person])
