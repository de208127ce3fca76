"""What a signed-in person saw is kept by no cache; a logout clears what the browser kept;
passwords are 12 to 128 characters."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_signed_in_page_is_not_stored_and_a_public_one_may_be(operative_forum):
    operative_forum.is_public = True
    operative_forum.save()
    public = reverse("public_forums:forum_detail", args=[operative_forum.slug])
    anonymous = Client()
    assert "no-store" not in anonymous.get(public).get("Cache-Control", "")
    client = Client()
    client.force_login(UserFactory())
    for url in (reverse("dashboard"), public):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def test_a_logout_asks_the_browser_to_forget_the_site():
    client = Client()
    client.force_login(UserFactory())
    response = client.post(reverse("logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in client.get(reverse("login"))


@pytest.mark.parametrize(
    ("password", "code"),
    [("Kort-lösen1", "password_too_short"), ("å" * 129, "password_too_long")],
)
def test_a_password_is_12_to_128_characters(password, code):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert code in [error.code for error in refused.value.error_list]


def test_a_long_passphrase_is_welcome():
    validate_password("fyra slumpade ord som ingen gissar " * 3)  # 105 characters
