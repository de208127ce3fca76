from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("installningar/", views.notification_preferences, name="notification_preferences"),
    path("alla-lasta/", views.notification_mark_all_read, name="notification_mark_all_read"),
    path("<int:pk>/", views.notification_open, name="notification_open"),
    path("<int:pk>/last/", views.notification_mark_read, name="notification_mark_read"),
]
