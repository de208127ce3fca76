"""One real OIDC provider process per test session, and a portal configured for it."""

import copy
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from .providers import MockProvider, TinyProvider

CLIENT_ID = "samverkan-portal"


@pytest.fixture(scope="session")
def provider():
    running = MockProvider()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def expiring_provider():
    """The same provider, issuing ID tokens that expired a minute before they were issued."""
    running = MockProvider(token_max_age=-60)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def tiny_provider():
    running = TinyProvider(client_id=CLIENT_ID)
    yield running
    running.stop()


def configure(settings, provider, **extra):
    """What the environment would set; the CSP's form-action as base.py makes it."""
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "a-client-secret"  # noqa: S105 - the mock takes any
    for name, value in {**provider.settings(), **extra}.items():
        setattr(settings, name, value)
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"].append(provider.url)
    settings.CONTENT_SECURITY_POLICY = policy


@pytest.fixture
def eid(settings, provider):
    """The portal configured for the real provider, matching by verified e-mail."""
    configure(settings, provider, OIDC_MATCH="email")
    return provider


def start(client, next_url=None):
    """The login page's e-ID button: the portal sends the browser to the provider."""
    url = reverse("oidc:authenticate")
    response = client.get(url, {"next": next_url} if next_url else {})
    assert response.status_code == 302
    return response["Location"]


def callback_path(url):
    parts = urlsplit(url)
    assert parts.path == reverse("oidc:callback")
    return f"{parts.path}?{parts.query}"


def sign_in(client, provider, sub, next_url=None):
    """The whole round: portal -> provider (real HTTP) -> portal's callback."""
    authorize_url = start(client, next_url)
    assert authorize_url.startswith(provider.url)
    return client.get(callback_path(provider.authorize(authorize_url, sub)))
