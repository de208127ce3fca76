from django import template

from ..permissions import role_abilities as _role_abilities

register = template.Library()


@register.filter
def role_abilities(role):
    """What a role lets its holder do, as sentences: {{ mandate.role|role_abilities }}."""
    return _role_abilities(role)


@register.filter
def finding_class(finding):
    return "danger" if finding.is_hard else "warning"
