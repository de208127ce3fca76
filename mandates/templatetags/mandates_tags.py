from django import template

from ..permissions import role_abilities as _role_abilities
from ..tables import status_label

register = template.Library()


@register.filter
def role_abilities(role):
    """What a role lets its holder do, as sentences: {{ mandate.role|role_abilities }}."""
    return _role_abilities(role)


@register.filter
def finding_class(finding):
    return "danger" if finding.is_hard else "warning"


@register.filter
def mandate_status(mandate):
    """{{ mandate|mandate_status }}: "Active", or "Appointed, from 2026-03-03" before it starts."""
    return status_label(mandate)
