"""The person's own account pages, below /konto/ (next to Django's sign-in pages)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/logga-ut-overallt/", views.sessions_end_others, name="sessions_end_others"),
    path("session/forlang/", views.keep_alive, name="keep_alive"),
]
