"""Build the demo data set from `samverkan.demo.structures` (used by `manage.py load_demo`).

Everything is written in one transaction, as the system user, with the change reason
"Demodata" on every history row. Every object is found by a natural key before it is
created (structures and forums by slug, organisations by name, people by username, mandates
by person, forum and role, meetings by forum and start, ...), and every date that is part of
a key is fixed, so running the loader again creates nothing twice. When the demo is already
loaded (the last demo case exists) the loader only makes sure that the demo logins work,
unless `complete=True` asks it to walk the whole data set and fill in what is missing.

Random choices come from generators seeded with fixed values (2026, and per forum or
meeting), so the same database always gets the same invented people and meetings.

The steps live by topic: `forums` (structures, organisations, forums, seats), `people`,
`mandates` (and the permissions that follow them), `cases`, `meetings` (agendas, minutes,
action items), `cycle_plans` (the priority areas and the action plans of the year, adopted at
a meeting); `logins` keeps the demo logins working and `history` stamps
every history row; `common` holds the constants and small helpers they share.
"""

import random
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from escalation.models import Case

from ..structures import PERSON_FIRST_NAMES, PERSON_LAST_NAMES, STRUCTURES
from .cases import CasesMixin
from .common import (
    ADMIN_USERNAME,
    CHAIR_USERNAME,
    MEMBER_USERNAME,
    SECRETARIAT_USERNAME,
    SEED,
    TIERS,
    _case_count,
    _reference,
    _total_cases,
)
from .cycle_direction import CycleDirectionMixin
from .cycle_plans import CyclePlansMixin
from .forums import ForumsMixin
from .history import _history_written_by, _HistoryUser
from .logins import _ensure_demo_logins, _login_table, _system_user
from .mandates import MandatesMixin
from .meetings import MeetingsMixin
from .people import FICTIONAL_PHONES, PeopleMixin


@dataclass
class DemoResult:
    created: bool
    logins: list = field(default_factory=list)  # (username, password, what the login is)


def load_demo(*, complete=False):
    """Load the demo data set; return whether anything was built and the demo logins."""
    with transaction.atomic():
        holder = _HistoryUser()
        with _history_written_by(holder):
            system = _system_user()
            holder.user = system
            loaded = Case.objects.filter(reference=_reference(_total_cases())).exists()
            if loaded and not complete:
                users = _ensure_demo_logins()
                return DemoResult(created=False, logins=_login_table(users))
            loader = _Loader(system)
            loader.run()
            return DemoResult(created=not loaded, logins=_login_table(loader.demo_users))


class _Loader(
    ForumsMixin,
    PeopleMixin,
    MandatesMixin,
    CasesMixin,
    MeetingsMixin,
    CyclePlansMixin,
    CycleDirectionMixin,
):
    """One run of the loader: what it has found or made so far, by natural key.

    Each step lives in the mixin of its topic (forums, people, mandates, cases, meetings,
    the yearly cycle's documents);
    `run` calls them in order, because each step needs what the ones before it made.
    """

    def __init__(self, system):
        self.system = system
        self.now = timezone.now()
        self.rng = random.Random(SEED)  # noqa: S311 - demo data, not security
        combos = [(first, last) for first in PERSON_FIRST_NAMES for last in PERSON_LAST_NAMES]
        self.rng.shuffle(combos)
        self.names = iter(combos)
        self.used_usernames = {
            SECRETARIAT_USERNAME,
            CHAIR_USERNAME,
            MEMBER_USERNAME,
            ADMIN_USERNAME,
            settings.SYSTEM_USERNAME,
        }
        self.phones = iter(FICTIONAL_PHONES)
        self.structures = {}  # key -> Structure
        self.parties = {}  # (structure key, party key) -> Party
        self.organisations = {}  # organisation key -> Organisation
        self.org_party = {}  # (structure key, organisation key) -> party key or None
        self.forums = {}  # key -> Forum
        self.forum_specs = {}  # key -> (structure spec, forum spec)
        self.slots = {}  # forum key -> [_Slot]
        self.secretaries = {}  # forum key -> Mandate
        self.chair_party = {}  # forum key -> party key of the chair
        self.schedule = {}  # forum key -> [starts_at]
        self.case_items = {}  # (forum key, meeting index) -> [(Case, agenda kind, outcome)]
        # (forum key, meeting index) -> [(title, description, decision text)]: the decision
        # items that adopt the year's documents
        self.document_items = {}
        self.demo_users = {}
        self.secretary_people = {}  # (structure key, organisation key) -> person
        self.fresh = set()  # (model, pk) of what this run created: its children are new too

    def _obtain(self, model, parent=None, defaults=None, **lookup):
        """get_or_create by a natural key; a child of an object created in this run is new."""
        defaults = defaults or {}
        if parent is not None and (type(parent), parent.pk) in self.fresh:
            obj, created = model.objects.create(**lookup, **defaults), True
        else:
            obj, created = model.objects.get_or_create(defaults=defaults, **lookup)
        if created:
            self.fresh.add((model, obj.pk))
        return obj, created

    def _clamp(self, moment):
        return min(moment, self.now)

    # --- run ---------------------------------------------------------------------------

    def run(self):
        for spec in STRUCTURES:
            self._structure(spec)
        self._demo_logins()
        forum_index = 0
        for spec in STRUCTURES:
            for forum_spec in sorted(spec["forums"], key=lambda f: TIERS[f["tier"]]):
                self._forum(spec, forum_spec, forum_index)
                forum_index += 1
            self._steering(spec)
        self._coordination()
        for spec in STRUCTURES:
            for forum_spec in sorted(spec["forums"], key=lambda f: TIERS[f["tier"]]):
                self._mandates(spec, forum_spec)
            self._secretariat_staff(spec)
        first_number = 0
        for spec in STRUCTURES:
            self._cases(spec, first_number)
            first_number += _case_count(spec)
        self._cycle_agenda()
        for key in self.forums:
            self._meetings(key)
        self._cycle_documents()
        self._direction_documents()
        self._grant_permissions()
