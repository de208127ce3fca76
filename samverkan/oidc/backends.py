"""The e-ID authentication backend: mozilla-django-oidc's code flow, with the ID token checked
in full (signature, algorithm, issuer, audience, expiry) and people matched, never created."""

import logging

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .config import oidc_enabled
from .selectors import FAILED, person_for_claims

logger = logging.getLogger(__name__)

# The request attribute that carries why a sign-in was refused to the refusal page.
REFUSAL_ATTRIBUTE = "oidc_refusal"


class EidBackend(OIDCAuthenticationBackend):
    """Answers only the OIDC callback (it takes `nonce`, which no password form sends)."""

    def authenticate(self, request, *, nonce, code_verifier=None):
        if request is None or not oidc_enabled():
            return None
        setattr(request, REFUSAL_ATTRIBUTE, FAILED)
        return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)

    def retrieve_matching_jwk(self, token):
        """The provider's signing key for this token from its JWKS: the key with the token's
        `kid`, or, for a token without one, the provider's only key for the algorithm."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise SuspiciousOperation("The ID token is not a JWT.") from error
        response = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT", None),
            proxies=self.get_settings("OIDC_PROXY", None),
        )
        response.raise_for_status()
        keys = response.json().get("keys", [])
        candidates = [
            key
            for key in keys
            if isinstance(key, dict)
            and key.get("use", "sig") == "sig"
            and key.get("alg", header.get("alg")) == header.get("alg")
            and ("kid" not in header or key.get("kid") == header["kid"])
        ]
        if len(candidates) != 1:
            raise SuspiciousOperation("No single signing key in the JWKS fits the ID token.")
        try:
            return jwt.PyJWK(candidates[0], algorithm=self.OIDC_RP_SIGN_ALGO)
        except jwt.PyJWTError as error:
            raise SuspiciousOperation("The JWKS key is not usable.") from error

    def _verify_jws(self, payload, key):
        """Check the signature with the one configured algorithm, and the claims that bind the
        token to this client and this moment. (The library itself skips the audience.)"""
        try:
            algorithm = jwt.get_unverified_header(payload).get("alg")
        except jwt.PyJWTError as error:
            raise SuspiciousOperation("The ID token is not a JWT.") from error
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"The ID token is signed with {algorithm!r}.")
        try:
            claims = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"The ID token was refused: {error}") from error
        audience = claims["aud"]
        if isinstance(audience, list) and len(audience) > 1:
            if claims.get("azp") != self.OIDC_RP_CLIENT_ID:
                raise SuspiciousOperation("The ID token is for several audiences, not us.")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        """The account the verified claims name; no account is ever created here."""
        claims = self.get_userinfo(access_token, id_token, payload)
        if not isinstance(claims, dict) or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The user info is not about the ID token's subject.")
        person, refusal = person_for_claims(claims)
        if person is None:
            logger.info("e-ID sign-in refused (%s) for subject %s", refusal, payload.get("sub"))
            setattr(self.request, REFUSAL_ATTRIBUTE, refusal)
            return None
        return person
