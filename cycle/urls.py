from django.urls import path

from . import views
from .views import direction, plans, priorities
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

# --- priority areas and action plans ---------------------------------------------------------
urlpatterns += [
    path(
        "forum/<slug:slug>/prioriteringar/ny/",
        priorities.priority_set_create,
        name="priority_set_create",
    ),
    path("prioriteringar/<int:pk>/", priorities.priority_set_detail, name="priority_set_detail"),
    path("prioriteringar/<int:pk>/andra/", priorities.priority_set_edit, name="priority_set_edit"),
    path(
        "prioriteringar/<int:pk>/dagordning/",
        priorities.priority_set_put_on_agenda,
        name="priority_set_put_on_agenda",
    ),
    path(
        "prioriteringar/<int:pk>/omraden/ny/",
        priorities.priority_area_add,
        name="priority_area_add",
    ),
    path("omraden/<int:pk>/andra/", priorities.priority_area_edit, name="priority_area_edit"),
    path(
        "omraden/<int:pk>/kopplingar/", priorities.priority_area_links, name="priority_area_links"
    ),
    path(
        "omraden/<int:pk>/flytta/<str:direction>/",
        priorities.priority_area_move,
        name="priority_area_move",
    ),
    path("omraden/<int:pk>/ta-bort/", priorities.priority_area_remove, name="priority_area_remove"),
    path(
        "forum/<slug:slug>/handlingsplaner/ny/",
        plans.action_plan_create,
        name="action_plan_create",
    ),
    path("handlingsplaner/<int:pk>/", plans.action_plan_detail, name="action_plan_detail"),
    path("handlingsplaner/<int:pk>/andra/", plans.action_plan_edit, name="action_plan_edit"),
    path(
        "handlingsplaner/<int:pk>/dagordning/",
        plans.action_plan_put_on_agenda,
        name="action_plan_put_on_agenda",
    ),
    path("handlingsplaner/<int:pk>/pdf/", plans.action_plan_pdf, name="action_plan_pdf"),
    path("handlingsplaner/<int:pk>/word/", plans.action_plan_docx, name="action_plan_docx"),
    path("handlingsplaner/<int:pk>/aktiviteter/ny/", plans.activity_add, name="activity_add"),
    path("aktiviteter/<int:pk>/andra/", plans.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/ta-bort/", plans.activity_remove, name="activity_remove"),
    path("aktiviteter/<int:pk>/uppfoljning/", plans.activity_follow_up, name="activity_follow_up"),
]
