"""Every text a user can reach has a length bound in the model, not only in the form.

A CharField's max_length is the column's (varchar). A TextField is a kernel BoundedTextField:
full_clean checks its bound, and every save refuses a longer value, so a service that skips
full_clean still cannot store one.
"""

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from escalation import services as escalation_services
from escalation.models import Case
from kernel.fields import BoundedTextField
from kernel.forms import TEXT_MAX_LENGTH
from tests.factories import MeetingFactory

PORTAL_PACKAGES = {"kernel", "forums", "mandates", "escalation", "meetings", "samverkan"}
TOO_LONG = "x" * (TEXT_MAX_LENGTH + 1)


def portal_text_fields():
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PORTAL_PACKAGES:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField | models.TextField):
                yield model, field


def _historical_file_field(model, field):
    """simple-history keeps a FileField's name as a TextField; the original bounds it."""
    original = getattr(model, "instance_type", None)
    if original is None:
        return False
    try:
        return isinstance(original._meta.get_field(field.name), models.FileField)
    except FieldDoesNotExist:
        return False


def test_the_walk_finds_the_fields():
    found = {(model.__name__, field.name) for model, field in portal_text_fields()}
    assert ("Case", "description") in found
    assert ("HistoricalCase", "description") in found  # history tables are walked too
    assert ("User", "first_name") in found


@pytest.mark.parametrize(
    ("model", "field"),
    list(portal_text_fields()),
    ids=[f"{m._meta.label}.{f.name}" for m, f in portal_text_fields()],
)
def test_every_text_field_has_a_bound(model, field):
    assert field.max_length is not None, f"{model._meta.label}.{field.name} has no max_length"
    if isinstance(field, models.TextField) and not _historical_file_field(model, field):
        assert isinstance(field, BoundedTextField), f"{model._meta.label}.{field.name}"
        assert any(
            isinstance(validator, MaxLengthValidator) and validator.limit_value == field.max_length
            for validator in field.validators
        )


def test_full_clean_refuses_a_text_over_the_bound():
    field = Case._meta.get_field("description")
    with pytest.raises(ValidationError):
        field.clean(TOO_LONG, Case())
    field.clean("x" * TEXT_MAX_LENGTH, Case())


@pytest.mark.django_db
def test_a_save_refuses_a_text_over_the_bound():
    meeting = MeetingFactory()
    meeting.cancelled_reason = TOO_LONG

    with pytest.raises(ValidationError) as excinfo:
        meeting.save()

    assert "cancelled_reason" in excinfo.value.error_dict


@pytest.mark.django_db
def test_a_service_that_does_not_full_clean_still_cannot_store_one(
    representative_user, operative_forum
):
    before = Case.objects.count()

    with pytest.raises(ValidationError) as excinfo:
        escalation_services.case_raise(
            actor=representative_user, forum=operative_forum, title="Lång", description=TOO_LONG
        )

    assert "description" in excinfo.value.error_dict
    assert Case.objects.count() == before


def test_the_bound_needs_no_migration():
    name, path, args, kwargs = Case._meta.get_field("description").deconstruct()
    assert path == "django.db.models.TextField"
    assert "max_length" not in kwargs and "validators" not in kwargs
