"""Checking the rows of an import file in file order, against the structure's forums."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from forums.models import Organisation
from kernel.forms import LINE_MAX_LENGTH
from kernel.models import User

from ..models import Mandate
from ..rules import Holder, check_mandate, hard_findings, load_states, organisation_parties
from .files import MANDATE_COLUMNS, ROLE_ALIASES


@dataclass
class CheckedRow:
    number: int
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    person_id: int | None = None  # an existing person
    person_key: str = ""
    person: dict | None = None  # the fields of a new person
    mandate: dict | None = None  # the fields of the mandate, if the row has one


def column_max_lengths():
    """The longest value each column may hold: the field it is saved in, or a line."""
    stored = {
        name: User._meta.get_field(name).max_length
        for name in ("email", "username", "first_name", "last_name", "title", "phone")
    }
    stored["scope"] = Mandate._meta.get_field("scope").max_length
    return stored


def _too_long(data, limits):
    return [
        _("The column %(column)s is longer than %(limit)d characters.")
        % {"column": name, "limit": limits.get(name, LINE_MAX_LENGTH)}
        for name, value in data.items()
        if len(value) > limits.get(name, LINE_MAX_LENGTH)
    ]


def _parse_date(text):
    return datetime.date.fromisoformat(text.strip()[:10])


class RowChecker:
    """Checks rows in file order; each valid row is remembered for the rows after it."""

    def __init__(self, *, structure, on=None):
        self.structure = structure
        self.today = on or timezone.localdate()
        self._organisations = None
        self._forums = None
        self._states = None
        self._roles = None
        self.people = {}  # person key -> (row, email, first name, last name)
        self.emails = {}  # e-mail -> (person key, row)
        self._users_by_username = {}
        self._users_by_email = {}
        self._looked_up = set()  # lower-cased usernames and e-mails already looked up
        self._limits = column_max_lengths()

    def prefetch(self, rows):
        """Look up the people a batch of rows names, in one query."""
        usernames, emails = set(), set()
        for data in rows:
            username = data.get("username", "").strip().lower()
            email = data.get("email", "").strip().lower()
            if username and ("u", username) not in self._looked_up:
                usernames.add(username)
            if email and ("e", email) not in self._looked_up:
                emails.add(email)
        if not usernames and not emails:
            return
        users = User.objects.annotate(
            username_lower=Lower("username"), email_lower=Lower("email")
        ).filter(Q(username_lower__in=usernames) | Q(email_lower__in=emails))
        for user in users:
            self._users_by_username[user.username.lower()] = user
            self._users_by_email.setdefault(user.email.lower(), user)
        self._looked_up |= {("u", name) for name in usernames} | {("e", e) for e in emails}

    # lookups, loaded on first use
    def organisation(self, text):
        if self._organisations is None:
            self._organisations = {}
            organisations = list(Organisation.objects.filter(archived_at__isnull=True))
            parties = organisation_parties([o.pk for o in organisations])
            for organisation in organisations:
                organisation.party_ids = frozenset(parties.get(organisation.pk, ()))
                for key in (organisation.name, organisation.short_name):
                    if key:
                        self._organisations.setdefault(key.strip().lower(), organisation)
        return self._organisations.get(text.strip().lower())

    def forum(self, text):
        if self._forums is None:
            self._forums = {}
            for forum in self.structure.forums.all():
                for key in (forum.slug, forum.name, forum.short_name):
                    if key:
                        self._forums.setdefault(key.strip().lower(), forum)
        return self._forums.get(text.strip().lower())

    def role(self, text):
        if self._roles is None:
            self._roles = dict(ROLE_ALIASES)
            for language in ("en", "sv"):
                with translation.override(language):
                    for value, label in Mandate.Role.choices:
                        self._roles[str(label).lower()] = value
            for value in Mandate.Role.values:
                self._roles[value] = value
                self._roles[value.replace("_", " ")] = value
        return self._roles.get(text.strip().lower())

    def state(self, forum):
        if self._states is None:
            self._states = load_states(self.structure.forums.all())
        return self._states[forum.pk]

    def _existing(self, username, email, errors):
        if not username and not email:
            return None
        self.prefetch([{"username": username, "email": email}])
        by_username = self._users_by_username.get(username.lower()) if username else None
        by_email = self._users_by_email.get(email) if email else None
        if by_username and by_email and by_username != by_email:
            errors.append(
                _("Duplicate person: the e-mail address belongs to %(other)s, not %(username)s.")
                % {"other": by_email.username, "username": by_username.username}
            )
            return None
        if by_username and email and by_username.email.lower() != email:
            errors.append(
                _("Duplicate person: %(username)s is registered with another e-mail address.")
                % {"username": by_username.username}
            )
            return None
        if username and by_email and not by_username:
            errors.append(
                _("Duplicate person: the e-mail address belongs to %(other)s, not %(username)s.")
                % {"other": by_email.username, "username": username}
            )
            return None
        return by_username or by_email

    def check(self, number, data):
        row = CheckedRow(number=number)
        errors = row.errors
        too_long = _too_long(data, self._limits)
        if too_long:  # nothing else is looked at: the row cannot be saved as it is
            errors.extend(too_long)
            return row
        email = data.get("email", "").strip().lower()
        username = data.get("username", "").strip()
        first_name = data.get("first_name", "").strip()
        last_name = data.get("last_name", "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("Bad e-mail address “%(value)s”.") % {"value": email})
                email = ""
        if not email and not username and not errors:
            errors.append(_("Neither an e-mail address nor a username: who is the person?"))
        key = (username or email).lower()
        row.person_key = key
        if key == settings.SYSTEM_USERNAME.lower():
            errors.append(_("The username %(username)s is reserved.") % {"username": key})

        existing = None if errors else self._existing(username, email, errors)
        if existing is not None:
            row.person_id = existing.pk
            if not existing.is_active:
                errors.append(_("%(person)s is not active.") % {"person": existing})
        elif not errors and key not in self.people and not (first_name and last_name):
            errors.append(_("A new person needs a first and a last name."))

        has_mandate = any(data.get(name, "").strip() for name in MANDATE_COLUMNS)
        seen = self.people.get(key)
        if seen is not None:
            seen_row, seen_email, seen_first, seen_last = seen
            differs = (
                (email and seen_email and email != seen_email)
                or (first_name and seen_first and first_name != seen_first)
                or (last_name and seen_last and last_name != seen_last)
            )
            if differs:
                errors.append(
                    _("Duplicate person: row %(row)d names %(person)s with other details.")
                    % {"row": seen_row, "person": key}
                )
            elif not has_mandate:
                errors.append(_("Duplicate person: already in row %(row)d.") % {"row": seen_row})
        if email and email in self.emails and self.emails[email][0] != key:
            errors.append(
                _("Duplicate person: row %(row)d has the same e-mail address for another person.")
                % {"row": self.emails[email][1]}
            )

        organisation = None
        organisation_name = data.get("organisation", "").strip()
        if organisation_name:
            organisation = self.organisation(organisation_name)
            if organisation is None:
                errors.append(_("Unknown organisation “%(value)s”.") % {"value": organisation_name})

        if has_mandate:
            row.mandate = self._check_mandate(row, data, organisation, existing, key)

        if existing is None and not errors and key not in self.people:
            row.person = {
                "username": username or email,
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "title": data.get("title", "").strip()[:200],
                "phone": data.get("phone", "").strip()[:40],
                "organisation": organisation,
            }
        if not errors:
            if seen is None:
                self.people[key] = (number, email, first_name, last_name)
            if email:
                self.emails.setdefault(email, (key, number))
        return row

    def _check_mandate(self, row, data, organisation, existing, key):
        errors = row.errors
        forum_name = data.get("forum", "").strip()
        role_name = data.get("role", "").strip()
        forum = role = valid_from = valid_to = None
        if not forum_name:
            errors.append(_("The mandate needs a forum."))
        else:
            forum = self.forum(forum_name)
            if forum is None:
                errors.append(
                    _("Unknown forum “%(value)s” in %(structure)s.")
                    % {"value": forum_name, "structure": self.structure.name}
                )
        if not role_name:
            errors.append(_("The mandate needs a role."))
        else:
            role = self.role(role_name)
            if role is None:
                errors.append(
                    _("Unknown role “%(value)s”; use one of: %(roles)s.")
                    % {"value": role_name, "roles": ", ".join(Mandate.Role.values)}
                )
            elif role == Mandate.Role.DEPUTY:
                errors.append(
                    _(
                        "Deputies are added in the portal, where the member they stand in for is "
                        "chosen."
                    )
                )
        for name in ("valid_from", "valid_to"):
            text = data.get(name, "").strip()
            if not text:
                if name == "valid_from":
                    errors.append(_("The mandate needs a start date (valid_from)."))
                continue
            try:
                value = _parse_date(text)
            except ValueError:
                errors.append(
                    _("Bad date “%(value)s” in %(column)s: write YYYY-MM-DD.")
                    % {"value": text, "column": name}
                )
                continue
            if name == "valid_from":
                valid_from = value
            else:
                valid_to = value
        if errors:
            return None
        scope = data.get("scope", "").strip()
        status = (
            Mandate.Status.ENDED
            if valid_to is not None and valid_to < self.today
            else Mandate.Status.ACTIVE
        )
        holder = Holder(
            id=None,
            forum_id=forum.pk,
            person_id=existing.pk if existing is not None else ("new", key),
            person_name=str(existing) if existing is not None else key,
            role=role,
            status=status,
            organisation_id=organisation.pk if organisation else None,
            organisation_name=organisation.name if organisation else "",
            party_ids=organisation.party_ids if organisation else frozenset(),
            valid_from=valid_from,
            valid_to=valid_to,
            scope=scope,
        )
        state = self.state(forum)
        findings = check_mandate(state, holder, activating=status == Mandate.Status.ACTIVE)
        hard = hard_findings(findings)
        errors.extend(finding.message for finding in hard)
        row.warnings.extend(finding.message for finding in findings if not finding.is_hard)
        if errors:
            return None
        state.add(holder)
        return {
            "forum": forum,
            "role": role,
            "organisation": organisation,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "scope": scope,
            "status": status,
        }
