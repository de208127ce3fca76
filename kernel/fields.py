"""Model fields with the bounds every value a user can reach must have.

`BoundedTextField` is a TextField with a length bound that holds in the model, not only in
the form: `full_clean` checks it (a MaxLengthValidator), and every save (`save()` and
`bulk_create`, which call `pre_save`) refuses a longer value with a ValidationError on the
field, so a service that skips `full_clean` still cannot store one. QuerySet.update() and
bulk_update() bypass it; the conventions forbid them on the models users write.

The bound is not a schema change (PostgreSQL `text` stays `text`), so the field describes
itself to migrations as a plain TextField: adding or changing a bound needs no migration.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from .forms import TEXT_MAX_LENGTH


class BoundedTextField(models.TextField):
    def __init__(self, *args, max_length=TEXT_MAX_LENGTH, validators=(), **kwargs):
        self._bound = MaxLengthValidator(max_length)
        super().__init__(
            *args, max_length=max_length, validators=[*validators, self._bound], **kwargs
        )

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value:
            try:
                self._bound(value)
            except ValidationError as error:
                raise ValidationError({self.name: error.error_list}) from None
        return value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        validators = [v for v in kwargs.pop("validators", []) if v is not self._bound]
        if validators:
            kwargs["validators"] = validators
        return name, "django.db.models.TextField", args, kwargs
