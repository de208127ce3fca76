"""A half-configured e-ID sign-in is a system check error, not a silently missing button."""

import os
import subprocess
import sys

from samverkan.oidc.checks import oidc_configuration


def test_not_configured_is_fine():
    assert oidc_configuration(None) == []


def test_partly_configured_names_what_is_missing(settings):
    settings.OIDC_RP_CLIENT_ID = "portal"
    errors = oidc_configuration(None)
    assert [error.id for error in errors] == ["oidc.E001"]
    assert "OIDC_OP_JWKS_ENDPOINT" in errors[0].msg


def test_an_unknown_match_and_plain_http_are_errors(settings):
    settings.DEBUG = False
    settings.OIDC_RP_CLIENT_ID = "portal"
    settings.OIDC_OP_ISSUER = "https://idp.example"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.example/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    settings.OIDC_MATCH = "name"
    errors = oidc_configuration(None)
    assert [error.id for error in errors] == ["oidc.E002", "oidc.E003"]
    assert "OIDC_OP_TOKEN_ENDPOINT" in errors[1].msg


def test_the_end_session_origin_is_allowed_as_a_form_action():
    """The logout form redirects to the provider; browsers hold that to form-action."""
    code = (
        "from samverkan.settings import base; "
        "print(base.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    )
    env = {**os.environ, "OIDC_OP_END_SESSION_ENDPOINT": "https://idp.example:8443/logout?x=1"}
    out = subprocess.run(  # noqa: S603 - our interpreter, our code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[\"'self'\", 'https://idp.example:8443']"
