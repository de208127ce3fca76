"""The person's notices: the list, opening one, marking read, and how each kind is delivered.
Only the recipient sees or changes a notice (the selectors find no one else's: 404)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kernel.lists import list_page
from kernel.views import action_submit, form_submit

from . import selectors, services
from .filters import NotificationFilter
from .forms import NotificationPreferencesForm
from .tables import NotificationTable

PER_PAGE = 50


@login_required
@require_GET
def notification_list(request):
    filterset, table = list_page(
        request,
        NotificationFilter,
        NotificationTable,
        selectors.notification_list_own(user=request.user),
        per_page=PER_PAGE,
        attrs={"id": "notifications", "class": "table table-sm align-middle"},
        empty_text=(
            _("No notice matches the filter.")
            if request.GET.keys() & set(NotificationFilter.base_filters)
            else _("You have no notices.")
        ),
    )
    return render(
        request, "notifications/notification_list.html", {"filterset": filterset, "table": table}
    )


def _object_url(request, notification):
    link = notification.link
    safe = link.startswith("/") and url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return link if safe else None


@login_required
@require_GET
def notification_open(request, pk):
    """Mark the notice read and go to what it is about (or back to the list)."""
    notification = selectors.notification_get_own(user=request.user, pk=pk)
    services.notification_mark_read(actor=request.user, notification=notification)
    target = _object_url(request, notification)
    if target is None:
        return redirect("notifications:notification_list")
    return redirect(target)


@login_required
@require_POST
def notification_mark_read(request, pk):
    notification = selectors.notification_get_own(user=request.user, pk=pk)
    return action_submit(
        request,
        lambda: services.notification_mark_read(actor=request.user, notification=notification),
        success="notifications:notification_list",
        failure="notifications:notification_list",
        message=lambda done: _("“%(title)s” is marked read.") % {"title": done.title},
    )


@login_required
@require_POST
def notification_mark_all_read(request):
    return action_submit(
        request,
        lambda: services.notification_mark_all_read(actor=request.user),
        success="notifications:notification_list",
        failure="notifications:notification_list",
        message=lambda count: (
            ngettext(
                "%(count)d notice is marked read.", "%(count)d notices are marked read.", count
            )
            % {"count": count}
            if count
            else _("You had no unread notices.")
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    deliveries = selectors.notification_preferences_own(user=request.user)
    form = NotificationPreferencesForm(request.POST or None, deliveries=deliveries)
    done = form_submit(
        request,
        form,
        lambda data: services.notification_preferences_save(
            actor=request.user, person=request.user, deliveries=form.deliveries()
        ),
        success="notifications:notification_preferences",
        message=_("Your choices are saved."),
    )
    return done or render(request, "notifications/preferences.html", {"form": form})
