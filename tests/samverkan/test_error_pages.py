"""The error pages: 400, 403, 404, 500 and a refused CSRF check render in the site layout,
in Swedish unless English was chosen, with the right `<html lang>`, a way back to the start
page and nothing of the exception (no message, no stack trace). DEBUG is off in the tests.
"""

import re

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from samverkan.errors import views as error_views
from tests.samverkan.error_urls import SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.samverkan.error_urls")]

# (path, method, status, Swedish heading, English heading)
PAGES = [
    ("/fel/400/", "get", 400, "Begäran kunde inte förstås", "The request could not be understood"),
    (
        "/fel/403/",
        "get",
        403,
        "Du har inte åtkomst till sidan",
        "You do not have access to this page",
    ),
    ("/fel/404/", "get", 404, "Sidan kunde inte hittas", "The page could not be found"),
    ("/finns-inte/", "get", 404, "Sidan kunde inte hittas", "The page could not be found"),
    ("/fel/500/", "get", 500, "Något gick fel", "Something went wrong"),
    ("/fel/csrf/", "post", 403, "Formuläret kunde inte skickas", "The form could not be sent"),
]
IDS = [f"{status}-{path}" for path, _method, status, _sv, _en in PAGES]


def _client(language=None):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _heading(html):
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)
    assert len(headings) == 1, headings
    return headings[0].strip()


def test_debug_is_off():
    assert settings.DEBUG is False


@pytest.mark.parametrize(("path", "method", "status", "swedish", "english"), PAGES, ids=IDS)
def test_error_page_is_swedish_by_default(path, method, status, swedish, english):
    response = getattr(_client(), method)(path)

    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert _heading(html) == swedish
    assert 'class="site-header"' in html  # the site layout
    assert 'href="/">Till startsidan</a>' in html  # the way back
    assert SECRET not in html
    assert "Traceback" not in html


@pytest.mark.parametrize(("path", "method", "status", "swedish", "english"), PAGES, ids=IDS)
def test_error_page_is_english_when_chosen(path, method, status, swedish, english):
    response = getattr(_client("en"), method)(path)

    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert _heading(html) == english
    assert 'href="/">Go to the start page</a>' in html
    assert SECRET not in html


def test_csrf_page_keeps_the_signed_in_user(outsider_user):
    client = _client()
    client.force_login(outsider_user)

    html = client.post("/fel/csrf/").content.decode()

    assert outsider_user.get_full_name() in html  # rendered with the request's context
    assert "csrfmiddlewaretoken" in html  # the language switch still works from it


def test_a_real_page_refused_for_its_csrf_token_shows_the_page():
    response = _client().post("/konto/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert _heading(response.content.decode()) == "Formuläret kunde inte skickas"


def test_a_real_page_that_raises_permission_denied_shows_the_page(outsider_user):
    # Only an administrator may create a structure.
    client = _client()
    client.force_login(outsider_user)

    response = client.get(reverse("forums:structure_create"))

    assert response.status_code == 403
    assert outsider_user.get_full_name() in response.content.decode()


def test_the_500_page_needs_no_database_and_no_request_context(django_assert_num_queries):
    # A request without session, user or CSRF cookie: what is left when those are what broke.
    request = RequestFactory().get("/")

    with django_assert_num_queries(0), translation.override("sv"):  # as LocaleMiddleware left it
        response = error_views.server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert _heading(html) == "Något gick fel"
    assert "language-switch" not in html  # it would post without a CSRF token


def test_the_500_page_falls_back_to_fixed_text_when_its_template_fails(monkeypatch):
    def broken(name):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(error_views.loader, "get_template", broken)

    response = error_views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Något gick fel" in html
    assert "template engine down" not in html


def test_the_500_handler_is_the_safe_one():
    from samverkan import urls

    assert urls.handler500 == "samverkan.errors.views.server_error"
    assert settings.CSRF_FAILURE_VIEW == "samverkan.errors.views.csrf_failure"
