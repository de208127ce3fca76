"""Direction documents (inriktningsdokument) between an agency and a collaboration group,
decided by the tactical forum (seed 003): drafted by the structure's secretariat, one
version at a time, adopted when the forum decides the agenda item the draft is on.

The current version is the latest adopted one; adopted versions never change. When the
current version's review date has passed, the forum's leaders and the structure's
secretariat are reminded once (`direction_review_remind`, run daily by cycle.tasks).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.utils import get_user_obj_perms_model

from forums.models import Forum, Organisation
from kernel.errors import DomainError
from kernel.history import save_with_history
from kernel.models import Notification
from kernel.services import notification_create

from ..models import DirectionDocument, DirectionDocumentVersion
from ..permissions import require_draft
from .agenda import document_put_on_agenda

# The fields each form edits (cycle.forms): the document's, and a version's.
DIRECTION_DOCUMENT_FIELDS = ("title", "agency", "group")
DIRECTION_VERSION_FIELDS = ("text", "review_on")

# A version is reviewed within this time unless the secretariat says otherwise.
DEFAULT_REVIEW_AFTER = datetime.timedelta(days=365)


def _field_error(field, message):
    return ValidationError({field: [message]})


def direction_forum_check(forum):
    """Only a tactical forum decides direction documents (seed 003)."""
    if forum.tier != Forum.Tier.TACTICAL:
        raise DomainError(
            _(
                "Direction documents are decided by a tactical forum; %(forum)s is on the "
                "%(tier)s tier."
            )
            % {"forum": forum.name, "tier": forum.get_tier_display().lower()}
        )


def _check_parties(forum, agency, group):
    if agency is None:
        raise _field_error("agency", _("Choose the agency."))
    if agency.kind != Organisation.Kind.AGENCY:
        raise _field_error("agency", _("%(name)s is not a government agency.") % {"name": agency})
    if agency.archived_at is not None:
        raise _field_error("agency", _("%(name)s is archived.") % {"name": agency})
    if group is None:
        raise _field_error("group", _("Choose the collaboration group."))
    if group.structure_id != forum.structure_id or group.pk == forum.pk:
        raise _field_error(
            "group",
            _("The collaboration group must be another forum of %(structure)s.")
            % {"structure": forum.structure},
        )


def _check_version(text, review_on):
    if not (text or "").strip():
        raise _field_error("text", _("Write the text of the direction document."))
    if review_on is None:
        raise _field_error("review_on", _("Give the date by which it is reviewed."))


@transaction.atomic
def direction_document_create(*, actor, forum, data):
    """A new direction document of a tactical forum with its first version as a draft.
    `data`: title, agency, group, text, review_on."""
    require_draft(actor, forum)
    direction_forum_check(forum)
    title = (data.get("title") or "").strip()
    if not title:
        raise _field_error("title", _("Give the document a title."))
    agency, group = data.get("agency"), data.get("group")
    _check_parties(forum, agency, group)
    _check_version(data.get("text"), data.get("review_on"))
    if DirectionDocument.objects.filter(forum=forum, agency=agency, group=group).exists():
        raise _field_error(
            "group",
            _("%(forum)s already has a direction document between %(agency)s and %(group)s.")
            % {"forum": forum, "agency": agency, "group": group},
        )
    document = DirectionDocument(
        forum=forum, agency=agency, group=group, title=title, created_by=actor
    )
    save_with_history(document, actor=actor, reason="direction document created")
    version = DirectionDocumentVersion(
        document=document,
        number=1,
        text=data["text"],
        review_on=data["review_on"],
        created_by=actor,
    )
    version.full_clean()
    save_with_history(version, actor=actor, reason="version drafted")
    return document


@transaction.atomic
def direction_document_update(*, actor, document, data):
    """Change the title (the agency and the group are what the document is about)."""
    require_draft(actor, document.forum)
    document = DirectionDocument.objects.select_for_update().get(pk=document.pk)
    title = (data.get("title") or "").strip()
    if not title:
        raise _field_error("title", _("Give the document a title."))
    document.title = title
    return save_with_history(document, actor=actor, reason="direction document changed")


def _latest(document, *, lock=False):
    versions = DirectionDocumentVersion.objects.filter(document=document)
    if lock:
        versions = versions.select_for_update()
    return versions.order_by("-number").first()


@transaction.atomic
def direction_version_draft(*, actor, document, review_on=None):
    """Draft the next version: the number after the latest, its text copied from it, and a
    review date (a year on unless given). One draft at a time."""
    require_draft(actor, document.forum)
    direction_forum_check(document.forum)
    document = DirectionDocument.objects.select_for_update().get(pk=document.pk)
    latest = _latest(document, lock=True)
    if latest is not None and not latest.is_adopted:
        raise DomainError(
            _("Version %(number)s is still a draft: edit it, or adopt it first.")
            % {"number": latest.number}
        )
    review_on = review_on or timezone.localdate() + DEFAULT_REVIEW_AFTER
    version = DirectionDocumentVersion(
        document=document,
        number=(latest.number + 1) if latest else 1,
        text=latest.text if latest else "",
        review_on=review_on,
        created_by=actor,
    )
    save_with_history(version, actor=actor, reason="version drafted")
    return version


@transaction.atomic
def direction_version_update(*, actor, version, data):
    """Edit a draft version's text and review date; an adopted version never changes."""
    require_draft(actor, version.document.forum)
    version = DirectionDocumentVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_adopted:
        raise DomainError(_("An adopted version does not change; draft a new version."))
    for name in DIRECTION_VERSION_FIELDS:
        if name in data:
            setattr(version, name, data[name])
    _check_version(version.text, version.review_on)
    version.full_clean(exclude=["document", "created_by", "agenda_item"])
    return save_with_history(version, actor=actor, reason="version changed")


