"""Calendar feeds: the user's secret feed addresses, and the iCal feed itself."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kernel.views import action_submit

from .. import selectors, services
from ..ical import CALENDAR_CONTENT_TYPE, feed_ics


@login_required
def calendar_feeds(request):
    """The addresses (GET); a new address for all forums or one, or one revoked (POST)."""
    if request.method == "POST":
        return _calendar_feeds_change(request)
    tokens = selectors.calendar_tokens_of(user=request.user)
    for token in tokens:
        token.url = request.build_absolute_uri(
            reverse("meetings:calendar_feed", kwargs={"token": token.token})
        )
    return render(
        request,
        "meetings/calendar_feeds.html",
        {"tokens": tokens, "forums": selectors.forums_with_mandate_for(user=request.user)},
    )


def _calendar_feeds_change(request):
    if request.POST.get("revoke"):
        token = selectors.calendar_token_get(user=request.user, pk=request.POST["revoke"])
        call = lambda: services.calendar_token_revoke(actor=request.user, token=token)  # noqa: E731
        done = _("The feed address no longer works.")
    else:
        forum = None
        if request.POST.get("forum"):
            forum = selectors.forum_get_for_meetings(user=request.user, slug=request.POST["forum"])
        call = lambda: services.calendar_token_rotate(actor=request.user, forum=forum)  # noqa: E731
        done = _("A new feed address is ready; the old one is revoked.")
    back = "meetings:calendar_feeds"
    return action_submit(request, call, success=back, failure=back, message=done)


def calendar_feed(request, token):
    """The iCal feed a calendar program subscribes to; the secret token is the key."""
    found = selectors.calendar_token_by_secret(token)
    name = found.forum.name if found.forum else _("My meetings")
    body = feed_ics(selectors.meetings_for_feed(token=found), name=name)
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="samverkan.ics"'
    return response
