"""The portal's URLs plus views that fail in each way, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.urls import path

from samverkan.urls import urlpatterns as portal_urlpatterns

SECRET = "secret-detail-7f3a"  # in every exception: it must never reach the page


def bad_request(request):
    raise SuspiciousOperation(SECRET)


def forbidden(request):
    raise PermissionDenied(SECRET)


def not_found(request):
    raise Http404(SECRET)


def server_error(request):
    raise RuntimeError(SECRET)


def form(request):
    return HttpResponse("sent")


urlpatterns = [
    *portal_urlpatterns,
    path("fel/400/", bad_request),
    path("fel/403/", forbidden),
    path("fel/404/", not_found),
    path("fel/500/", server_error),
    path("fel/csrf/", form),
]

handler500 = "samverkan.errors.views.server_error"
