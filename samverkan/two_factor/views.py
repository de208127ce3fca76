"""Set up, verify, recovery codes and turning off: each page is about the signed-in person."""

import base64
import functools

import segno
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login

from kernel.auth_levels import mark_strong_auth
from kernel.views import action_submit, form_submit

from . import services
from .forms import ConfirmForm, SetupTokenForm, TokenForm
from .policy import has_confirmed_device, session_verified, two_factor_required

NEW_CODES_SESSION_KEY = "two_factor_new_codes"


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("dashboard")


def _qr_data_uri(device):
    """The otpauth:// link as an SVG QR code in a data: URI (CSP allows data: images)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=4)


def _secret(device):
    text = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[index : index + 4] for index in range(0, len(text), 4))


def verified_if_enrolled(view):
    """A person with an authenticator proves it before any other two-factor page (also where
    the middleware is not in the way): a password alone never reaches codes or keys."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if has_confirmed_device(request.user) and not session_verified(request):
            return redirect(f"{reverse('two_factor:verify')}?{urlencode({'next': request.path})}")
        return view(request, *args, **kwargs)

    return wrapper


def _keep_codes(request, codes):
    request.session[NEW_CODES_SESSION_KEY] = codes


@login_required
@verified_if_enrolled
@require_POST
def start(request):
    return action_submit(
        request,
        lambda: services.totp_device_create(actor=request.user),
        success=reverse("two_factor:setup"),
        failure=reverse("two_factor:setup"),
    )


@login_required
@verified_if_enrolled
@require_http_methods(["GET", "POST"])
def setup(request):
    device = services.pending_device(request.user)
    form = SetupTokenForm(request.POST or None)

    def confirm(data):
        device, codes = services.totp_device_confirm(actor=request.user, token=data["token"])
        otp_login(request, device)
        mark_strong_auth(request, "totp")
        request.session.cycle_key()
        _keep_codes(request, codes)
        return device

    done = form_submit(
        request,
        form,
        confirm,
        success=reverse("two_factor:recovery"),
        message=_("Two factors are on. Save your recovery codes now."),
    )
    context = {
        "form": form,
        "device": device,
        "required": two_factor_required(request.user),
        "replacing": has_confirmed_device(request.user),
        "next": _next(request),
    }
    if device is not None:
        context |= {"qr": _qr_data_uri(device), "secret": _secret(device)}
    return done or render(request, "two_factor/setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    if session_verified(request) or not has_confirmed_device(request.user):
        return redirect(_next(request))
    form = TokenForm(request.POST or None)
    target = _next(request)

    def check(data):
        device, method = services.second_factor_verify(actor=request.user, token=data["token"])
        otp_login(request, device)
        mark_strong_auth(request, method)
        request.session.cycle_key()
        return method

    def message(method):
        if method != "recovery":
            return ""
        left = services.recovery_codes_left(request.user)
        return _(
            "You used a recovery code; %(left)s are left. Create new ones if you run short."
        ) % {"left": left}

    done = form_submit(request, form, check, success=target, message=message)
    return done or render(request, "two_factor/verify.html", {"form": form, "next": target})


@login_required
@verified_if_enrolled
@require_GET
def recovery(request):
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    context = {
        "codes": codes,
        "has_device": has_confirmed_device(request.user),
        "left": services.recovery_codes_left(request.user),
        "required": two_factor_required(request.user),
    }
    return render(request, "two_factor/recovery.html", context)


@login_required
@verified_if_enrolled
@require_http_methods(["GET", "POST"])
def recovery_regenerate(request):
    form = ConfirmForm(request.POST or None)

    def regenerate(data):
        codes = services.recovery_codes_regenerate(actor=request.user)
        _keep_codes(request, codes)
        return codes

    done = form_submit(
        request,
        form,
        regenerate,
        success=reverse("two_factor:recovery"),
        message=_("New recovery codes were created; the old ones no longer work."),
    )
    return done or render(request, "two_factor/recovery_regenerate.html", {"form": form})


@login_required
@verified_if_enrolled
@require_http_methods(["GET", "POST"])
def disable(request):
    form = ConfirmForm(request.POST or None)
    done = form_submit(
        request,
        form,
        lambda data: services.two_factor_disable(actor=request.user),
        success=reverse("dashboard"),
        message=_("Two factors are turned off."),
    )
    context = {"form": form, "required": two_factor_required(request.user)}
    return done or render(request, "two_factor/disable.html", context)
