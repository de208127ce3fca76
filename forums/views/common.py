"""What the forum views share: fetching an object for the request's user through the
visibility API, and sending an anonymous visitor to log in when they could see it then."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from kernel.views import action_submit
from kernel.visibility import VIEW

from .. import selectors
from ..permissions import (
    CHANGE,
    MANAGE,
    is_secretariat_anywhere,
)


class _LoginFirst(Exception):
    """An anonymous visitor asked for a page they may be able to see after logging in."""


def handle_login_first(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginFirst:
            return redirect_to_login(request.get_full_path())

    return wrapper


def fetch(request, get, action=VIEW, *, login_first=False, **lookup):
    """The object `get` (a selector on the visibility API) finds for this request's user.

    Not visible: a 404. Visible but `action` not allowed: a 403. An anonymous visitor who can
    see it, asking for more than reading (`action`, or `login_first`), is sent to log in.
    """
    user = request.user
    if not user.is_authenticated and (action != VIEW or login_first):
        get(user=user, **lookup)  # a 404 unless they could see it
        raise _LoginFirst
    return get(user=user, action=action, **lookup)


def forum_for(request, slug, *, edit=False):
    """The forum if the user may see it (404 otherwise) and, with edit, change it (403)."""
    return fetch(request, selectors.forum_get_visible, CHANGE if edit else VIEW, slug=slug)


def structure_for(request, slug, *, manage=False):
    """The structure if the user may see it (404) and, with manage, run it (403); its pages
    are for logged-in users only."""
    action = MANAGE if manage else VIEW
    return fetch(request, selectors.structure_get_visible, action, login_first=True, slug=slug)


def party_for(request, pk):
    """The party if the user may see its structure (404) and run it (403)."""
    return fetch(request, selectors.party_get, MANAGE, pk=pk)


def require_secretariat(user):
    if not is_secretariat_anywhere(user):
        raise PermissionDenied


def assignments(forum):
    return selectors.charter_items(forum=forum)


def confirm(request, *, obj, action, title, question, done, back, archive=True):
    """A confirmation page (GET) and the archive/restore action (POST)."""
    if request.method == "POST":
        return action_submit(request, action, success=back, failure=back, message=done)
    return render(
        request,
        "forums/confirm.html",
        {"object": obj, "title": title, "question": question, "back": back, "archive": archive},
    )
