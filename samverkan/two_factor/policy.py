"""Who must have a second factor, and whether this session has proved one."""

import functools

from django_otp.plugins.otp_totp.models import TOTPDevice

from kernel.auth_levels import has_strong_auth


def two_factor_required(user):
    """Administrators and the secretariat staff of any structure must use two factors."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.secretariat_structures.exists()


def has_confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def session_verified(request):
    """A second factor proved in this session (django-otp) or an e-ID sign-in."""
    user = request.user
    if has_strong_auth(request):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def protect_admin_site(site):
    """The admin opens only to a session that proved a second factor, whatever else it holds."""
    if getattr(site.has_permission, "two_factor", False):
        return
    original = site.has_permission

    @functools.wraps(original)
    def has_permission(request):
        return original(request) and session_verified(request)

    has_permission.two_factor = True
    site.has_permission = has_permission
