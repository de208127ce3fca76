"""The trail of links above a page's heading (issue 12, item 5).

    {% load breadcrumbs %}
    {% breadcrumbs _("Forums") "forums:forum_list" forum.name forum _("Meetings") %}

The arguments alternate label and target; the last label is the page itself (no target).
A target is a URL name without arguments ("forums:forum_list"), a path ("/forum/x/") or an
object with get_absolute_url. The trail starts at the start page ("Overview"), or with
`root="public"` at the public index. Nothing is queried: the labels are what the page has.
"""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

ROOTS = {
    "start": (_("Overview"), "dashboard"),
    "public": (_("Public forums"), "public_forums:forum_list"),
}


def _href(target):
    if hasattr(target, "get_absolute_url"):
        return target.get_absolute_url()
    target = str(target)
    if target.startswith("/"):
        return target
    try:
        return reverse(target)
    except NoReverseMatch:
        return target


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*args, root="start"):
    items = []
    if root in ROOTS:  # root="" on a root page itself: only its own name
        label, name = ROOTS[root]
        items.append({"label": label, "href": reverse(name)})
    *pairs, current = args
    for i in range(0, len(pairs) - 1, 2):
        items.append({"label": pairs[i], "href": _href(pairs[i + 1])})
    return {"items": items, "current": current}
