"""Every write of the mandates app: mandates, people, invitations, imports, reconciling.

Mandate services lock the forum (and the forums linked to it by R10) before checking the
rules, so two secretaries saving at once cannot both pass a check that only one may pass;
they sync the person's permissions on the forum in the same transaction, so grants change
at once. A service returns the instance; soft findings (warnings) are on `.warnings`.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import BigIntegerField
from django.db.models.functions import Cast, Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from forums.models import Forum
from forums.permissions import can_manage_structure
from kernel.errors import DomainError, InvalidTransition
from kernel.history import save_with_history
from kernel.services import notification_create

from .models import Invitation, Mandate, MandateImport, MandateImportRow
from .permissions import (
    can_change_person,
    can_manage_mandates,
    can_manage_people,
    forum_permissions_sync,
    grant_new_mandates,
    managed_grants,
)
from .rules import (
    add_months,
    check_mandate,
    holder_from_mandate,
    load_state,
    organisation_parties,
    raise_for_hard,
    soft_findings,
)

logger = logging.getLogger(__name__)
User = get_user_model()

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
REMINDER_DAYS = (60, 14)
# Imports with more rows than this are checked and saved by a Celery worker.
IMPORT_INLINE_ROWS = 200
IMPORT_BATCH = 500


def is_system_actor(actor):
    """The named system user (Celery beat); it cannot log in, so no request carries it."""
    return (
        actor.pk is not None and actor.username == settings.SYSTEM_USERNAME and not actor.is_active
    )


def _require_manage_mandates(actor, forum):
    if not (is_system_actor(actor) or can_manage_mandates(actor, forum)):
        raise PermissionDenied(_("Only the secretariat of the structure changes its mandates."))


def _lock_forums(forum):
    """Lock the forum and the forums its chair rule links it to (R10), in id order."""
    ids = {forum.pk}
    if forum.chair_party_differs_from_id:
        ids.add(forum.chair_party_differs_from_id)
    ids |= set(Forum.objects.filter(chair_party_differs_from=forum).values_list("pk", flat=True))
    list(Forum.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))


def _checked(mandate, *, activating=False):
    """Run the rules for the mandate as it would be saved: raise on hard, return soft."""
    state = load_state(mandate.forum)
    candidate = holder_from_mandate(mandate, organisation_parties([mandate.organisation_id]))
    findings = check_mandate(state, candidate, activating=activating)
    raise_for_hard(findings)
    return soft_findings(findings)


def validate_mandate_document(document):
    """A signed mandate document: a PDF (by its content), at most 5 MB."""
    if document.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            {"document": [_("The document is larger than 5 MB; upload a smaller PDF.")]}
        )
    document.seek(0)
    head = document.read(len(PDF_MAGIC))
    document.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError({"document": [_("The document must be a PDF file.")]})
    document.name = f"{uuid.uuid4().hex}.pdf"
    return document


def _lock_mandate(mandate):
    return (
        Mandate.objects.select_for_update(of=("self",))
        .select_related("forum__structure", "person", "organisation")
        .get(pk=mandate.pk)
    )


def _transition(mandate, status):
    if not mandate.can_become(status):
        raise InvalidTransition(
            _("A mandate that is %(status)s cannot become %(new)s.")
            % {
                "status": mandate.get_status_display().lower(),
                "new": str(Mandate.Status(status).label).lower(),
            }
        )
    mandate.status = status


@transaction.atomic
def mandate_propose(
    *,
    actor,
    person,
    forum,
    role,
    valid_from,
    valid_to=None,
    organisation=None,
    deputy_for=None,
    appointed_by=None,
    nominated_by=None,
    scope="",
    document=None,
    activate=False,
    reason="",
):
    """Propose a mandate (or appoint it at once with `activate=True`), checking the rules."""
    _require_manage_mandates(actor, forum)
    if not person.is_active:
        raise ValidationError(
            {"person": [_("%(person)s is not an active person.") % {"person": person}]}
        )
    _lock_forums(forum)
    mandate = Mandate(
        person=person,
        forum=forum,
        role=role,
        organisation=organisation,
        deputy_for=deputy_for,
        valid_from=valid_from,
        valid_to=valid_to,
        appointed_by=appointed_by,
        nominated_by=nominated_by,
        scope=scope,
        status=Mandate.Status.ACTIVE if activate else Mandate.Status.PROPOSED,
    )
    if document:
        mandate.document = validate_mandate_document(document)
    warnings = _checked(mandate, activating=activate)
    default_reason = "mandate appointed" if activate else "mandate proposed"
    save_with_history(mandate, actor=actor, reason=reason or default_reason)
    if activate:
        forum_permissions_sync(person=person, forum=forum)
    mandate.warnings = warnings
    return mandate


@transaction.atomic
def mandate_activate(*, actor, mandate, reason=""):
    """Appoint a proposed mandate: it becomes active and its permissions are granted."""
    _require_manage_mandates(actor, mandate.forum)
    _lock_forums(mandate.forum)
    mandate = _lock_mandate(mandate)
    _transition(mandate, Mandate.Status.ACTIVE)
    warnings = _checked(mandate, activating=True)
    save_with_history(mandate, actor=actor, reason=reason or "mandate activated")
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = warnings
    return mandate


@transaction.atomic
def mandate_end(*, actor, mandate, reason="", on=None):
    """End an active mandate on the day (default today); its permissions go at once.

    A term that already ran out keeps its end date (the nightly task ends those).
    """
    _require_manage_mandates(actor, mandate.forum)
    mandate = _lock_mandate(mandate)
    _transition(mandate, Mandate.Status.ENDED)
    day = on or timezone.localdate()
    if mandate.valid_from > day:
        raise DomainError(_("The mandate has not started yet; revoke it instead of ending it."))
    if mandate.valid_to is None or mandate.valid_to > day:
        mandate.valid_to = day
    save_with_history(mandate, actor=actor, reason=reason or "mandate ended")
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = []
    return mandate


@transaction.atomic
def mandate_revoke(*, actor, mandate, reason):
    """Revoke a proposed or active mandate (with a reason); its permissions go at once."""
    _require_manage_mandates(actor, mandate.forum)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Say why the mandate is revoked.")]})
    mandate = _lock_mandate(mandate)
    _transition(mandate, Mandate.Status.REVOKED)
    save_with_history(mandate, actor=actor, reason=reason)
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = []
    return mandate


UPDATABLE_FIELDS = {
    "organisation",
    "deputy_for",
    "valid_from",
    "valid_to",
    "appointed_by",
    "nominated_by",
    "scope",
    "role",
}


@transaction.atomic
def mandate_update(*, actor, mandate, reason="", document=None, remove_document=False, **changes):
    """Change a proposed or active mandate's details; the rules run again.

    The role changes only while the mandate is proposed; person and forum never change
    (propose a new mandate instead).
    """
    _require_manage_mandates(actor, mandate.forum)
    unknown = set(changes) - UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    _lock_forums(mandate.forum)
    mandate = _lock_mandate(mandate)
    if mandate.status not in (Mandate.Status.PROPOSED, Mandate.Status.ACTIVE):
        raise DomainError(_("An ended or revoked mandate does not change any more."))
    if "role" in changes and changes["role"] != mandate.role:
        if mandate.status != Mandate.Status.PROPOSED:
            raise ValidationError(
                {
                    "role": [
                        _(
                            "The role of an active mandate does not change; end it and "
                            "propose a new one."
                        )
                    ]
                }
            )
    for name, value in changes.items():
        setattr(mandate, name, value)
    if mandate.role != Mandate.Role.DEPUTY:
        mandate.deputy_for = None
    if document:
        mandate.document = validate_mandate_document(document)
    elif remove_document:
        mandate.document = ""
    warnings = _checked(mandate, activating=False)
    save_with_history(mandate, actor=actor, reason=reason or "mandate changed")
    forum_permissions_sync(person=mandate.person, forum=mandate.forum)
    mandate.warnings = warnings
    return mandate


# --- the nightly work ----------------------------------------------------------------------


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
            title=title,
            body=body,
            link=mandate.get_absolute_url(),
            dedup_key=key,
        )
    return len(recipients)


# --- people --------------------------------------------------------------------------------


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


@transaction.atomic
def person_invite(*, actor, person, base_url):
    """Send the person an e-mail with a link to set their password (works once, expires)."""
    if not can_change_person(actor, person):
        raise PermissionDenied(_("You may not invite this person."))
    person = User.objects.select_for_update().get(pk=person.pk)
    if not person.is_active:
        raise DomainError(_("%(person)s is not active.") % {"person": person})
    if person.has_usable_password():
        raise DomainError(
            _("%(person)s has already set a password; they can use “Forgot your password?”.")
            % {"person": person}
        )
    if not person.email:
        raise DomainError(_("%(person)s has no e-mail address.") % {"person": person})
    invitation = Invitation(person=person, invited_by=actor, base_url=base_url.rstrip("/"))
    save_with_history(invitation, actor=actor, reason="invitation created")
    from .tasks import invitation_email_send

    invitation_email_send.delay_on_commit(invitation.pk)
    return invitation


def invitation_link(invitation):
    person = invitation.person
    path = reverse(
        "people:invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    return f"{invitation.base_url}{path}"


@transaction.atomic
def invitation_email_send_now(*, actor, invitation_id):
    """E-mail an invitation; one already sent is not sent again."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("person", "invited_by")
        .get(pk=invitation_id)
    )
    if invitation.sent_at is not None:
        return invitation
    context = {
        "invitation": invitation,
        "person": invitation.person,
        "link": invitation_link(invitation),
        "expires_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
    }
    subject = render_to_string("mandates/email/invitation_subject.txt", context).strip()
    body = render_to_string("mandates/email/invitation_body.txt", context)
    send_mail(
        subject=subject, message=body, from_email=None, recipient_list=[invitation.person.email]
    )
    invitation.sent_at = timezone.now()
    return save_with_history(invitation, actor=actor, reason="invitation e-mailed")


