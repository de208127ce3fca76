"""The people pages and the dashboard's "Your mandates"."""

import pytest
from django.urls import reverse

from kernel.models import User
from mandates.models import Mandate
from mandates.permissions import PERMISSION_TEXT, ROLE_DUTIES
from tests.factories import OrganisationFactory, UserFactory
from tests.mandates.view_helpers import records

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


# --- people --------------------------------------------------------------------------------


def test_register_and_invite_a_person(
    client, secretariat_user, operative_forum, region_a, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client.force_login(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("people:person_create"),
            {"first_name": "Nina", "last_name": "Ny", "email": "nina@example.se",
             "organisation": region_a.pk, "invite": "on"},
        )  # fmt: skip
    person = User.objects.get(email="nina@example.se")
    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert len(mailoutbox) == 1
    assert "http://testserver/personer/inbjudan/" in mailoutbox[0].body
    page = client.get(response["Location"])
    assert page.context["can_invite"]
    assert page.context["choose_forum"] is not None


def test_a_duplicate_person_is_shown_on_the_field(client, secretariat_user):
    UserFactory(email="dubbel@example.se")
    client.force_login(secretariat_user)
    response = client.post(
        reverse("people:person_create"),
        {"first_name": "A", "last_name": "B", "email": "dubbel@example.se"},
    )
    assert "redan en registrerad person" in response.context["form"].errors["email"][0]


def test_giving_a_mandate_from_the_person_page(client, secretariat_user, operative_forum):
    person = UserFactory()
    client.force_login(secretariat_user)
    response = client.get(
        reverse("mandates:mandate_create_choose")
        + f"?forum={operative_forum.slug}&person={person.pk}"
    )
    assert response["Location"] == (
        reverse("mandates:mandate_create", args=[operative_forum.slug]) + f"?person={person.pk}"
    )


def test_contact_details_follow_the_publish_flags(
    client, outsider_user, operative_forum, give_mandate
):
    """Someone who sits in no forum with the person (here: in a public forum) sees what the
    person publishes, no more (a co-member sees it all: tests/security/test_personal_data.py)."""
    operative_forum.is_public = True
    operative_forum.save()
    published = UserFactory(phone="070-1", publish_email=True, publish_phone=False)
    give_mandate(published, operative_forum, Mandate.Role.MEMBER)
    client.force_login(outsider_user)
    page = client.get(reverse("people:person_detail", args=[published.pk]))
    assert published.email in page.text
    assert "070-1" not in page.text
    listing = client.get(reverse("people:person_list"))
    assert published.email in listing.text and "070-1" not in listing.text


def test_a_search_too_long_is_refused_on_the_form_not_cut(client, secretariat_user):
    UserFactory(last_name="Långnamn")
    client.force_login(secretariat_user)
    page = client.get(reverse("people:person_list") + "?q=" + "Långnamn" + "x" * 100)
    assert page.context["filterset"].form.errors["q"]
    assert records(page) == []
    page = client.get(reverse("people:person_list") + "?q=Långnamn")
    assert [person.last_name for person in records(page)] == ["Långnamn"]


def test_the_person_list_sorts_by_organisation(client, secretariat_user):
    for name in ("Örebro", "Alingsås", "Malmö"):
        UserFactory(title="Sorterad", organisation=OrganisationFactory(name=name))
    client.force_login(secretariat_user)
    page = client.get(reverse("people:person_list") + "?q=Sorterad&sort=-organisation")
    assert [p.organisation.name for p in records(page)] == ["Örebro", "Malmö", "Alingsås"]


# --- the dashboard -------------------------------------------------------------------------


def test_the_dashboard_says_what_each_role_lets_you_do(client, chair_user, tactical_forum):
    client.force_login(chair_user)
    page = client.get(reverse("dashboard"))
    section = page.text[page.text.index('id="mandates"') :]
    assert str(ROLE_DUTIES["chair"]) in section
    for text in PERMISSION_TEXT.values():
        assert str(text) in section
    assert reverse("mandates:forum_mandates", args=[tactical_forum.slug]) in section
