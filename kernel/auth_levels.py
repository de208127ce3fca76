"""How strongly the person in this session proved who they are.

A password is one factor. A second factor (a TOTP code or a recovery code) or a Swedish e-ID
(BankID, Freja eID through OIDC, which is itself two factors) makes the session strong.
Two-factor enforcement reads this; the OTP and e-ID sign-ins write it.
"""

STRONG_AUTH_SESSION_KEY = "samverkan_strong_auth"


def mark_strong_auth(request, method):
    """Record that this session was proved with `method` ("totp", "recovery", "eid")."""
    request.session[STRONG_AUTH_SESSION_KEY] = method


def has_strong_auth(request):
    return bool(request.session.get(STRONG_AUTH_SESSION_KEY))
