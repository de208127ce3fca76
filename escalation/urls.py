from django.urls import path

from . import views

app_name = "escalation"

urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("nytt/", views.case_raise, name="case_raise"),
    path("nytt/organisationer/", views.organisation_options, name="organisation_options"),
    path("sekretariat/<slug:slug>/", views.secretariat_cases, name="secretariat_cases"),
    path("<str:reference>/", views.case_detail, name="case_detail"),
    path("<str:reference>/historik/", views.case_history, name="case_history"),
    path("<str:reference>/folj/", views.case_follow, name="case_follow"),
    path("<str:reference>/sluta-folja/", views.case_unfollow, name="case_unfollow"),
    path("<str:reference>/bilagor/ny/", views.attachment_add, name="attachment_add"),
    path(
        "<str:reference>/bilagor/<int:pk>/", views.attachment_download, name="attachment_download"
    ),
    path("<str:reference>/<slug:step>/", views.case_step, name="case_step"),
]
