from django.contrib import admin
from django.urls import include, path

from . import views
from .accounts.views import PasswordResetView

# The 500 page renders without the request (the database or session may be what broke).
handler500 = "samverkan.errors.views.server_error"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("konto/tvafaktor/", include("samverkan.two_factor.urls")),
    path("konto/password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("konto/", include("samverkan.accounts.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("konto/e-legitimation/", include("samverkan.oidc.urls")),
    path("mandat/", include("mandates.urls")),
    path("personer/", include("mandates.people_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("forum/", include("forums.urls")),
    path("forum/", include("mandates.member_urls")),  # a forum's member lists
    path("forum/", include("samverkan.wind_down.urls")),  # the wind-down page's actions
    path("offentligt/", include("forums.public_urls")),
    path("arenden/", include("escalation.urls")),
    path("moten/", include("meetings.urls")),
    path("arshjul/", include("cycle.urls")),
    path("aviseringar/", include("samverkan.notifications.urls")),
    path("sok/", include("samverkan.search.urls")),
    path("oparl/", include("samverkan.oparl.urls")),
]
