"""One name per forum (issue 12, item 6): the short name only where space is short, then
with the full name as its title."""

import pytest
from django.template import Context, Template

from forums.templatetags.forum_names import short_forum_name
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def test_the_short_name_carries_the_full_name_as_its_title():
    forum = ForumFactory(name="Samordningsgruppen för läkemedel & <test>", short_name="SGL")
    rendered = Template("{% load forum_names %}{{ forum|short_forum_name }}").render(
        Context({"forum": forum})
    )
    assert (
        rendered == '<abbr title="Samordningsgruppen för läkemedel &amp; &lt;test&gt;">SGL</abbr>'
    )


def test_without_a_short_name_the_full_name():
    forum = ForumFactory(name="Styrgruppen", short_name="")
    assert short_forum_name(forum) == "Styrgruppen"
    assert short_forum_name(None) == ""


def test_the_escalation_path_names_each_forum_so(client, representative_user, operative_forum):
    from django.urls import reverse

    from tests.escalation.factories import raise_case

    operative_forum.short_name = "AG"
    operative_forum.save()
    case = raise_case(representative_user, operative_forum)
    client.force_login(representative_user)
    page = client.get(reverse("escalation:my_cases")).text
    assert f'<abbr title="{operative_forum.name}">AG</abbr>' in page
    assert client.get(case.get_absolute_url()).status_code == 200
