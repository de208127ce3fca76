"""The permission matrix of the notification pages (the `notifications` namespace): every
signed-in person reaches their own notices; anonymous visitors are sent to sign in; another
person's notice is not found (404), for reading as for marking it read."""

import pytest
from django.test import Client
from django.urls import reverse

from kernel.models import Notification
from tests.factories import NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db

# name: (method, target, anonymous, the recipient, someone else)
MATRIX = {
    "notifications:notification_list": ("get", None, 302, 200, 200),
    "notifications:notification_preferences": ("get", None, 302, 200, 200),
    "notifications:notification_mark_all_read": ("post", None, 302, 302, 302),
    "notifications:notification_open": ("get", "notice", 302, 302, 404),
    "notifications:notification_mark_read": ("post", "notice", 302, 302, 404),
}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(name):
    method, target, anonymous, recipient_status, other_status = MATRIX[name]
    recipient, other = UserFactory(), UserFactory()
    notice = NotificationFactory(recipient=recipient, link="/moten/")
    url = reverse(name, kwargs={"pk": notice.pk} if target else {})
    response = getattr(Client(), method)(url)
    assert response.status_code == anonymous
    assert response["Location"].startswith(reverse("login"))

    client = Client()
    client.force_login(other)
    assert getattr(client, method)(url).status_code == other_status
    notice.refresh_from_db()
    assert notice.read_at is None  # someone else changed nothing

    client = Client()
    client.force_login(recipient)
    assert getattr(client, method)(url).status_code == recipient_status


@pytest.mark.parametrize(
    "name", ["notifications:notification_mark_all_read", "notifications:notification_mark_read"]
)
def test_a_get_of_a_button_is_refused(name):
    recipient = UserFactory()
    notice = NotificationFactory(recipient=recipient)
    kwargs = {"pk": notice.pk} if name.endswith("_mark_read") else {}
    client = Client()
    client.force_login(recipient)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 405
    assert Notification.objects.get(pk=notice.pk).read_at is None


def test_a_pk_beyond_any_integer_is_not_found():
    client = Client()
    client.force_login(UserFactory())
    assert client.get("/aviseringar/99999999999999999999/").status_code == 404
