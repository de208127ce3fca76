"""One visibility API: `Model.objects.restrict(user, action)`, as NetBox's RestrictedQuerySet.

Each app says who may do what with its models by registering a rule in its permissions
module::

    @register_restriction(Forum, "view")
    def forums_visible(queryset, user):
        return queryset.filter(forum_visibility_filter(user))

A rule takes a queryset and a user and returns the part of the queryset the user may act on;
it must filter in the database (joins or subqueries, never a query per row). Views and
selectors fetch single objects with `get_visible_or_404` and, for a change, `get_for_action`:
an object the user may not see is a 404, the same as one that does not exist; one they see
but may not change is a 403.
"""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.http import Http404

VIEW = "view"
_RULES = {}


def register_restriction(model, action=VIEW):
    """Decorator: `rule(queryset, user) -> queryset` decides `action` on `model`."""

    def decorator(rule):
        _RULES[(model._meta.label_lower, action)] = rule
        return rule

    return decorator


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action=VIEW):
        """The rows `user` may `action` (a registered rule; unknown actions are an error)."""
        try:
            rule = _RULES[(self.model._meta.label_lower, action)]
        except KeyError:
            raise ImproperlyConfigured(
                f"No restriction registered for {self.model._meta.label} and {action!r}."
            ) from None
        return rule(self, user)


def get_visible_or_404(queryset, user, **lookup):
    """The one object matching `lookup` that the user may see, or Http404."""
    if not isinstance(queryset, models.QuerySet):
        queryset = queryset._default_manager.all()
    try:
        return queryset.restrict(user, VIEW).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def get_for_action(queryset, user, action, **lookup):
    """The object if the user may see it (else 404) and may `action` it (else 403)."""
    obj = get_visible_or_404(queryset, user, **lookup)
    if not queryset_of(obj).restrict(user, action).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def queryset_of(obj):
    return type(obj)._default_manager.all()
