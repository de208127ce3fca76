"""The personal identity number: normalised, checked, stored only as a keyed hash, unique."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from kernel import personal_numbers
from samverkan.oidc.services import person_identity_number_set
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NUMBER = "19121212-1212"


@pytest.mark.parametrize("written", ["191212121212", "19121212-1212", " 19121212 1212 "])
def test_the_forms_of_a_number_give_one_hash(written):
    assert personal_numbers.digest(written) == personal_numbers.digest(NUMBER)
    assert len(personal_numbers.digest(written)) == 64


@pytest.mark.parametrize(
    "written", ["19121212-1213", "121212-1212", "1912121212125", "١٩١٢١٢١٢١٢١٢", None, 191212121212]
)
def test_not_a_number_gives_no_hash(written):
    assert personal_numbers.digest(written) == ""


def test_the_hash_is_keyed(settings):
    first = personal_numbers.digest(NUMBER)
    settings.PERSONAL_IDENTITY_NUMBER_KEY = "another key"
    assert personal_numbers.digest(NUMBER) != first


def test_two_people_cannot_share_a_number():
    UserFactory(personal_identity_number_hash=personal_numbers.digest(NUMBER))
    with transaction.atomic(), pytest.raises(IntegrityError, match="user_personal_identity_number"):
        UserFactory(personal_identity_number_hash=personal_numbers.digest(NUMBER))
    UserFactory(personal_identity_number_hash="")
    UserFactory(personal_identity_number_hash="")  # blank is no number: many may have none


def test_the_service_refuses_a_taken_or_bad_number_and_outsiders(secretariat_user, outsider_user):
    first, second = UserFactory(), UserFactory()
    person_identity_number_set(actor=secretariat_user, person=first, number=NUMBER)
    with pytest.raises(ValidationError, match="En annan person"):
        person_identity_number_set(actor=secretariat_user, person=second, number="191212121212")
    with pytest.raises(ValidationError, match="tolv siffror"):
        person_identity_number_set(actor=secretariat_user, person=second, number="1212121212")
    with pytest.raises(PermissionDenied):
        person_identity_number_set(actor=outsider_user, person=second, number=NUMBER)
    person_identity_number_set(actor=secretariat_user, person=first, number="")
    first.refresh_from_db()
    assert first.personal_identity_number_hash == ""
    assert first.history.first().history_change_reason == "personal identity number removed"


def test_the_secretariat_links_a_number_on_the_page(client, secretariat_user):
    person = UserFactory()
    client.force_login(secretariat_user)
    url = reverse("oidc:person_identity_number", args=[person.pk])
    assert "Inget personnummer är kopplat" in client.get(url).content.decode()
    response = client.post(url, {"personal_identity_number": "19121212-1212"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.personal_identity_number_hash == personal_numbers.digest(NUMBER)
    page = client.get(url).content.decode()
    assert "1212" not in page.split("<main", 1)[-1].split("</main>")[0]
    response = client.post(url, {"personal_identity_number": "19121212-1299"})
    assert response.status_code == 200  # shown again with the error


def test_the_person_page_links_to_it_for_those_who_may_change_the_person(
    client, secretariat_user, representative_user
):
    url = reverse("oidc:person_identity_number", args=[representative_user.pk])
    client.force_login(secretariat_user)
    page = client.get(reverse("people:person_detail", args=[representative_user.pk]))
    assert f'href="{url}"' in page.content.decode()
    client.force_login(representative_user)
    page = client.get(reverse("people:person_detail", args=[representative_user.pk]))
    assert url not in page.content.decode()
