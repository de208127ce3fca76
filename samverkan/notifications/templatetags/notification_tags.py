from django import template

from ..unread import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """The signed-in person's unread notices, for the bell in the header (from the cache;
    at most one cheap query)."""
    user = context["request"].user
    return unread_count(user) if user.is_authenticated else 0
