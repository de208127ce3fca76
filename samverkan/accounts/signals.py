"""Sign-in and sign-out keep the session list; a change of privilege or password ends the
person's other sessions (and gives the current one a new key)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import m2m_changed, post_init, post_save

from forums.models import Structure

from . import services

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


def _secretariat_changed(instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    User = get_user_model()
    if reverse:  # instance is the person
        people = [instance]
    elif action == "pre_clear":
        people = list(instance.secretariat_staff.all())
    else:
        people = list(User.objects.filter(pk__in=pk_set or ()))
    for person in people:
        services.user_sessions_rotate(person)


def connect():
    User = get_user_model()
    user_logged_in.connect(_logged_in, dispatch_uid="accounts-logged-in")
    user_logged_out.connect(_logged_out, dispatch_uid="accounts-logged-out")
    post_init.connect(_user_loaded, sender=User, dispatch_uid="accounts-user-loaded")
    post_save.connect(_user_saved, sender=User, dispatch_uid="accounts-user-saved")
    m2m_changed.connect(
        _secretariat_changed,
        sender=Structure.secretariat_staff.through,
        dispatch_uid="accounts-secretariat-changed",
    )
