"""System checks: e-ID half configured is an error, not a silently missing button."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register

from .config import MATCH_EMAIL, MATCH_PERSONAL_IDENTITY_NUMBER, REQUIRED

ENDPOINTS = (
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_OP_END_SESSION_ENDPOINT",
)


@register()
def oidc_configuration(*args, **kwargs):
    given = [name for name in REQUIRED if getattr(settings, name, "")]
    if not given:
        return []
    errors = []
    missing = [name for name in REQUIRED if name not in given]
    if missing:
        errors.append(
            Error(
                f"Sign-in with e-ID is partly configured; also set {', '.join(missing)}.",
                id="oidc.E001",
            )
        )
    if settings.OIDC_MATCH not in (MATCH_EMAIL, MATCH_PERSONAL_IDENTITY_NUMBER):
        errors.append(
            Error(
                "OIDC_MATCH must be 'email' or 'personal_identity_number'.",
                id="oidc.E002",
            )
        )
    if not settings.DEBUG:
        plain = [
            name
            for name in ENDPOINTS
            if getattr(settings, name, "") and urlsplit(getattr(settings, name)).scheme != "https"
        ]
        if plain:
            errors.append(
                Error(f"The e-ID endpoints must use https: {', '.join(plain)}.", id="oidc.E003")
            )
    return errors