@transaction.atomic
def invitation_accept(*, person):
    """The person set their password through the link: their open invitations are used."""
    now = timezone.now()
    for invitation in Invitation.objects.select_for_update().filter(
        person=person, accepted_at__isnull=True
    ):
        invitation.accepted_at = now
        save_with_history(invitation, actor=person, reason="invitation accepted")


# --- imports -------------------------------------------------------------------------------


def progress_cache_key(mandate_import_id):
    return f"mandates:import:{mandate_import_id}:progress"


def _require_import(actor, structure):
    if not (is_system_actor(actor) or can_manage_structure(actor, structure)):
        raise PermissionDenied(_("Only the secretariat of the structure imports mandates."))


@transaction.atomic
def mandate_import_create(*, actor, structure, file):
    """Store an uploaded CSV or Excel file for a preview; nothing else is saved yet."""
    from .imports import validate_import_file

    _require_import(actor, structure)
    kind = validate_import_file(file)
    file_name = file.name[:255]
    file.name = f"{uuid.uuid4().hex}.{kind}"
    mandate_import = MandateImport(
        structure=structure, uploaded_by=actor, file_name=file_name, file=file
    )
    save_with_history(mandate_import, actor=actor, reason="import uploaded")
    return mandate_import


def _import_locked(mandate_import_id):
    return (
        MandateImport.objects.select_for_update()
        .select_related("structure")
        .get(pk=mandate_import_id)
    )


