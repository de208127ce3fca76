"""The pickers' options endpoints (issue 12, item 5): they answer with the form field's own
queryset narrowed by ?q=, behind the form's own permission, and the forms still refuse an
id outside what they allow."""

import pytest
from django.urls import reverse
from django.utils import timezone

from escalation.forms import CaseRaiseForm
from forums.models import Forum
from kernel.pickers import MAX_OPTIONS, narrow
from mandates.forms import MandateCreateForm
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _people_url(forum):
    return reverse("mandates:person_options", kwargs={"slug": forum.slug})


def test_people_match_every_word_in_names_and_organisation(
    client, secretariat_user, operative_forum
):
    region = OrganisationFactory(name="Region Halland")
    zelda = UserFactory(first_name="Zelda", last_name="Zetterlund", organisation=region)
    UserFactory(first_name="Zelda", last_name="Ahl")
    client.force_login(secretariat_user)
    body = client.get(_people_url(operative_forum), {"q": "zel halland"}).content.decode()
    assert f'value="{zelda.pk}"' in body
    assert "Ahl" not in body
    assert body.count("<option") == 2  # the empty choice and Zelda


def test_people_options_show_no_one_the_form_does_not_offer(
    client, secretariat_user, operative_forum
):
    gone = UserFactory(first_name="Zelda", last_name="Slutat", is_active=False)
    system = UserFactory(username="system", first_name="Zelda", last_name="System")
    client.force_login(secretariat_user)
    body = client.get(_people_url(operative_forum), {"q": "zelda"}).content.decode()
    assert f'value="{gone.pk}"' not in body and f'value="{system.pk}"' not in body
    assert "Nothing matches" in body or "Inget matchar" in body


@pytest.mark.parametrize(
    ("role", "status"),
    [("outsider_user", 404), ("representative_user", 403), ("chair_user", 404)],
)
def test_people_options_only_for_who_may_give_mandates_in_the_forum(
    request, client, operative_forum, role, status
):
    client.force_login(request.getfixturevalue(role))
    assert client.get(_people_url(operative_forum), {"q": "a"}).status_code == status


def test_people_options_ask_anonymous_to_log_in(client, operative_forum):
    response = client.get(_people_url(operative_forum))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_narrowed_list_is_bounded_and_says_so(client, secretariat_user, operative_forum):
    for number in range(MAX_OPTIONS + 5):
        UserFactory(first_name=f"Many{number}", last_name="Many")
    client.force_login(secretariat_user)
    body = client.get(_people_url(operative_forum), {"q": "many"}).content.decode()
    assert body.count('<option value="') == MAX_OPTIONS + 1 + 1  # empty, matches, "more"
    assert "disabled" in body


def test_organisation_options_leave_out_archived_ones(client, representative_user):
    kept = OrganisationFactory(name="Tjörns kommun")
    archived = OrganisationFactory(name="Tjörns gamla förvaltning", archived_at=timezone.now())
    client.force_login(representative_user)
    response = client.get(reverse("escalation:organisation_options"), {"q": "tjörn"})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'value="{kept.pk}"' in body and f'value="{archived.pk}"' not in body


def test_organisation_options_refused_to_who_may_not_raise_cases(client, secretariat_user):
    client.force_login(secretariat_user)
    assert client.get(reverse("escalation:organisation_options")).status_code == 403


def test_the_mandate_form_refuses_a_person_outside_its_list(operative_forum):
    gone = UserFactory(is_active=False)
    form = MandateCreateForm(
        {"person": gone.pk, "role": "member", "valid_from": "2026-01-01"}, forum=operative_forum
    )
    assert not form.is_valid() and "person" in form.errors


def test_the_case_form_refuses_an_archived_organisation(representative_user, operative_forum):
    archived = OrganisationFactory(archived_at=timezone.now())
    data = {
        "forum": operative_forum.pk,
        "title": "T",
        "priority": "normal",
        "organisation": archived.pk,
    }
    form = CaseRaiseForm(data, user=representative_user)
    assert not form.is_valid() and "organisation" in form.errors


def test_the_picker_widget_points_at_its_forums_endpoint(operative_forum):
    form = MandateCreateForm(forum=operative_forum)
    html = str(form["person"])
    assert f'data-picker-url="{_people_url(operative_forum)}"' in html
    assert 'src="/static/js/picker.js"' in html


def test_narrow_without_words_is_the_whole_queryset(operative_forum):
    queryset = Forum.objects.all()
    assert narrow(queryset, "   ", ("name",)) is queryset


@pytest.mark.parametrize("query", ["\x00", "a\x00b", "%", "_", "' OR 1=1 --", "ö" * 500])
def test_odd_searches_answer_with_options(client, representative_user, query):
    client.force_login(representative_user)
    response = client.get(reverse("escalation:organisation_options"), {"q": query})
    assert response.status_code == 200
