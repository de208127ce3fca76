"""Since the last visit: at sign-in the session keeps when the person's previous sign-in
was (their `last_login` before this one), so the inbox can say what happened since.

Django's own receiver writes the new `last_login` before ours runs, so the old value is
taken as that save happens (one small read, at sign-in only). Nothing is written to the
database: the session holds it, and a new sign-in moves it on.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save

from . import PREVIOUS_VISIT


def _last_login_saving(instance, update_fields=None, **kwargs):
    if instance.pk is None or not update_fields or "last_login" not in update_fields:
        return
    instance._inbox_previous_login = (
        type(instance).objects.filter(pk=instance.pk).values_list("last_login", flat=True).first()
    )


def _logged_in(request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    previous = getattr(user, "_inbox_previous_login", None)
    if previous is None:
        request.session.pop(PREVIOUS_VISIT, None)
    else:
        request.session[PREVIOUS_VISIT] = previous.isoformat()


def connect():
    pre_save.connect(
        _last_login_saving, sender=get_user_model(), dispatch_uid="inbox-last-login-saving"
    )
    user_logged_in.connect(_logged_in, dispatch_uid="inbox-logged-in")
