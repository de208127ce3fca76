"""Two factors, below /konto/tvafaktor/."""

from django.urls import path

from . import views

app_name = "two_factor"

urlpatterns = [
    path("", views.setup, name="setup"),
    path("starta/", views.start, name="start"),
    path("verifiera/", views.verify, name="verify"),
    path("reservkoder/", views.recovery, name="recovery"),
    path("reservkoder/nya/", views.recovery_regenerate, name="recovery_regenerate"),
    path("stang-av/", views.disable, name="disable"),
]
