"""Who hears of a case event and what they are told.

Followers hear of every change of state, escalation, scheduling and feedback. The leaders
(chair, vice chair, secretary) of a forum also hear when a case arrives there (raised or
escalated), and the leaders of every forum on the path when the feedback comes back down.
Each person gets one in-app notification per event (the notification's dedup key); the
e-mail is sent by Celery after the commit, or in the daily digest for those who chose it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from guardian.utils import get_user_obj_perms_model

from forums.models import Forum
from kernel.models import Notification
from kernel.services import notification_create

from .models import CaseEvent
from .selectors import case_path

Kind = CaseEvent.Kind

# Events that nobody is notified of (the timeline still shows them).
SILENT_KINDS = {Kind.ATTACHMENT_ADDED}


def _leaders_of(forum_ids):
    """Ids of the people holding lead_forum on any of the forums (one query)."""
    return (
        get_user_obj_perms_model()
        .objects.filter(
            content_type=ContentType.objects.get_for_model(Forum),
            permission__codename="lead_forum",
            object_pk__in=[str(pk) for pk in forum_ids],
        )
        .values("user_id")
    )


def case_event_recipients(event):
    """The people to notify of an event: followers and, by kind, forum leaders; not the actor."""
    if event.kind in SILENT_KINDS:
        return []
    User = get_user_model()
    wanted = User.objects.filter(follows__case_id=event.case_id)
    forum_ids = []
    if event.kind in (Kind.RAISED, Kind.ESCALATED) and event.to_forum_id:
        forum_ids = [event.to_forum_id]
    elif event.kind == Kind.FEEDBACK_GIVEN:
        forum_ids = [forum.pk for forum in case_path(event.case)]
    if forum_ids:
        wanted = User.objects.filter(
            Exists(event.case.follows.filter(user=OuterRef("pk")))
            | Exists(_leaders_of(forum_ids).filter(user_id=OuterRef("pk")))
        )
    return list(wanted.filter(is_active=True).exclude(pk=event.actor_id).order_by("pk"))


def _title(event):
    case = event.case
    values = {
        "reference": case.reference,
        "forum": event.to_forum,
        "from_forum": event.from_forum,
    }
    titles = {
        Kind.RAISED: _("New case %(reference)s in %(forum)s"),
        Kind.STATUS_CHANGED: _("%(reference)s is being prepared in %(forum)s"),
        Kind.SCHEDULED: _("%(reference)s is on an agenda in %(forum)s"),
        Kind.DECIDED: _("%(reference)s was decided in %(forum)s"),
        Kind.REFERRED_BACK: _("%(reference)s was referred back in %(forum)s"),
        Kind.REMOVED: _("%(reference)s was removed in %(forum)s"),
        Kind.ESCALATED: _("%(reference)s was escalated to %(forum)s"),
        Kind.FEEDBACK_GIVEN: _("Feedback on %(reference)s from %(from_forum)s"),
        Kind.FEEDBACK_ACKNOWLEDGED: _("%(reference)s is closed: the feedback was acknowledged"),
        Kind.CLOSED: _("%(reference)s is closed"),
        Kind.KEPT: _("%(reference)s is kept in %(forum)s while the forum is wound down"),
    }
    return titles.get(event.kind, "%(reference)s") % values


def _body(event):
    case = event.case
    lines = [
        f"{case.reference} {case.title}",
        _("%(kind)s by %(actor)s, %(when)s.")
        % {
            "kind": event.get_kind_display(),
            "actor": event.actor,
            "when": date_format(timezone.localtime(event.at), "DATETIME_FORMAT"),
        },
    ]
    if event.kind == Kind.ESCALATED:
        lines.append(
            _("From %(from)s to %(to)s.") % {"from": event.from_forum, "to": event.to_forum}
        )
    if event.reason:
        lines += ["", event.reason]
    lines += ["", _("Open the case: %(link)s") % {"link": case.get_absolute_url()}]
    return "\n".join(lines)


def case_event_notify_now(*, event_id):
    """Notify everyone who should hear of the event, once each (safe to run again)."""
    event = CaseEvent.objects.select_related(
        "case__origin_forum", "actor", "from_forum", "to_forum"
    ).get(pk=event_id)
    sent = []
    with translation.override(settings.LANGUAGE_CODE):
        title, body = _title(event), _body(event)
        for person in case_event_recipients(event):
            sent.append(
                notification_create(
                    actor=event.actor,
                    recipient=person,
                    kind=Notification.Kind.CASE,
                    title=title[:300],
                    body=body,
                    link=event.case.get_absolute_url(),
                    dedup_key=f"case-event:{event.pk}",
                )
            )
    return sent
