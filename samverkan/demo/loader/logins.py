"""The system user and the demo logins: known password, printed table."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from .common import (
    ADMIN_USERNAME,
    CHAIR_USERNAME,
    DEMO_PASSWORD,
    EMAIL_DOMAIN,
    MEMBER_USERNAME,
    SECRETARIAT_USERNAME,
)


def _system_user():
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username=settings.SYSTEM_USERNAME,
        defaults={
            "first_name": "Samverkan",
            "last_name": "System",
            "is_active": False,  # acts in history and services; never logs in
            "password": make_password(None),
        },
    )
    return user


def _demo_user_descriptions():
    return {
        SECRETARIAT_USERNAME: "Secretariat staff of Västra Götaland and the Partnership "
        "(secretary of the Västra Götaland forums)",
        CHAIR_USERNAME: "Chair of the political preparatory group for medical devices (VG), "
        "from a municipal association",
        MEMBER_USERNAME: "Representative: member of Ledningsrådet (VG, operative) and the "
        "Partnership's tactical coordination group",
        ADMIN_USERNAME: "Superuser (Django admin)",
    }


def _ensure_login(user, **flags):
    """Give a demo login the known password; save only when something changes."""
    changed = False
    for name, value in flags.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
            changed = True
    if not user.is_active:
        user.is_active = True
        changed = True
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    if changed:
        user.save()
    return user


def _ensure_admin():
    User = get_user_model()
    admin, _ = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "first_name": "Admin",
            "email": f"admin@{EMAIL_DOMAIN}",
            "is_staff": True,
            "is_superuser": True,
            "password": make_password(DEMO_PASSWORD),
        },
    )
    return _ensure_login(admin, is_staff=True, is_superuser=True)


def _ensure_demo_logins():
    User = get_user_model()
    users = {}
    for username in (SECRETARIAT_USERNAME, CHAIR_USERNAME, MEMBER_USERNAME):
        user, _ = User.objects.get_or_create(
            username=username, defaults={"password": make_password(DEMO_PASSWORD)}
        )
        users[username] = _ensure_login(user, is_staff=False)
    users[ADMIN_USERNAME] = _ensure_admin()
    return users


def _login_table(users):
    descriptions = _demo_user_descriptions()
    return [(name, DEMO_PASSWORD, descriptions[name]) for name in users]
