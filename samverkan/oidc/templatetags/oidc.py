from django import template
from django.urls import reverse

from ..config import oidc_enabled
from ..views import is_eid_session

register = template.Library()


@register.simple_tag
def eid_enabled():
    """Whether the login page offers sign-in with e-ID."""
    return oidc_enabled()


@register.simple_tag(takes_context=True)
def logout_url(context):
    """The logout form's action: an e-ID session also ends the provider's session."""
    request = context.get("request")
    if request is not None and is_eid_session(request):
        return reverse("oidc:logout")
    return reverse("logout")
