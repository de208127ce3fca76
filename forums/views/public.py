"""Pages anyone can read without logging in: public forums and their charter."""

from django.shortcuts import render

from ..panels import PUBLIC, panels_for
from ..selectors import (
    public_forum_get,
    public_forums,
)
from .common import (
    assignments,
)


def public_forum_list(request):
    """Public forums, grouped by structure."""
    forums = list(public_forums())
    groups = {}
    for forum in forums:
        groups.setdefault(forum.structure, []).append(forum)
    return render(
        request,
        "forums/public/forum_list.html",
        {"groups": [(structure, items) for structure, items in groups.items()]},
    )


def public_forum_detail(request, slug):
    """A public forum's charter and the panels other apps publish on it (members with the
    contact details they agreed to publish, approved minutes, reports). Nothing else."""
    forum = public_forum_get(slug=slug)
    general, specific = assignments(forum)
    return render(
        request,
        "forums/public/forum_detail.html",
        {
            "forum": forum,
            "general_assignments": general,
            "specific_assignments": specific,
            "panels": panels_for(PUBLIC, request, forum),
        },
    )