def _set_progress(mandate_import, progress):
    """Progress ticks are not worth a history row each."""
    mandate_import.progress = min(100, max(0, int(progress)))
    mandate_import.skip_history_when_saving = True
    try:
        mandate_import.save(update_fields=["progress"])
    finally:
        del mandate_import.skip_history_when_saving


def mandate_import_start_check(*, actor, mandate_import):
    """Check the rows now (a small file) or in a Celery worker (a large one)."""
    from .imports import estimate_rows
    from .tasks import mandate_import_check

    _require_import(actor, mandate_import.structure)
    estimated = estimate_rows(mandate_import)
    if estimated is not None and estimated <= IMPORT_INLINE_ROWS:
        return mandate_import_check_now(actor=actor, mandate_import_id=mandate_import.pk)
    mandate_import_check.delay_on_commit(mandate_import.pk, actor.pk)
    return mandate_import


def mandate_import_check_now(*, actor, mandate_import_id):
    """Read the file row by row and record, for each row, whether it is valid and why not.

    Not one transaction: each batch of rows commits with the progress, so the page shows
    how far the check has come. Running it again starts the check over (idempotent).
    """
    from .imports import ImportFileError, RowChecker, iter_import_rows

    with transaction.atomic():
        mandate_import = _import_locked(mandate_import_id)
        _require_import(actor, mandate_import.structure)
        if mandate_import.status not in (
            MandateImport.Status.UPLOADED,
            MandateImport.Status.VALIDATING,
        ):
            return mandate_import
        mandate_import.rows.all().delete()
        mandate_import.status = MandateImport.Status.VALIDATING
        mandate_import.progress = 0
        save_with_history(mandate_import, actor=actor, reason="import check started")

    checker = RowChecker(structure=mandate_import.structure)
    total = valid = 0

    def check_batch(batch):
        nonlocal total, valid
        checker.prefetch(data for _number, data in batch)
        rows = []
        for number, data in batch:
            checked = checker.check(number, data)
            rows.append(
                MandateImportRow(
                    mandate_import=mandate_import,
                    number=number,
                    data=data,
                    errors=checked.errors,
                    warnings=checked.warnings,
                )
            )
            valid += not checked.errors
        total += len(batch)
        bulk_create_with_history(
            rows, MandateImportRow, default_user=actor, default_change_reason="import checked"
        )

    try:
        rows = iter_import_rows(mandate_import)
        estimated = rows.estimated_rows
        for batch in _batches(rows, IMPORT_BATCH):
            with transaction.atomic():
                check_batch(batch)
                if estimated:
                    _set_progress(mandate_import, min(99, 100 * total / estimated))
        with transaction.atomic():
            mandate_import = _import_locked(mandate_import_id)
            if not total:
                raise ImportFileError(_("The file has no rows to import."))
            _transition_import(mandate_import, MandateImport.Status.PREVIEWED)
            mandate_import.row_count = total
            mandate_import.valid_count = valid
            mandate_import.progress = 100
            save_with_history(mandate_import, actor=actor, reason="import checked")
    except ImportFileError as error:
        return _import_failed(actor, mandate_import_id, str(error))
    except Exception as error:
        logger.exception("import %s could not be checked", mandate_import_id)
        return _import_failed(actor, mandate_import_id, str(error))
    return mandate_import


