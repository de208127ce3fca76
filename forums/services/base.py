"""What every forums service shares: field errors, permission checks, slugs, locks."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify

from ..permissions import can_manage_structure, is_secretariat_anywhere

ADD_STRUCTURE = "forums.add_structure"
# Words in the forum pages' addresses (forums/urls.py) that a forum's slug cannot be.
RESERVED_SLUGS = frozenset({"strukturer", "organisationer", "parter"})


class Errors(dict):
    """Field errors collected before anything is written, raised as one ValidationError."""

    def add(self, field, message):
        self.setdefault(field, []).append(message)

    def raise_if_any(self):
        if self:
            raise ValidationError(dict(self))


def require_manage(actor, structure):
    if not can_manage_structure(actor, structure):
        raise PermissionDenied


def require_secretariat_anywhere(actor):
    if not is_secretariat_anywhere(actor):
        raise PermissionDenied


def apply_fields(instance, data, allowed):
    """Set the editable fields `allowed` (the service's field list) from `data`."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)


def unique_slug(model, text, *, max_length, fallback, exclude_pk=None):
    base = slugify(text)[: max_length - 4].strip("-") or fallback
    candidate, n = base, 1
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while candidate in RESERVED_SLUGS or others.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def full_clean(instance, errors, *, exclude=()):
    """Run the model's own validation after the domain checks passed."""
    errors.raise_if_any()
    instance.full_clean(exclude=list(exclude), validate_unique=True)


def set_m2m(instance, attr, values, *, actor, reason):
    instance._history_user = actor
    instance._change_reason = reason
    getattr(instance, attr).set(values)


def lock(model, instance):
    return model.objects.select_for_update().get(pk=instance.pk)
