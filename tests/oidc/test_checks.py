"""A half-configured e-ID sign-in is a system check error, not a silently missing button."""

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
