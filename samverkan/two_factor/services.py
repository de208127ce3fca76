"""Every write to a person's second factor. The actor is the person themself: nobody sets up,
turns off or reads another person's factors in the portal.

`second_factor_verify` is the one write that is not a single transaction: a wrong code must
leave django-otp's failure count (the throttle) behind, so a refusal is raised only after the
device has saved it; the success writes run in their own transaction.
"""

import logging
import re
import secrets
from base64 import b32encode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kernel.errors import DomainError

from .models import TwoFactorEvent
from .policy import two_factor_required

logger = logging.getLogger("samverkan.security")

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Authenticator"
RECOVERY_NAME = "Recovery codes"
WRONG_CODE = _("The code is wrong or has expired. Try again with a new code.")
THROTTLED = _("Too many wrong codes. Wait a minute and try again with a new code.")


def _normalise(token):
    return re.sub(r"[\s-]", "", token or "").lower()


def pending_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


@transaction.atomic
def totp_device_create(*, actor):
    """A new, unconfirmed authenticator (with a fresh key) for the actor; any earlier
    unconfirmed one is dropped. Confirming it replaces the one in use (a new phone)."""
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    return TOTPDevice.objects.create(user=actor, name=DEVICE_NAME, confirmed=False)


def recovery_code_digest(code):
    """What is stored of a recovery code: a keyed hash, cut to the token column (16).

    A code is 80 random bits, so a plain hash would already resist guessing; the key (from
    SECRET_KEY) keeps a copied table useless even for a short code."""
    return salted_hmac("samverkan.recovery-code", _normalise(code)).hexdigest()[:16]


def _random_code():
    """16 base32 letters and digits (80 bits), shown in groups of four."""
    letters = b32encode(secrets.token_bytes(10)).decode().lower()
    return "-".join(letters[index : index + 4] for index in range(0, 16, 4))


def _new_codes(actor):
    device, _created = StaticDevice.objects.get_or_create(
        user=actor, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_random_code() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=recovery_code_digest(code)) for code in codes]
    )
    return device, codes


def totp_device_confirm(*, actor, token):
    """Confirm the actor's pending authenticator with a code from it. Returns the device and
    the new recovery codes (shown once)."""
    device = pending_device(actor)
    if device is None:
        raise DomainError(_("Start the set-up again: there is no authenticator to confirm."))
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        raise ValidationError({"token": [THROTTLED]})
    if not device.verify_token(_normalise(token)):  # saves the failure count
        raise ValidationError({"token": [WRONG_CODE]})
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        _recovery, codes = _new_codes(actor)
        TwoFactorEvent.objects.create(user=actor, actor=actor, kind=TwoFactorEvent.Kind.CONFIRMED)
    logger.info("two factors set up", extra={"user_id": actor.pk})
    return device, codes


@transaction.atomic
def recovery_codes_regenerate(*, actor):
    """New recovery codes for the actor; the old ones stop working."""
    if not TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=True).exists():
        raise DomainError(_("Set up an authenticator app first."))
    _device, codes = _new_codes(actor)
    TwoFactorEvent.objects.create(
        user=actor, actor=actor, kind=TwoFactorEvent.Kind.CODES_REGENERATED
    )
    return codes


@transaction.atomic
def two_factor_disable(*, actor):
    """Remove the actor's authenticator and recovery codes: only for those not required."""
    if two_factor_required(actor):
        raise DomainError(_("Your role requires two factors, so they cannot be turned off."))
    TOTPDevice.objects.filter(user=actor).delete()
    StaticDevice.objects.filter(user=actor).delete()
    TwoFactorEvent.objects.create(user=actor, actor=actor, kind=TwoFactorEvent.Kind.REMOVED)
    logger.info("two factors turned off", extra={"user_id": actor.pk})


def _devices(actor):
    """The actor's confirmed devices, locked: two requests cannot use one code twice."""
    return [
        *TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=True),
        *StaticDevice.objects.select_for_update().filter(user=actor, confirmed=True),
    ]


def second_factor_verify(*, actor, token):
    """Check a code from the authenticator (six digits) or a recovery code (used up).

    Returns `(device, method)` with method "totp" or "recovery". Refused while any of the
    actor's devices is throttled, so recovery codes cannot be guessed around the
    authenticator's throttle. A refusal is raised after the transaction that saved the
    failure count."""
    token = _normalise(token)
    is_totp = token.isdigit() and len(token) == 6
    kind = TOTPDevice if is_totp else StaticDevice
    with transaction.atomic():
        devices = _devices(actor)
        if not devices:
            refusal = DomainError(_("You have no second factor to verify."))
        elif not all(device.verify_is_allowed()[0] for device in devices):
            refusal = ValidationError({"token": [THROTTLED]})
        else:
            refusal = ValidationError({"token": [WRONG_CODE]})
            for device in devices:
                stored = token if is_totp else recovery_code_digest(token)
                if isinstance(device, kind) and device.verify_token(stored):
                    if not is_totp:
                        TwoFactorEvent.objects.create(
                            user=actor, actor=actor, kind=TwoFactorEvent.Kind.RECOVERY_USED
                        )
                    return device, ("totp" if is_totp else "recovery")
    logger.warning("second factor refused", extra={"user_id": actor.pk})
    raise refusal


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
