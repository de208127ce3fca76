from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.my_meetings, name="my_meetings"),
    path("kalender/", views.calendar_feeds, name="calendar_feeds"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("forum/<slug:slug>/", views.forum_meetings, name="forum_meetings"),
    path("forum/<slug:slug>/nytt/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/andra/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/stall-in/", views.meeting_cancel, name="meeting_cancel"),
    path("<int:pk>/mote.ics", views.meeting_ics_download, name="meeting_ics"),
    path("<int:pk>/dagordning/ny/", views.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/narvaro/", views.attendance_edit, name="attendance_edit"),
    path("<int:pk>/protokoll/nytt/", views.minutes_create, name="minutes_create"),
    path("<int:pk>/atgarder/ny/", views.action_item_add, name="action_item_add"),
    path("<int:pk>/<slug:action>/", views.meeting_action, name="meeting_action"),
    path("punkt/<int:pk>/flytta/<str:direction>/", views.agenda_item_move, name="agenda_item_move"),
    path("punkt/<int:pk>/ta-bort/", views.agenda_item_remove, name="agenda_item_remove"),
    path("punkt/<int:pk>/beslut/", views.decision_record, name="decision_record"),
    path("protokoll/verifiera/", views.minutes_verify, name="minutes_verify"),
    path("protokoll/<int:pk>/", views.minutes_detail, name="minutes_detail"),
    path("protokoll/<int:pk>/andra/", views.minutes_edit, name="minutes_edit"),
    path("protokoll/<int:pk>/pdf/", views.minutes_pdf, name="minutes_pdf"),
    path("protokoll/<int:pk>/<slug:action>/", views.minutes_action, name="minutes_action"),
    path("atgard/<int:pk>/klar/", views.action_item_done, name="action_item_done"),
]
