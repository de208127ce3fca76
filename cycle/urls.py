from django.urls import path  # noqa: F401 - each topic adds its pages below

from .views import plans, priorities

app_name = "cycle"

urlpatterns = []

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
