"""The forum's member list as CSV and Excel, under the forum's own address (/forum/<slug>/).

Included by samverkan/urls.py at "forum/" beside forums.urls, so that the paths stay where
they were when forums served them, while the code that reads mandates lives here.
"""

from django.urls import path

from . import exports

app_name = "forum_members"

urlpatterns = [
    path("<slug:slug>/medlemmar.csv", exports.members_csv, name="members_csv"),
    path("<slug:slug>/medlemmar.xlsx", exports.members_xlsx, name="members_xlsx"),
]
