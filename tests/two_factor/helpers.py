"""Codes computed from a device's key, as the person's authenticator app would (RFC 6238)."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_code(device):
    """The code the authenticator shows now (time-machine decides what "now" is)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def set_up_two_factors(client):
    """Set up an authenticator for the client's user through the pages; returns the device."""
    assert client.post(reverse("two_factor:start")).status_code == 302
    user_id = int(client.session["_auth_user_id"])
    device = TOTPDevice.objects.get(user_id=user_id, confirmed=False)
    response = client.post(reverse("two_factor:setup"), {"token": totp_code(device)})
    assert response.status_code == 302, response.content.decode()[:2000]
    device.refresh_from_db()
    assert device.confirmed
    return device
