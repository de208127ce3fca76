from django import template

from ..selectors import notification_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """The signed-in person's unread notices (one query), for the bell in the header."""
    user = context["request"].user
    return notification_unread_count(user=user) if user.is_authenticated else 0
