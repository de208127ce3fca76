from django import template

from ..policy import has_confirmed_device, two_factor_required

register = template.Library()


@register.simple_tag
def two_factor_status(user):
    """For the profile page's panel: does the person use two factors, and must they?"""
    return {"has_device": has_confirmed_device(user), "required": two_factor_required(user)}
