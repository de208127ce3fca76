from django.urls import path

from .views import direction

app_name = "cycle"

urlpatterns = [
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
