from django.urls import path  # noqa: F401 - each topic adds its pages below

app_name = "cycle"

urlpatterns = []
