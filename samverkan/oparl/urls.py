"""OParl 1.1 (https://oparl.org): the public record as JSON, the System object at /oparl/."""

from django.urls import path

from . import views

app_name = "oparl"

urlpatterns = [
    path("", views.system, name="system"),
    path("body/", views.body_list, name="body_list"),
    path("body/<int:pk>/", views.body, name="body"),
    path("body/<int:pk>/organization/", views.body_organizations, name="body_organizations"),
    path("body/<int:pk>/person/", views.body_people, name="body_people"),
    path("body/<int:pk>/meeting/", views.body_meetings, name="body_meetings"),
    path("body/<int:pk>/paper/", views.body_papers, name="body_papers"),
    path("body/<int:pk>/membership/", views.body_memberships, name="body_memberships"),
    path("body/<int:pk>/file/", views.body_files, name="body_files"),
    path("body/<int:pk>/legislative-term/", views.body_terms, name="body_terms"),
    path("body/<int:pk>/term/<int:year>/", views.term, name="term"),
    path("gremium/<int:pk>/", views.forum, name="forum"),
    path("gremium/<int:pk>/meeting/", views.forum_meetings, name="forum_meetings"),
    path("organization/<int:pk>/", views.organisation, name="organisation"),
    path("person/<int:pk>/", views.person, name="person"),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("agenda-item/<int:pk>/", views.agenda_item, name="agenda_item"),
    path("consultation/<int:pk>/", views.consultation, name="consultation"),
    path("paper/<int:pk>/", views.paper, name="paper"),
    path("file/<int:pk>/", views.file, name="file"),
    path("location/<int:pk>/", views.location, name="location"),
]
