"""Sign-in and sign-out keep the session list; a change of privilege or password ends the
person's other sessions (and gives the current one a new key)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import m2m_changed, post_init, post_save

from forums.models import Structure

from ..two_factor.models import TwoFactorEvent
from . import services
from .notices import security_notice_queue

WATCHED = ("is_staff", "is_superuser", "password")


def _logged_in(request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        services.session_record(request=request, user=user)


def _logged_out(request, **kwargs):
    if request is not None and hasattr(request, "session"):
        services.session_forget(request.session.session_key)


def _snapshot(instance):
    deferred = instance.get_deferred_fields()
    return tuple(None if name in deferred else getattr(instance, name) for name in WATCHED)


def _user_loaded(instance, **kwargs):
    instance._accounts_snapshot = _snapshot(instance)


def _user_saved(instance, created, **kwargs):
    before = getattr(instance, "_accounts_snapshot", None)
    after = _snapshot(instance)
    instance._accounts_snapshot = after
    if created or before is None:
        return
    if any(old is not None and old != new for old, new in zip(before, after, strict=True)):
        services.user_sessions_rotate(instance)
    old_password = before[WATCHED.index("password")]
    if old_password and old_password != instance.password and instance.has_usable_password():
        # a first password (an invitation accepted) is no change of one
        if not old_password.startswith(UNUSABLE_PASSWORD_PREFIX):
            security_notice_queue(instance, "password")


# A second factor set up or removed changes how the person signs in, as a password does.
FACTOR_CHANGES = {TwoFactorEvent.Kind.CONFIRMED, TwoFactorEvent.Kind.REMOVED}


def _two_factor_changed(instance, created, **kwargs):
    if created:
        security_notice_queue(instance.user, instance.kind)
        if instance.kind in FACTOR_CHANGES:
            services.user_sessions_rotate(instance.user)


def _secretariat_anywhere(person_ids):
    """Of these people, those on the secretariat of some structure."""
    through = Structure.secretariat_staff.through
    column = Structure.secretariat_staff.field.m2m_reverse_field_name()
    return set(
        through.objects.filter(**{f"{column}__in": person_ids}).values_list(column, flat=True)
    )


def _secretariat_changed(instance, action, reverse, pk_set, **kwargs):
    """Joining the secretariat of one's first structure, or leaving one's last, changes the
    person's privilege level (secretariat staff): their other sessions end. (Another
    structure more or less changes object permissions, which are checked on every request.)"""
    if action.startswith("pre_"):
        if reverse:  # instance is the person
            people = {instance.pk}
        elif action == "pre_clear":
            people = set(instance.secretariat_staff.values_list("pk", flat=True))
        else:
            people = set(pk_set or ())
        instance._accounts_secretariat_before = (people, _secretariat_anywhere(people))
        return
    before = instance.__dict__.pop("_accounts_secretariat_before", None)
    if before is None:
        return
    people, was = before
    now = _secretariat_anywhere(people)
    User = get_user_model()
    for person_id in sorted(people):
        if (person_id in was) != (person_id in now):
            services.user_sessions_rotate(User(pk=person_id))


def connect():
    User = get_user_model()
    user_logged_in.connect(_logged_in, dispatch_uid="accounts-logged-in")
    user_logged_out.connect(_logged_out, dispatch_uid="accounts-logged-out")
    post_init.connect(_user_loaded, sender=User, dispatch_uid="accounts-user-loaded")
    post_save.connect(_user_saved, sender=User, dispatch_uid="accounts-user-saved")
    post_save.connect(
        _two_factor_changed, sender=TwoFactorEvent, dispatch_uid="accounts-two-factor-changed"
    )
    m2m_changed.connect(
        _secretariat_changed,
        sender=Structure.secretariat_staff.through,
        dispatch_uid="accounts-secretariat-changed",
    )
