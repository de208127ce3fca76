"""Swedish personal identity numbers (personnummer), kept only as a keyed hash.

The portal never shows a personal identity number; it only needs to recognise the person an
e-ID sign-in names. So the user row holds an HMAC of the normalised number, keyed with
PERSONAL_IDENTITY_NUMBER_KEY (by default derived from SECRET_KEY). A plain hash would not
protect the number: there are only some tens of millions of valid numbers, and a stolen
database could be hashed through in minutes. Without the key, which is not in the database,
the column says nothing.
"""

import re

from django.conf import settings
from django.utils.crypto import salted_hmac

_SEPARATORS = re.compile(r"[\s\-+]")


def normalise(number):
    """The twelve digits YYYYMMDDNNNN of a personal identity number, or None when `number`
    is not one (wrong length, not digits, wrong check digit).

    Ten-digit forms are refused: their century is a guess.
    """
    if not isinstance(number, str):
        return None
    digits = _SEPARATORS.sub("", number)
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return None
    if not _luhn_ok(digits[2:]):
        return None
    return digits


def _luhn_ok(ten_digits):
    total = 0
    for position, char in enumerate(ten_digits):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def digest(number):
    """The keyed hash stored on the user for `number`, or "" when it is not a valid number."""
    digits = normalise(number)
    if digits is None:
        return ""
    secret = settings.PERSONAL_IDENTITY_NUMBER_KEY or settings.SECRET_KEY
    return salted_hmac(
        "samverkan.personal_identity_number", digits, secret=secret, algorithm="sha256"
    ).hexdigest()
