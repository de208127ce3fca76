"""Which account an e-ID sign-in names, by the one verified claim the settings choose."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q

from kernel import personal_numbers

from .config import MATCH_PERSONAL_IDENTITY_NUMBER

# Why a sign-in was refused; the refusal page says it in words.
UNVERIFIED = "unverified"  # the provider did not vouch for the claim
UNKNOWN = "unknown"  # no account (or no invitation) for this person
AMBIGUOUS = "ambiguous"  # the claim names more than one account
INACTIVE = "inactive"
FAILED = "failed"  # anything else: a bad token, a bad state, the provider unreachable


def _account_in_use():
    """An account someone was meant to sign in to: a password is set, it was used, or the
    person was invited. The secretariat registers many people (as contacts, for mandates)
    who never get an account; an e-mail address alone does not give them one."""
    has_password = ~Q(password="") & ~Q(password__startswith=UNUSABLE_PASSWORD_PREFIX)
    return has_password | Q(last_login__isnull=False) | Q(invitations__isnull=False)


def person_for_claims(claims):
    """(person, None) for the one account the verified claims name, else (None, reason).

    By e-mail: only when the provider says `email_verified` is true, and only an account in
    use or an invited person. By personal identity number: the account whose stored keyed
    hash matches (the number is linked to an account on purpose, so that link is the grant).
    """
    people = get_user_model().objects.all()
    if settings.OIDC_MATCH == MATCH_PERSONAL_IDENTITY_NUMBER:
        hashed = personal_numbers.digest(claims.get(settings.OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM))
        if not hashed:
            return None, UNVERIFIED
        found = list(people.filter(personal_identity_number_hash=hashed)[:2])
    else:
        email = claims.get("email")
        if claims.get("email_verified") is not True or not isinstance(email, str):
            return None, UNVERIFIED
        email = email.strip()
        if not email or "\x00" in email:
            return None, UNVERIFIED
        found = list(
            people.filter(_account_in_use(), email__iexact=email).distinct().order_by("pk")[:2]
        )
    if not found:
        return None, UNKNOWN
    if len(found) > 1:
        return None, AMBIGUOUS
    if not found[0].is_active:
        return None, INACTIVE
    return found[0], None
