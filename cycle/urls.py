from django.urls import path

from . import views
from .views import direction
from .views import follow_up as follow_up_views

app_name = "cycle"

urlpatterns = [
    # The follow-up of a structure's year (charts with their tables).
    path("uppfoljning/<slug:slug>/<int:year>/", follow_up_views.follow_up, name="follow_up"),
    path(
        "uppfoljning/<slug:slug>/<int:year>/diagram/<slug:key>.svg",
        follow_up_views.follow_up_chart,
        name="follow_up_chart",
    ),
    # annual reports
    path(
        "forum/<slug:slug>/arsrapport/ny/",
        views.annual_report_create,
        name="annual_report_create",
    ),
    path("arsrapport/<int:pk>/", views.annual_report_detail, name="annual_report_detail"),
    path(
        "arsrapport/<int:pk>/text/<slug:key>/",
        views.annual_report_text,
        name="annual_report_text",
    ),
    path(
        "arsrapport/<int:pk>/dagordning/", views.annual_report_agenda, name="annual_report_agenda"
    ),
    path("arsrapport/<int:pk>/skickad/", views.annual_report_sent, name="annual_report_sent"),
    path("arsrapport/<int:pk>/pdf/", views.annual_report_pdf, name="annual_report_pdf"),
    path("arsrapport/<int:pk>/word/", views.annual_report_docx, name="annual_report_docx"),
    path(
        "offentligt/arsrapport/<int:pk>/",
        views.annual_report_public,
        name="annual_report_public",
    ),
    # Direction documents (inriktningsdokument) of a tactical forum.
    path(
        "forum/<slug:slug>/inriktningsdokument/nytt/",
        direction.direction_document_create,
        name="direction_document_create",
    ),
    path(
        "inriktningsdokument/<int:pk>/",
        direction.direction_document_detail,
        name="direction_document_detail",
    ),
    path(
        "inriktningsdokument/<int:pk>/andra/",
        direction.direction_document_edit,
        name="direction_document_edit",
    ),
    path(
        "inriktningsdokument/<int:pk>/ny-version/",
        direction.direction_version_draft,
        name="direction_version_draft",
    ),
    path(
        "inriktningsdokument/version/<int:pk>/andra/",
        direction.direction_version_edit,
        name="direction_version_edit",
    ),
    path(
        "inriktningsdokument/version/<int:pk>/dagordning/",
        direction.direction_version_agenda,
        name="direction_version_agenda",
    ),
]
