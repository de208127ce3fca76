"""The direction document pages: the forum page's panel, the document page with its
versions and changes, and the secretariat's forms (confirmation and redirect; bad input
and hand-crafted posts give the form again, never a 500)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cycle import services
from cycle.models import DirectionDocument
from tests.cycle.direction_helpers import adopt, agency, coming_meeting, document_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(secretariat_user, tactical_forum, operative_forum):
    return services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_tactical_forum_page_lists_its_documents(client, chair_user, document):
    client.force_login(chair_user)
    page = client.get(document.forum.get_absolute_url()).content.decode()
    assert 'id="direction-panel"' in page and document.get_absolute_url() in page
    assert 'id="direction-create-link"' not in page  # the chair does not draft


def test_no_panel_on_other_tiers(client, secretariat_user, document, operative_forum):
    client.force_login(secretariat_user)
    assert (
        'id="direction-panel"'
        not in client.get(operative_forum.get_absolute_url()).content.decode()
    )


def test_create_confirms_and_redirects(client, secretariat_user, tactical_forum, operative_forum):
    client.force_login(secretariat_user)
    socialstyrelsen = agency()
    url = reverse("cycle:direction_document_create", args=[tactical_forum.slug])
    response = client.post(
        url,
        {
            "title": "Inriktning",
            "agency": socialstyrelsen.pk,
            "group": operative_forum.pk,
            "text": "Text",
            "review_on": "2027-03-01",
        },
    )
    document = DirectionDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert _messages(response)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"title": "x" * 400, "agency": "abc", "group": "-1", "text": "", "review_on": "igår"},
        {
            "title": "T",
            "agency": "999999",
            "group": "999999",
            "text": "T",
            "review_on": "2027-01-01",
        },
        {"title": "\x00", "text": "\x00", "review_on": "2027-13-45"},
    ],
)
def test_bad_input_shows_the_form_again(client, secretariat_user, tactical_forum, data):
    client.force_login(secretariat_user)
    url = reverse("cycle:direction_document_create", args=[tactical_forum.slug])
    response = client.post(url, data)
    assert response.status_code == 200
    assert not DirectionDocument.objects.exists()


def test_a_non_tactical_forum_has_no_create_page(client, secretariat_user, operative_forum):
    client.force_login(secretariat_user)
    url = reverse("cycle:direction_document_create", args=[operative_forum.slug])
    assert client.get(url).status_code == 404


def test_versions_and_changes_on_the_document_page(client, secretariat_user, document):
    first = adopt(document.versions.get(), secretary=secretariat_user)
    client.force_login(secretariat_user)
    response = client.post(
        reverse("cycle:direction_version_draft", args=[document.pk]), {"review_on": ""}
    )
    assert response.status_code == 302 and _messages(response)
    second = document.versions.get(number=2)
    assert second.text == first.text
    response = client.post(
        reverse("cycle:direction_version_edit", args=[second.pk]),
        {"text": first.text + "\nEn ny rad.", "review_on": "2027-06-01"},
    )
    assert response.status_code == 302
    page = client.get(document.get_absolute_url()).content.decode()
    assert "<ins>En ny rad.</ins>" in page
    assert 'id="version-1"' in page and 'id="version-2"' in page


def test_editing_an_adopted_version_by_hand_is_refused(client, secretariat_user, document):
    first = adopt(document.versions.get(), secretary=secretariat_user)
    client.force_login(secretariat_user)
    response = client.post(
        reverse("cycle:direction_version_edit", args=[first.pk]),
        {"text": "Ändrad", "review_on": "2027-06-01"},
    )
    assert response.status_code == 200  # the form again, with the refusal
    first.refresh_from_db()
    assert first.text != "Ändrad"


def test_put_on_an_agenda_and_a_meeting_of_another_forum_refused(
    client, secretariat_user, document, operative_forum
):
    client.force_login(secretariat_user)
    version = document.versions.get()
    url = reverse("cycle:direction_version_agenda", args=[version.pk])
    other = coming_meeting(operative_forum)
    assert client.post(url, {"meeting": other.pk}).status_code == 200
    meeting = coming_meeting(document.forum, days=20)
    response = client.post(url, {"meeting": meeting.pk, "title": ""})
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    version.refresh_from_db()
    assert version.agenda_item.meeting == meeting


def test_title_change(client, secretariat_user, document):
    client.force_login(secretariat_user)
    url = reverse("cycle:direction_document_edit", args=[document.pk])
    assert client.post(url, {"title": " "}).status_code == 200
    response = client.post(url, {"title": "Ny titel"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Ny titel"


def test_the_draft_review_date_defaults_to_a_year_on(secretariat_user, document, frozen_day):
    adopt(document.versions.get(), secretary=secretariat_user)
    version = services.direction_version_draft(actor=secretariat_user, document=document)
    assert version.review_on == frozen_day + datetime.timedelta(days=365)
