from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kernel.views import form_submit

from . import limits, ratelimit, selectors, services
from .forms import EndOtherSessionsForm
from .passwords import CLIENT_SCOPE, QueuedPasswordResetForm


def _profile_context(request, form):
    return {
        "sessions": selectors.user_session_list_active(user=request.user),
        "current_key": request.session.session_key,
        "form": form,
    }


@login_required
def profile(request):
    """The person's own page: their sessions, logging out everywhere else, the password."""
    form = EndOtherSessionsForm(user=request.user)
    return render(request, "accounts/profile.html", _profile_context(request, form))


@login_required
@require_POST
def sessions_end_others(request):
    form = EndOtherSessionsForm(request.POST, user=request.user)
    response = form_submit(
        request,
        form,
        lambda data: services.user_sessions_end_others(
            actor=request.user,
            user=request.user,
            current_session_key=request.session.session_key,
            password=data.get("password"),
        ),
        success=reverse("accounts:profile"),
        message=lambda count: (
            _("You are logged out everywhere else (%(count)s sessions ended).") % {"count": count}
        ),
    )
    if response is not None:
        return response
    return render(request, "accounts/profile.html", _profile_context(request, form), status=200)


@login_required
@require_POST
def keep_alive(request):
    """“Stay signed in”: the request itself is the activity; says how long is left. Without
    JavaScript the form posts here and goes back to the page it came from."""
    moment = limits.now()
    services.session_touch(request, moment, force=True)
    idle, absolute = limits.remaining(request.session, moment)
    if request.headers.get("Accept", "").startswith("application/json"):
        response = JsonResponse({"idle_seconds": idle, "absolute_seconds": absolute})
        response["Content-Disposition"] = 'attachment; filename="session.json"'
        return response
    target = request.POST.get("next", "")
    if not (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        target = reverse(settings.LOGIN_REDIRECT_URL)
    return HttpResponseRedirect(target)


def too_many_requests(request, message=""):
    return render(request, "429.html", {"message": message}, status=429)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, rate-limited per client address; the e-mail goes through Celery."""

    form_class = QueuedPasswordResetForm

    def post(self, request, *args, **kwargs):
        address = services.client_address(request) or "unknown"
        if not ratelimit.allow(CLIENT_SCOPE, address, settings.PASSWORD_RESET_LIMIT_PER_CLIENT):
            return too_many_requests(
                request,
                _("Too many password reset requests from your address. Try again in an hour."),
            )
        return super().post(request, *args, **kwargs)
