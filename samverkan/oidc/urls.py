from django.urls import path

from . import views

app_name = "oidc"
urlpatterns = [
    path("", views.AuthenticateView.as_view(), name="authenticate"),
    path("tillbaka/", views.CallbackView.as_view(), name="callback"),
    path("logga-ut/", views.LogoutView.as_view(), name="logout"),
    path(
        "personnummer/<int:pk>/",
        views.person_identity_number,
        name="person_identity_number",
    ),
]
