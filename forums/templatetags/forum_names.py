"""One name per forum: the full name everywhere; the short name only where space is short
(a table cell, an escalation path), and then with the full name as its title.

    {% load forum_names %}{{ forum|short_forum_name }}
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def short_forum_name(forum):
    """The forum's short name with its full name as the title, or the full name alone."""
    if forum is None:
        return ""
    short = (getattr(forum, "short_name", "") or "").strip()
    if not short or short == forum.name:
        return forum.name
    return format_html('<abbr title="{}">{}</abbr>', forum.name, short)