def _batches(iterable, size):
    """Lists of up to `size` items, reading the iterable lazily."""
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _transition_import(mandate_import, status):
    if not mandate_import.can_become(status):
        raise InvalidTransition(
            _("The import is %(status)s and cannot become %(new)s.")
            % {
                "status": mandate_import.get_status_display().lower(),
                "new": str(MandateImport.Status(status).label).lower(),
            }
        )
    mandate_import.status = status


def _import_failed(actor, mandate_import_id, message):
    with transaction.atomic():
        mandate_import = _import_locked(mandate_import_id)
        if mandate_import.status in (MandateImport.Status.DONE, MandateImport.Status.FAILED):
            return mandate_import
        mandate_import.status = MandateImport.Status.FAILED
        mandate_import.error = message
        mandate_import.finished_at = timezone.now()
        return save_with_history(mandate_import, actor=actor, reason="import failed")


def mandate_import_confirm(*, actor, mandate_import):
    """The user confirms the preview: save the valid rows now (a small import) or in a
    Celery worker (a large one), in one transaction either way."""
    from .tasks import mandate_import_save

    with transaction.atomic():
        _require_import(actor, mandate_import.structure)
        mandate_import = _import_locked(mandate_import.pk)
        if not mandate_import.valid_count:
            raise DomainError(_("No row of the file is valid; nothing to save."))
        _transition_import(mandate_import, MandateImport.Status.SAVING)
        mandate_import.progress = 0
        save_with_history(mandate_import, actor=actor, reason="import confirmed")
        if mandate_import.valid_count > IMPORT_INLINE_ROWS:
            mandate_import_save.delay_on_commit(mandate_import.pk, actor.pk)
            return mandate_import
    return mandate_import_save_now(actor=actor, mandate_import_id=mandate_import.pk)


