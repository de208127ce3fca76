"""Pages anyone can read without logging in: public forums, their charter and members."""

from django.urls import path

from . import views

app_name = "public_forums"

urlpatterns = [
    path("", views.public_forum_list, name="forum_list"),
    path("<slug:slug>/", views.public_forum_detail, name="forum_detail"),
]
