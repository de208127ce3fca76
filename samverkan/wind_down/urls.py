"""The wind-down page's actions, below the forum's own wind-down page (forums:forum_wind_down)."""

from django.urls import path

from . import views

app_name = "forum_wind_down"

urlpatterns = [
    path("<slug:slug>/avveckla/arenden/<str:reference>/", views.case_decide, name="case"),
    path("<slug:slug>/avveckla/moten/", views.meetings_cancel, name="meetings"),
    path("<slug:slug>/avveckla/moten/<int:pk>/", views.meeting_cancel, name="meeting"),
]
