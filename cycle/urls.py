from django.urls import path  # noqa: F401 - each topic adds its pages below

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
]
