from django.urls import path

from . import views

app_name = "forums"

urlpatterns = [
    path("", views.forum_list, name="forum_list"),
    path("strukturer/", views.structure_list, name="structure_list"),
    path("strukturer/ny/", views.structure_create, name="structure_create"),
    path("strukturer/<slug:slug>/", views.structure_detail, name="structure_detail"),
    path("strukturer/<slug:slug>/andra/", views.structure_update, name="structure_update"),
    path(
        "strukturer/<slug:slug>/sekretariat/",
        views.structure_secretariat,
        name="structure_secretariat",
    ),
    path("strukturer/<slug:slug>/arkivera/", views.structure_archive, name="structure_archive"),
    path("strukturer/<slug:slug>/aterstall/", views.structure_restore, name="structure_restore"),
    path("strukturer/<slug:slug>/nytt-forum/", views.forum_create, name="forum_create"),
    path("strukturer/<slug:slug>/ny-part/", views.party_create, name="party_create"),
    path(
        "strukturer/<slug:slug>/uppdragsgivare/",
        views.principal_body_options,
        name="principal_body_options",
    ),
    path("parter/<int:pk>/andra/", views.party_update, name="party_update"),
    path("parter/<int:pk>/arkivera/", views.party_archive, name="party_archive"),
    path("parter/<int:pk>/aterstall/", views.party_restore, name="party_restore"),
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/ny/", views.organisation_create, name="organisation_create"),
    path("organisationer/<int:pk>/andra/", views.organisation_update, name="organisation_update"),
    path(
        "organisationer/<int:pk>/arkivera/",
        views.organisation_archive,
        name="organisation_archive",
    ),
    path(
        "organisationer/<int:pk>/aterstall/",
        views.organisation_restore,
        name="organisation_restore",
    ),
    # Forum slugs come last: the words above are reserved (forums.services.RESERVED_SLUGS).
    # The member lists (<slug>/medlemmar.csv, .xlsx) are served by mandates.member_urls.
    path("<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("<slug:slug>/andra/", views.forum_update, name="forum_update"),
    path("<slug:slug>/uppdrag/", views.charter_update, name="charter_update"),
    path("<slug:slug>/platser/", views.seat_set, name="seat_set"),
    path("<slug:slug>/avveckla/", views.forum_wind_down, name="forum_wind_down"),
]
