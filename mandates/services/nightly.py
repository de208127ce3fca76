"""The nightly and daily work: ending expired mandates, repairing grants, reminders."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.models import Forum
from kernel.models import Notification
from kernel.services import notification_create

from ..models import Mandate
from ..permissions import (
    forum_permissions_sync,
    managed_grants,
)
from ..rules import (
    add_months,
)
from .base import is_system_actor
from .mandates import mandate_end

logger = logging.getLogger(__name__)
User = get_user_model()

REMINDER_DAYS = (60, 14)


def mandates_end_expired(*, actor, on=None):
    """End every active mandate whose term has passed; each in its own transaction."""
    day = on or timezone.localdate()
    ids = (
        Mandate.objects.filter(status=Mandate.Status.ACTIVE, valid_to__lt=day)
        .values_list("pk", flat=True)
        .iterator(chunk_size=500)
    )
    ended = 0
    for pk in list(ids):
        mandate = Mandate.objects.select_related("forum__structure").get(pk=pk)
        if mandate.status != Mandate.Status.ACTIVE:
            continue
        mandate_end(actor=actor, mandate=mandate, reason="term ended", on=day)
        ended += 1
    return ended


def permissions_reconcile(*, actor, on=None):
    """Make every person's grants on every forum match their mandates in force.

    Looks at each person and forum that has a managed grant or an active mandate (streamed
    from the database, never all in memory) and syncs it; idempotent. Returns counts.
    """
    if not is_system_actor(actor) and not actor.is_superuser:
        raise PermissionDenied
    grants = managed_grants().annotate(forum_id=Cast("object_pk", BigIntegerField()))
    pairs = (
        grants.values_list("user_id", "forum_id")
        .union(
            Mandate.objects.filter(status=Mandate.Status.ACTIVE).values_list(
                "person_id", "forum_id"
            )
        )
        .order_by("user_id", "forum_id")
    )
    result = {"pairs": 0, "granted": 0, "revoked": 0}
    for user_id, forum_id in pairs.iterator(chunk_size=1000):
        with transaction.atomic():
            granted, revoked = forum_permissions_sync(
                person=User(pk=user_id), forum=Forum(pk=forum_id), on=on
            )
        result["pairs"] += 1
        result["granted"] += len(granted)
        result["revoked"] += len(revoked)
        if granted or revoked:
            logger.info(
                "reconciled user %s forum %s: granted %s revoked %s",
                user_id,
                forum_id,
                sorted(granted),
                sorted(revoked),
            )
    return result


def _secretariat_by_structure():
    staff = {}

    def get(structure_id):
        if structure_id not in staff:
            staff[structure_id] = list(
                User.objects.filter(secretariat_structures=structure_id, is_active=True)
            )
        return staff[structure_id]

    return get


def _threshold(days_left):
    if days_left < 0 or days_left > REMINDER_DAYS[0]:
        return None
    return REMINDER_DAYS[1] if days_left <= REMINDER_DAYS[1] else REMINDER_DAYS[0]


def mandate_reminders_send(*, actor, on=None):
    """Tell the secretariat 60 and 14 days before a mandate or a chair term ends.

    Each reminder has a key (`mandate:<id>:ends:<days>`), so a second run sends nothing.
    A run missed for a while still sends the reminder that is due (the 14-day one if the
    60-day one is stale). Returns the number of notifications created or found.
    """
    day = on or timezone.localdate()
    secretariat = _secretariat_by_structure()
    sent = 0
    ending = (
        Mandate.objects.filter(
            status=Mandate.Status.ACTIVE,
            valid_to__gte=day,
            valid_to__lte=day + datetime.timedelta(days=REMINDER_DAYS[0]),
        )
        .select_related("person", "forum")
        .order_by("pk")
    )
    for mandate in ending.iterator(chunk_size=500):
        threshold = _threshold((mandate.valid_to - day).days)
        sent += _remind(
            actor,
            mandate,
            secretariat(mandate.forum.structure_id),
            ends=mandate.valid_to,
            key=f"mandate:{mandate.pk}:ends:{threshold}",
            chair_term=mandate.role == Mandate.Role.CHAIR,
        )
    # Open-ended chairs of rotating forums: the chair term ends with the rotation period.
    rotating = (
        Mandate.objects.filter(
            status=Mandate.Status.ACTIVE,
            role=Mandate.Role.CHAIR,
            valid_to__isnull=True,
            forum__chair_rotation_months__isnull=False,
        )
        .select_related("person", "forum")
        .order_by("pk")
    )
    for mandate in rotating.iterator(chunk_size=500):
        months = mandate.forum.chair_rotation_months
        term_end = add_months(mandate.valid_from, months) - datetime.timedelta(days=1)
        threshold = _threshold((term_end - day).days)
        if threshold is None:
            continue
        sent += _remind(
            actor,
            mandate,
            secretariat(mandate.forum.structure_id),
            ends=term_end,
            key=f"mandate:{mandate.pk}:chair-term-ends:{threshold}",
            chair_term=True,
        )
    return sent


def _remind(actor, mandate, recipients, *, ends, key, chair_term):
    names = {
        "person": str(mandate.person),
        "forum": mandate.forum.name,
        "role": mandate.get_role_display().lower(),
        "date": ends.isoformat(),
    }
    if chair_term:
        title = _("The chair term of %(person)s in %(forum)s ends on %(date)s") % names
    else:
        title = _("The mandate of %(person)s in %(forum)s ends on %(date)s") % names
    body = (
        _(
            "%(person)s is %(role)s in %(forum)s until %(date)s. Prepare the next term: renew "
            "the mandate or propose someone new."
        )
        % names
    )
    for recipient in recipients:
        notification_create(
            actor=actor,
            recipient=recipient,
            kind=Notification.Kind.MANDATE,
            title=title,
            body=body,
            link=mandate.get_absolute_url(),
            dedup_key=key,
        )
    return len(recipients)