def mandate_import_save_now(*, actor, mandate_import_id):
    """Save every row that is still valid in ONE transaction; on any error, none at all.

    The rows are checked again first: the forums may have changed since the preview. A row
    no longer valid is skipped and says why. Idempotent: an import already saved is left.
    Progress goes to the cache while the transaction runs (the record only shows it after
    commit).
    """
    try:
        with transaction.atomic():
            mandate_import = _import_locked(mandate_import_id)
            if mandate_import.status != MandateImport.Status.SAVING:
                return mandate_import
            _require_import(actor, mandate_import.structure)
            saved = _import_rows_save(actor, mandate_import)
            _transition_import(mandate_import, MandateImport.Status.DONE)
            mandate_import.saved_count = saved
            mandate_import.progress = 100
            mandate_import.finished_at = timezone.now()
            save_with_history(mandate_import, actor=actor, reason="import saved")
    except Exception as error:
        logger.exception("import %s failed", mandate_import_id)
        cache.delete(progress_cache_key(mandate_import_id))
        message = error.messages[0] if isinstance(error, ValidationError) else str(error)
        return _import_failed(
            actor,
            mandate_import_id,
            _("Nothing was saved: %(error)s") % {"error": message},
        )
    cache.delete(progress_cache_key(mandate_import_id))
    return mandate_import


def _import_rows_save(actor, mandate_import):
    """Check every row again and save the valid ones, a batch at a time, with history.

    People and mandates are bulk-created with their history rows (simple-history's
    bulk_create_with_history); the new mandates only add permissions, so their grants are
    bulk-created too. The caller's transaction makes it all or nothing.
    """
    from .imports import RowChecker

    # Lock the structure's forums (in id order, as the mandate services do) so that no
    # mandate is saved beside the import while its rows are checked again and saved.
    forums = Forum.objects.select_for_update().filter(structure=mandate_import.structure_id)
    list(forums.order_by("pk").values_list("pk"))
    checker = RowChecker(structure=mandate_import.structure)
    reason = f"imported from {mandate_import.file_name}"[:100]
    people = {}  # person key -> User created by an earlier row
    total = mandate_import.row_count or 1
    saved = done = 0
    rows = mandate_import.rows.order_by("number").iterator(chunk_size=IMPORT_BATCH)
    for batch in _batches(rows, IMPORT_BATCH):
        checker.prefetch(row.data for row in batch)
        checked_rows = []
        new_people = []
        before = {row.pk: row.errors for row in batch}
        for row in batch:
            checked = checker.check(row.number, row.data)
            row.errors, row.warnings = checked.errors, checked.warnings
            checked_rows.append((row, checked))
            if not checked.errors and checked.person is not None:
                person = User(**checked.person)
                person.set_unusable_password()
                people[checked.person_key] = person
                new_people.append(person)
        if new_people:
            bulk_create_with_history(
                new_people, User, default_user=actor, default_change_reason=reason
            )
        new_mandates = []
        for row, checked in checked_rows:
            if checked.errors:
                continue
            if checked.person_id is not None:
                row.person = User(pk=checked.person_id)
            else:
                row.person = people[checked.person_key]
            if checked.mandate is not None:
                row.mandate = Mandate(person=row.person, **checked.mandate)
                new_mandates.append(row.mandate)
            saved += 1
        if new_mandates:
            bulk_create_with_history(
                new_mandates, Mandate, default_user=actor, default_change_reason=reason
            )
            _import_grant(new_mandates)
        # Write back what the rows became (only the fields that changed, as bulk updates
        # are costly), with history.
        saved_rows = [row for row, checked in checked_rows if not checked.errors]
        for row in saved_rows:
            row.person_id = row.person.pk
            row.mandate_id = row.mandate.pk if row.mandate else None
        if saved_rows:
            bulk_update_with_history(
                saved_rows, MandateImportRow, ["person", "mandate", "warnings"],
                default_user=actor, default_change_reason=reason,
            )  # fmt: skip
        changed = [row for row, checked in checked_rows if checked.errors != before[row.pk]]
        if changed:
            bulk_update_with_history(
                changed, MandateImportRow, ["errors", "warnings"],
                default_user=actor, default_change_reason="checked again when saving",
            )  # fmt: skip
        done += len(batch)
        cache.set(progress_cache_key(mandate_import.pk), int(99 * done / total), 3600)
    return saved


def _import_grant(mandates):
    """Seam for tests: grant the permissions of newly imported mandates."""
    grant_new_mandates(mandates)
