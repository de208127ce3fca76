"""Whether sign-in with e-ID is configured (every setting it needs is set)."""

from django.conf import settings

MATCH_EMAIL = "email"
MATCH_PERSONAL_IDENTITY_NUMBER = "personal_identity_number"
REQUIRED = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_OP_ISSUER",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)


def oidc_enabled():
    """True when the provider's endpoints, the client id and a known matching claim are set."""
    return all(getattr(settings, name, "") for name in REQUIRED) and settings.OIDC_MATCH in (
        MATCH_EMAIL,
        MATCH_PERSONAL_IDENTITY_NUMBER,
    )
