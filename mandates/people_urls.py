from django.urls import path

from . import people_views as views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("ny/", views.person_create, name="person_create"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/andra/", views.person_update, name="person_update"),
    path("<int:pk>/bjud-in/", views.person_invite, name="person_invite"),
    path(
        "inbjudan/<uidb64>/<token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
]
