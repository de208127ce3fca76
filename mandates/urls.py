from django.urls import path

from . import import_views, views

app_name = "mandates"

urlpatterns = [
    path("", views.mandate_list, name="mandate_list"),
    path("ny/", views.mandate_create_choose, name="mandate_create_choose"),
    path("<int:pk>/", views.mandate_detail, name="mandate_detail"),
    path("<int:pk>/andra/", views.mandate_update, name="mandate_update"),
    path("<int:pk>/aktivera/", views.mandate_activate, name="mandate_activate"),
    path("<int:pk>/avsluta/", views.mandate_end, name="mandate_end"),
    path("<int:pk>/aterkalla/", views.mandate_revoke, name="mandate_revoke"),
    path("<int:pk>/dokument/", views.mandate_document, name="mandate_document"),
    path("forum/<slug:slug>/", views.forum_mandates, name="forum_mandates"),
    path("forum/<slug:slug>/ny/", views.mandate_create, name="mandate_create"),
    path("forum/<slug:slug>/ny/personer/", views.person_options, name="person_options"),
    path("forum/<slug:slug>/rotation/", views.rotation, name="rotation"),
    path("struktur/<slug:slug>/regelkontroll/", views.compliance, name="compliance"),
    path("struktur/<slug:slug>/import/", import_views.import_create, name="import_create"),
    path("import/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("import/<int:pk>/forlopp/", import_views.import_progress, name="import_progress"),
    path("import/<int:pk>/bekrafta/", import_views.import_confirm, name="import_confirm"),
]
