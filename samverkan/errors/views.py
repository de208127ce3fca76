"""Views for the error pages that Django's defaults do not render in the site layout.

400, 403 and 404 use Django's own handlers, which render `400.html`, `403.html` and
`404.html` with the request's context. Two need a view of their own:

- the 500 page must render when the database, the session or a context processor is what
  broke, so it renders without the request (no context processors, no user, no session)
  and falls back to a fixed text if even the template fails;
- Django's CSRF failure view renders its template without the request's context, so the
  layout would lose the signed-in user and the language; this one renders with it.
"""

import logging

from django.http import HttpResponseForbidden, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

# Shown only when the 500 template itself cannot render.
FALLBACK_500 = (
    '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Serverfel</title>'
    "</head><body><main><h1>Något gick fel</h1><p>Försök igen om en stund.</p>"
    '<p><a href="/">Till startsidan</a></p></main></body></html>'
)


def server_error(request):
    """The 500 page: the site layout without anything that needs the request or a database."""
    try:
        body = loader.get_template("500.html").render({})
    except Exception:  # the page of last resort must not fail itself
        logger.exception("The 500 page could not be rendered")
        body = FALLBACK_500
    return HttpResponseServerError(body)


def csrf_failure(request, reason=""):
    """A refused form (missing or stale CSRF token): 403 in the site layout, no reason shown."""
    return render(request, "403_csrf.html", status=HttpResponseForbidden.status_code)