@transaction.atomic
def direction_version_put_on_agenda(*, actor, version, meeting, title="", description=""):
    """Put a draft version on a coming meeting of the tactical forum, as a decision item."""
    forum = version.document.forum
    require_draft(actor, forum)
    direction_forum_check(forum)
    title = title or _("Direction document: %(title)s, version %(number)s") % {
        "title": version.document.title,
        "number": version.number,
    }
    return document_put_on_agenda(
        actor=actor, document=version, meeting=meeting, title=title, description=description
    )


def direction_current_version(document):
    """The version in force: the latest adopted one, or None."""
    return (
        DirectionDocumentVersion.objects.filter(
            document=document, status=DirectionDocumentVersion.Status.ADOPTED
        )
        .order_by("-number")
        .first()
    )


def _review_recipients(forum):
    """The forum's leaders (chair, vice chair, secretary: lead_forum) and the structure's
    secretariat staff, each once, active accounts only."""
    leaders = (
        get_user_obj_perms_model()
        .objects.filter(
            content_type=ContentType.objects.get_for_model(Forum),
            permission__codename="lead_forum",
            object_pk=str(forum.pk),
        )
        .values("user_id")
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=leaders) | Q(secretariat_structures=forum.structure_id))
        .distinct()
        .order_by("pk")
    )


def direction_review_remind(*, actor, version_id, today=None):
    """Remind the forum's leaders and the secretariat that the current version's review
    date has passed; once per version (`review_reminded_at`, and the notifications' keys),
    however often it runs."""
    today = today or timezone.localdate()
    with transaction.atomic():
        version = (
            DirectionDocumentVersion.objects.select_for_update()
            .select_related("document__forum__structure")
            .get(pk=version_id)
        )
        if version.review_reminded_at is not None or version.review_on >= today:
            return version
        document = version.document
        current = direction_current_version(document)
        if current is None or current.pk != version.pk:
            return version  # a newer version is in force; it has its own date
        title = _("Review the direction document %(title)s") % {"title": document.title}
        body = _(
            "Version %(number)s of the direction document between %(agency)s and %(group)s "
            "was to be reviewed by %(date)s. Draft a new version for %(forum)s to decide."
        ) % {
            "number": version.number,
            "agency": document.agency,
            "group": document.group,
            "date": version.review_on.isoformat(),
            "forum": document.forum,
        }
        for person in _review_recipients(document.forum):
            notification_create(
                actor=actor,
                recipient=person,
                kind=Notification.Kind.DIRECTION_REVIEW,
                title=title,
                body=body,
                link=document.get_absolute_url(),
                dedup_key=f"direction-review:{version.pk}",
            )
        version.review_reminded_at = timezone.now()
        save_with_history(
            version,
            actor=actor,
            reason="review reminder sent",
            update_fields=["review_reminded_at"],
        )
        return version
