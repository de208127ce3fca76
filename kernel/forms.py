"""What every form shares: service errors on the form, and bounds on what a field accepts.

`BoundedFieldsMixin` gives every field of a form the bounds the database and the domain
need, so that no input reaches a service (or the database) unchecked: dates within
EARLIEST_YEAR..LATEST_YEAR, text within a length (TEXT_MAX_LENGTH for a text area,
LINE_MAX_LENGTH for a line), whole numbers within what an integer column holds. A field
that declares its own bound keeps it.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
LINE_MAX_LENGTH = 1_000
TEXT_MAX_LENGTH = 20_000
INTEGER_MAX = 2**31 - 1  # a PostgreSQL integer


def check_year(value):
    """A date or time within EARLIEST_YEAR..LATEST_YEAR (year 1 or 9999 is a typing slip,
    and time zone arithmetic at the ends of the calendar overflows)."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        message = (
            _("Give a time between the years %(earliest)d and %(latest)d.")
            if hasattr(value, "hour")
            else _("Give a date between the years %(earliest)d and %(latest)d.")
        )
        raise ValidationError(
            message, code="year", params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR}
        )


def bound_field(field):
    """Give one form field the bounds it lacks (in place)."""
    if isinstance(field, (forms.DateField, forms.DateTimeField)):
        if check_year not in field.validators:
            field.validators.append(check_year)
    elif isinstance(field, forms.CharField) and not isinstance(
        field, forms.URLField | forms.EmailField
    ):
        if field.max_length is None:
            textarea = isinstance(field.widget, forms.Textarea)
            field.max_length = TEXT_MAX_LENGTH if textarea else LINE_MAX_LENGTH
            field.validators.append(MaxLengthValidator(field.max_length))
            field.widget.attrs.update(field.widget_attrs(field.widget))
    elif isinstance(field, forms.IntegerField):
        if field.max_value is None:
            field.max_value = INTEGER_MAX
            field.validators.append(MaxValueValidator(INTEGER_MAX))
        if field.min_value is None:
            field.min_value = -INTEGER_MAX
            field.validators.append(MinValueValidator(-INTEGER_MAX))
    return field


class BoundedFieldsMixin:
    """Put before forms.Form / forms.ModelForm: every field gets bound_field's bounds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            bound_field(field)


def attach_service_errors(form, error):
    """Put a service's ValidationError next to the fields it names; the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        for item in errors:
            form.add_error(target, item)
