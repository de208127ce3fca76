"""The security headers are on every kind of response: public, list, detail, form, PDF,
iCal, admin and error pages (including a request refused before any view runs)."""

import pytest
from django.test import Client
from django.urls import reverse

from meetings import services as meeting_services
from tests.factories import MeetingFactory, UserFactory
from tests.mandates.factories import pdf_upload

pytestmark = pytest.mark.django_db

DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def pages(representative_user, secretariat_user, operative_forum):
    """(page kind, user or None, method, path, status)"""
    mandate = representative_user.mandates.get()
    mandate.document = pdf_upload()
    mandate.save()
    MeetingFactory(forum=operative_forum)
    token = meeting_services.calendar_token_rotate(actor=representative_user)
    admin = UserFactory(username="admin-rubriker", is_superuser=True, is_staff=True)
    forum = {"slug": operative_forum.slug}
    return [
        ("public", None, "get", reverse("public_forums:forum_list"), 200),
        ("login", None, "get", reverse("login"), 200),
        ("list", representative_user, "get", reverse("forums:forum_list"), 200),
        ("detail", representative_user, "get", reverse("forums:forum_detail", kwargs=forum), 200),
        ("form", secretariat_user, "get", reverse("forums:forum_update", kwargs=forum), 200),
        (
            "pdf",
            representative_user,
            "get",
            reverse("mandates:mandate_document", args=[mandate.pk]),
            200,
        ),
        ("ical", None, "get", reverse("meetings:calendar_feed", args=[token.token]), 200),
        ("admin", admin, "get", reverse("admin:index"), 200),
        ("404", None, "get", "/finns-inte/", 404),
        ("403", representative_user, "get", reverse("forums:structure_create"), 403),
        ("csrf", None, "post", reverse("login"), 403),
        ("redirect", None, "get", reverse("dashboard"), 302),
    ]


def _assert_security_headers(response, kind):
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp, kind
    assert "frame-ancestors 'none'" in csp, kind
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp, kind
    policy = response.get("Permissions-Policy", "")
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in policy, (kind, feature)
    assert response.get("X-Content-Type-Options") == "nosniff", kind
    assert response.get("Referrer-Policy") == "same-origin", kind
    assert response.get("X-Frame-Options") == "DENY", kind
    assert "Access-Control-Allow-Origin" not in response, kind  # no cross-origin reads
    content_type = response.get("Content-Type", "")
    if content_type.startswith(("text/", "application/json")):
        assert "charset=utf-8" in content_type.lower(), (kind, content_type)


def test_every_page_kind_has_the_security_headers(pages):
    for kind, user, method, path, status in pages:
        client = Client(enforce_csrf_checks=True)
        if user is not None:
            client.force_login(user)
        response = getattr(client, method)(path)
        assert response.status_code == status, (kind, response.status_code)
        _assert_security_headers(response, kind)


def test_a_request_refused_before_any_view_has_the_headers():
    # A Host the site does not serve: CommonMiddleware refuses it (400) before any view.
    response = Client(HTTP_HOST="angripare.example").get("/")

    assert response.status_code == 400
    _assert_security_headers(response, "bad host")


def test_the_favicon_is_served_at_the_root():
    response = Client().get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
