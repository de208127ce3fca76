"""The directory of people: registering and changing a person."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from kernel.history import save_with_history

from ..permissions import (
    can_change_person,
    can_manage_people,
)
from .base import is_system_actor

User = get_user_model()

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "title",
    "organisation",
    "phone",
    "publish_email",
    "publish_phone",
)


def _require_manage_people(actor):
    if not (is_system_actor(actor) or can_manage_people(actor)):
        raise PermissionDenied(_("Only secretariat staff register people."))


def _clean_person(*, email, username, exclude_pk=None):
    errors = {}
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter a valid e-mail address.")]
    username = (username or email).strip()
    if username.lower() == settings.SYSTEM_USERNAME.lower():
        errors["username"] = [_("This username is reserved.")]
    others = User.objects.exclude(pk=exclude_pk)
    if email and "email" not in errors:
        duplicate = others.annotate(email_lower=Lower("email")).filter(email_lower=email).first()
        if duplicate is not None:
            errors["email"] = [
                _("A person with this e-mail address is already registered (%(username)s).")
                % {"username": duplicate.username}
            ]
    if username and others.filter(username__iexact=username).exists():
        errors["username"] = [_("The username %(username)s is taken.") % {"username": username}]
    if errors:
        raise ValidationError(errors)
    return email, username


def _person_create(*, actor, username="", reason="person registered", **fields):
    email, username = _clean_person(email=fields.pop("email", ""), username=username)
    if not (fields.get("first_name") or "").strip() or not (fields.get("last_name") or "").strip():
        raise ValidationError({"last_name": [_("A person needs a first and a last name.")]})
    person = User(username=username, email=email, **fields)
    person.set_unusable_password()
    return save_with_history(person, actor=actor, reason=reason)


@transaction.atomic
def person_register(*, actor, username="", **fields):
    """Register a person in the directory; they get a password through an invitation."""
    _require_manage_people(actor)
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    return _person_create(actor=actor, username=username, **fields)


@transaction.atomic
def person_update(*, actor, person, reason="", **changes):
    """Change a person's details. The e-mail address changes only before they have a password
    (the invitation goes there); after that, it is theirs to change."""
    if not can_change_person(actor, person):
        raise PermissionDenied(_("You may not change this person."))
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    person = User.objects.select_for_update().get(pk=person.pk)
    if "email" in changes and (changes["email"] or "").strip().lower() != person.email.lower():
        if person.has_usable_password():
            raise ValidationError(
                {
                    "email": [
                        _("%(person)s has set a password; only they change their e-mail address.")
                        % {"person": person}
                    ]
                }
            )
        changes["email"], _username = _clean_person(
            email=changes["email"], username=person.username, exclude_pk=person.pk
        )
    for name, value in changes.items():
        setattr(person, name, value)
    return save_with_history(person, actor=actor, reason=reason or "person changed")
