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
"""

import random
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from simple_history.signals import pre_create_historical_record

from escalation.models import Case, CaseEvent, Follow
from forums.models import AssignmentItem, Forum, Organisation, Party, Seat, Structure
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from mandates.permissions import forum_permissions_sync
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
    Report,
)

from .structures import CASE_TITLES, PERSON_FIRST_NAMES, PERSON_LAST_NAMES, STRUCTURES

DEMO_PASSWORD = "samverkan-demo"  # noqa: S105 - printed on purpose: demo logins only
CHANGE_REASON = "Demodata"
SEED = 2026
YEAR = 2026
TERM_START = date(2026, 1, 1)
TERM_END = date(2027, 12, 31)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
EMAIL_DOMAIN = "demo.samverkan.example"
TIERS = {
    "strategic": Forum.Tier.STRATEGIC,
    "tactical": Forum.Tier.TACTICAL,
    "operative": Forum.Tier.OPERATIVE,
}
DEFAULT_MEETINGS_PER_YEAR = 4
CASES_PER_STRUCTURE = 3
# The three case states the demo shows, in the order of each structure's first case titles.
CASE_STATES = ("open", "in_preparation", "escalated")

# The demo logins and where they sit.
SECRETARIAT_USERNAME = "sekretariat"
CHAIR_USERNAME = "ordforande"
MEMBER_USERNAME = "ledamot"
ADMIN_USERNAME = "admin"
SECRETARIAT_STRUCTURES = ("vg", "pks")  # `sekretariat` is staff of both
SECRETARIAT_SECRETARY_OF = "vg"  # ... and the secretary of this structure's forums
CHAIR_FORUM = "vg-beredningsgrupp"  # `ordforande` chairs it, from a municipal association
MEMBER_FORUMS = {  # `ledamot`: forum -> organisation represented there
    "vg-ledningsradet": "vgr",
    "pks-samordningsgrupp": "sjvreg-vastra",
}
MEMBER_ORGANISATION = "vgr"  # the organisation `ledamot` works for
MEMBER_ACTION_FORUM = "vg-ledningsradet"  # `ledamot` has an open action item here

# Telephone numbers that Swedish PTS sets aside for fiction (they never reach anyone).
FICTIONAL_PHONES = (
    [f"070-174 06 {n:02d}" for n in range(5, 100)]
    + [f"031-390 06 {n:02d}" for n in range(100)]
    + [f"040-628 04 {n:02d}" for n in range(100)]
    + [f"08-465 004 {n:02d}" for n in range(100)]
    + [f"0980-319 2{n:02d}" for n in range(100)]
)

# Months of the year's meetings, by number of meetings a year.
MEETING_MONTHS = {
    1: [5],
    2: [4, 11],
    3: [3, 6, 10],
    4: [2, 4, 9, 12],
    5: [2, 4, 6, 9, 11],
    6: [1, 3, 5, 8, 10, 12],
}
MEETING_PLACES = {
    "ehm": ["E-hälsomyndigheten, Stockholm", "Digitalt möte"],
    "sos": ["Regionens hus, Jönköping", "Regionens hus, Kalmar", "Regionhuset, Linköping"],
    "vg": ["Regionens hus, Vänersborg", "VästKom, Göteborg"],
    "pks": ["Sveriges Kommuner och Regioner, Stockholm", "Socialstyrelsen, Stockholm"],
}

TITLES = {
    "political": {
        "region": [
            "Regionråd",
            "Ledamot i hälso- och sjukvårdsstyrelsen",
            "Ordförande i servicenämnden",
        ],
        "municipal_association": ["Förbundsordförande", "Kommunstyrelsens ordförande"],
        "municipality": ["Kommunalråd"],
        None: ["Förtroendevald"],
    },
    Forum.Tier.STRATEGIC: {
        "agency": ["Generaldirektör", "Överdirektör"],
        "region": ["Regiondirektör", "Hälso- och sjukvårdsdirektör"],
        None: ["Direktör", "Verkställande direktör"],
    },
    Forum.Tier.TACTICAL: {
        None: ["Avdelningschef", "Enhetschef", "Verksamhetschef", "Läkemedelschef", "Chefläkare"],
    },
    Forum.Tier.OPERATIVE: {
        None: [
            "Utredare",
            "Sakkunnig",
            "Verksamhetsutvecklare",
            "Apotekare",
            "Strateg",
            "Handläggare",
            "Projektledare",
            "Systemförvaltare",
        ],
    },
    "patient_organisation": {
        None: ["Ordförande", "Förbundssekreterare", "Intressepolitisk handläggare"]
    },
    "secretary": {None: ["Sekreterare", "Samordnare", "Handläggare"]},
}

OPENING_ITEMS = [
    ("Aktuellt från organisationerna", "Korta rapporter från respektive organisation."),
    (
        "Information från sekretariatet",
        "Sekretariatet informerar om aktuella frågor och kommande möten.",
    ),
    ("Uppföljning av åtgärdslistan", "Genomgång av åtgärder från föregående möte."),
]
ACTION_TITLES = [
    "Ta fram underlag till nästa möte: {topic}",
    "Förankra ställningstagandet i den egna organisationen: {topic}",
    "Återkoppla till gruppen om läget i den egna organisationen: {topic}",
]


@dataclass
class DemoResult:
    created: bool
    logins: list = field(default_factory=list)  # (username, password, what the login is)


@dataclass
class _Slot:
    """One seat in a forum and who fills it."""

    org_key: str
    party_key: str | None
    role: str = Mandate.Role.MEMBER
    person: object = None
    mandate: Mandate | None = None
    deputy: Mandate | None = None


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


# --- history -------------------------------------------------------------------------------


class _HistoryUser:
    user = None


@contextmanager
def _history_written_by(holder):
    """Stamp every history row written inside the block with the system user and reason.

    A `pre_create_historical_record` receiver reaches every row simple-history writes
    (objects made by get_or_create, many-to-many changes) without setting
    `_history_user` on each instance first. Only this thread's rows are stamped.
    """
    User = get_user_model()
    thread = threading.get_ident()

    def stamp(sender, instance, history_instance, **kwargs):
        if threading.get_ident() != thread:
            return
        user = holder.user
        if user is None and isinstance(instance, User):
            user = instance  # the system user's own first row
        if user is not None:
            history_instance.history_user_id = user.pk
        history_instance.history_change_reason = CHANGE_REASON

    uid = "samverkan.demo.loader.history"
    pre_create_historical_record.connect(stamp, weak=False, dispatch_uid=uid)
    try:
        yield
    finally:
        pre_create_historical_record.disconnect(dispatch_uid=uid)


# --- users ---------------------------------------------------------------------------------


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


def _fold(text):
    """ASCII-fold a name for e-mail addresses: "Jönsson" -> "jonsson"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


# --- helpers -------------------------------------------------------------------------------


def _reference(number):
    return f"SAM-{YEAR}-{number:04d}"


def _total_cases():
    return CASES_PER_STRUCTURE * len(STRUCTURES)


def _at(day, hour=10, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


def _party_short_name(name):
    if name.endswith(")") and "(" in name:
        return name[name.rindex("(") + 1 : -1]
    return ""


def _lower_first(text):
    return text[:1].lower() + text[1:]


def _add_missing(manager, objects):
    """Add to a many-to-many only what is missing (an empty add still writes history)."""
    present = set(manager.values_list("pk", flat=True))
    missing = [obj for obj in objects if obj.pk not in present]
    if missing:
        manager.add(*missing)


class _Loader:
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
        for spec in STRUCTURES:
            for forum_spec in sorted(spec["forums"], key=lambda f: TIERS[f["tier"]]):
                self._mandates(spec, forum_spec)
            self._secretariat_staff(spec)
        for number_offset, spec in enumerate(STRUCTURES):
            self._cases(spec, number_offset * CASES_PER_STRUCTURE)
        for key in self.forums:
            self._meetings(key)
        for spec in STRUCTURES:
            self._report(spec)
        self._grant_permissions()

    # --- structures, organisations, forums -----------------------------------------------

    def _structure(self, spec):
        key = spec["key"]
        structure, _ = self._obtain(
            Structure,
            None,
            slug=key,
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "is_partnership": len(spec["parties"]) == 2,
            },
        )
        self.structures[key] = structure
        for party_spec in spec["parties"]:
            party, _ = self._obtain(
                Party,
                structure,
                structure=structure,
                name=party_spec["name"],
                defaults={"short_name": _party_short_name(party_spec["name"])},
            )
            self.parties[(key, party_spec["key"])] = party
        for org_spec in spec["organisations"]:
            organisation, _ = self._obtain(
                Organisation,
                None,
                name=org_spec["name"],
                defaults={"short_name": org_spec["short_name"], "kind": org_spec["kind"]},
            )
            self.organisations[org_spec["key"]] = organisation
            parties = [self.parties[(key, p)] for p in org_spec["parties"]]
            _add_missing(organisation.parties, parties)
            self.org_party[(key, org_spec["key"])] = (org_spec["parties"] or [None])[0]
        _add_missing(
            structure.secretariat_organisations,
            [self.organisations[k] for k in spec["secretariat"]],
        )

    def _forum(self, spec, forum_spec, index):
        key = forum_spec["key"]
        skey = spec["key"]
        self.forum_specs[key] = (spec, forum_spec)
        steerer = next(
            (f["key"] for f in spec["forums"] if key in f["steers"] and f["key"] in self.forums),
            None,
        )
        temporary = forum_spec["operative_temporary"]
        escalates_to = self.forums.get(forum_spec["escalates_to"])
        appointed_by = self.forums.get(forum_spec["appointed_by"])
        criteria = ""
        if temporary:
            appointer = appointed_by or escalates_to
            criteria = (
                "Sätts upp vid behov"
                + (f" av {appointer.name}" if appointer else "")
                + " när en fråga kräver särskild specialistkunskap eller samordning på "
                "operativ nivå. Avvecklas när uppdraget är slutfört."
            )
        forum, _ = self._obtain(
            Forum,
            None,
            slug=key,
            defaults={
                "structure": self.structures[skey],
                "name": forum_spec["name"],
                "short_name": forum_spec["short_name"],
                "tier": TIERS[forum_spec["tier"]],
                "kind": forum_spec["kind"],
                "escalates_to": escalates_to,
                "appointed_by": appointed_by,
                "steered_by": self.forums.get(steerer),
                "purpose": forum_spec["purpose"],
                "reports_to": forum_spec["reports_to"],
                "min_meetings_per_year": forum_spec["min_meetings_per_year"],
                "decision_rule": forum_spec["decision_rule"],
                "minutes_approval": forum_spec["minutes_approval"],
                "chair_rotation_months": forum_spec["rotation_months"],
                "chair_rotation_among": forum_spec["rotation_among"] or "",
                "chair_party": self.parties.get((skey, forum_spec["chair_party"])),
                "vice_chair_from_other_party": forum_spec["vice_chair_other_party"],
                "chair_party_differs_from": self.forums.get(forum_spec["chair_party_differs_from"]),
                "is_public": forum_spec["is_public"],
                "is_temporary": temporary,
                "setup_criteria": criteria,
                "active_from": TERM_START,
            },
        )
        self.forums[key] = forum
        for kind, items in (
            (AssignmentItem.Kind.GENERAL, forum_spec["general_assignments"]),
            (AssignmentItem.Kind.SPECIFIC, forum_spec["specific_assignments"]),
        ):
            for order, text in enumerate(items, start=1):
                self._obtain(
                    AssignmentItem,
                    forum,
                    forum=forum,
                    kind=kind,
                    order=order,
                    defaults={"text": text},
                )
        for seat in forum_spec["seats"]:
            if "organisation" in seat:
                lookup = {"organisation": self.organisations[seat["organisation"]]}
            else:
                lookup = {"party": self.parties[(skey, seat["party"])]}
            self._obtain(Seat, forum, forum=forum, **lookup, defaults={"count": seat["count"]})
        self.schedule[key] = self._meeting_times(forum_spec, index)

    def _steering(self, spec):
        """Set `steered_by` where the steering forum was created after the steered one."""
        for forum_spec in spec["forums"]:
            for steered_key in forum_spec["steers"]:
                steered = self.forums[steered_key]
                if steered.steered_by_id is None:
                    steered.steered_by = self.forums[forum_spec["key"]]
                    steered.save()

    def _meeting_times(self, forum_spec, index):
        count = forum_spec["min_meetings_per_year"] or DEFAULT_MEETINGS_PER_YEAR
        months = MEETING_MONTHS.get(count) or [1 + (12 * i) // count for i in range(count)]
        weekday = 1 + index % 3  # Tuesday, Wednesday or Thursday
        week = 1 + (index // 3) % 2  # the second or third week of the month
        times = []
        for month in months:
            first = date(YEAR, month, 1)
            day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * week)
            times.append(_at(day, 9))
        return times

    # --- people and mandates -------------------------------------------------------------

    def _next_name(self):
        for first, last in self.names:
            username = f"{_fold(first)}.{_fold(last)}"
            if username not in self.used_usernames:
                self.used_usernames.add(username)
                return first, last, username
        raise RuntimeError("The demo ran out of invented names.")

    def _title(self, rng, forum, organisation, role):
        if role == Mandate.Role.SECRETARY:
            table = TITLES["secretary"]
        elif organisation.kind == Organisation.Kind.PATIENT_ORGANISATION:
            table = TITLES["patient_organisation"]
        elif forum.kind in (Forum.Kind.POLITICAL_BODY,) or "politisk" in forum.name.lower():
            table = TITLES["political"]
        else:
            table = TITLES[forum.tier]
        return rng.choice(table.get(organisation.kind) or table[None])

    def _person(self, rng, forum, organisation, role):
        first, last, username = self._next_name()
        prominent = role in (Mandate.Role.CHAIR, Mandate.Role.VICE_CHAIR, Mandate.Role.SECRETARY)
        publish_email = prominent or rng.random() < 0.6
        publish_phone = prominent or rng.random() < 0.3
        title = self._title(rng, forum, organisation, role)
        phone = next(self.phones, "")
        User = get_user_model()
        person, _ = self._obtain(
            User,
            None,
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@{EMAIL_DOMAIN}",
                "organisation": organisation,
                "title": title,
                "phone": phone,
                "publish_email": publish_email,
                "publish_phone": publish_phone,
                "password": make_password(None),
            },
        )
        return person

    def _demo_logins(self):
        """The demo logins get invented names first, so the same names every time."""
        User = get_user_model()
        specs = {
            SECRETARIAT_USERNAME: ("vg-samarbetsorganisationen", "Sekreterare"),
            CHAIR_USERNAME: (None, "Förbundsstyrelsens ordförande"),  # set with the chair
            MEMBER_USERNAME: (MEMBER_ORGANISATION, "Avdelningschef"),
        }
        for username, (org_key, title) in specs.items():
            first, last, folded = self._next_name()
            user, _ = self._obtain(
                User,
                None,
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{folded}@{EMAIL_DOMAIN}",
                    "organisation": self.organisations.get(org_key),
                    "title": title,
                    "phone": next(self.phones, ""),
                    "publish_email": True,
                    "publish_phone": True,
                    "password": make_password(DEMO_PASSWORD),
                },
            )
            self.demo_users[username] = _ensure_login(user, is_staff=False)
        self.demo_users[ADMIN_USERNAME] = _ensure_admin()

    def _seat_slots(self, rng, spec, forum_spec):
        skey = spec["key"]
        slots = []
        for seat in forum_spec["seats"]:
            if "organisation" in seat:
                org_key = seat["organisation"]
                party = self.org_party[(skey, org_key)]
                slots += [_Slot(org_key, party) for _ in range(seat["count"])]
            else:
                party = seat["party"]
                members = [o["key"] for o in spec["organisations"] if party in o["parties"]]
                picks = rng.sample(members, min(seat["count"], len(members)))
                while len(picks) < seat["count"]:
                    picks.append(members[len(picks) % len(members)])
                slots += [_Slot(org_key, party) for org_key in picks]
        return slots

    def _chair_party_key(self, spec, forum_spec):
        party_keys = [p["key"] for p in spec["parties"]]
        if forum_spec["chair_party"]:
            return forum_spec["chair_party"]
        differs = forum_spec["chair_party_differs_from"]
        if differs and len(party_keys) == 2:
            held = self.chair_party.get(differs)
            return next((p for p in party_keys if p != held), None)
        if forum_spec["rotation_among"] == "parties" and party_keys:
            return party_keys[0]  # the first party holds the chair in 2026
        return None

    def _assign_roles(self, spec, forum_spec, slots):
        key = forum_spec["key"]
        partnership = len(spec["parties"]) == 2
        chair_party = self._chair_party_key(spec, forum_spec)
        candidates = [s for s in slots if chair_party is None or s.party_key == chair_party]
        if chair_party is None and partnership:
            candidates = [s for s in slots if s.party_key] or slots
        if key == CHAIR_FORUM:
            candidates = [
                s
                for s in candidates
                if self.organisations[s.org_key].kind == Organisation.Kind.MUNICIPAL_ASSOCIATION
            ]
        chair = (candidates or slots)[0]
        chair.role = Mandate.Role.CHAIR
        self.chair_party[key] = chair.party_key
        others = [s for s in slots if s is not chair]
        if not others:
            return
        preferred = []
        if chair.party_key and (forum_spec["vice_chair_other_party"] or partnership):
            preferred = [s for s in others if s.party_key and s.party_key != chair.party_key]
        vice = (preferred or [s for s in others if s.org_key != chair.org_key] or others)[0]
        vice.role = Mandate.Role.VICE_CHAIR

    def _mandates(self, spec, forum_spec):
        key = forum_spec["key"]
        skey = spec["key"]
        forum = self.forums[key]
        rng = random.Random(f"{SEED}:{key}")  # noqa: S311 - demo data, not security
        slots = self._seat_slots(rng, spec, forum_spec)
        self._assign_roles(spec, forum_spec, slots)
        # Demo logins take their seats.
        if key == CHAIR_FORUM:
            chair = next(s for s in slots if s.role == Mandate.Role.CHAIR)
            chair.person = self.demo_users[CHAIR_USERNAME]
            self._settle_organisation(chair.person, self.organisations[chair.org_key])
        if key in MEMBER_FORUMS:
            org_key = MEMBER_FORUMS[key]
            wanted_party = self.org_party[(skey, org_key)]
            members = [s for s in slots if s.role == Mandate.Role.MEMBER]
            slot = next((s for s in members if s.org_key == org_key), None) or next(
                s for s in members if s.party_key == wanted_party
            )
            slot.org_key = org_key
            slot.person = self.demo_users[MEMBER_USERNAME]
        for slot in slots:
            organisation = self.organisations[slot.org_key]
            if slot.person is None:
                slot.person = self._person(rng, forum, organisation, slot.role)
            slot.mandate = self._mandate(slot.person, forum, organisation, slot.role)
        # A few deputies, each for a member's mandate and from the same organisation.
        members = [s for s in slots if s.role == Mandate.Role.MEMBER]
        for slot in rng.sample(members, min(2, len(members))) if len(slots) >= 4 else []:
            organisation = self.organisations[slot.org_key]
            person = self._person(rng, forum, organisation, Mandate.Role.DEPUTY)
            slot.deputy = self._mandate(
                person, forum, organisation, Mandate.Role.DEPUTY, deputy_for=slot.mandate
            )
        self.slots[key] = slots
        # The secretary comes from the structure's secretariat.
        index = [f["key"] for f in spec["forums"]].index(key)
        sec_key = spec["secretariat"][index % len(spec["secretariat"])]
        organisation = self.organisations[sec_key]
        person = self._secretary_person(rng, spec, sec_key, forum)
        self.secretaries[key] = self._mandate(person, forum, organisation, Mandate.Role.SECRETARY)

    def _settle_organisation(self, user, organisation):
        if user.organisation_id is None:
            user.organisation = organisation
            user.save()

    def _secretary_person(self, rng, spec, sec_key, forum):
        if spec["key"] == SECRETARIAT_SECRETARY_OF:
            return self.demo_users[SECRETARIAT_USERNAME]
        cache = self.secretary_people
        if (spec["key"], sec_key) not in cache:
            cache[(spec["key"], sec_key)] = self._person(
                rng, forum, self.organisations[sec_key], Mandate.Role.SECRETARY
            )
        return cache[(spec["key"], sec_key)]

    def _mandate(self, person, forum, organisation, role, deputy_for=None):
        if role == Mandate.Role.SECRETARY:
            scope = "Administrativt stöd: kallelser, dagordning och minnesanteckningar."
        elif role == Mandate.Role.DEPUTY:
            scope = f"Ersättare för {deputy_for.person} ({organisation.name})."
        else:
            scope = (
                f"Företräder {organisation.name} i {forum.name}; informerar, förankrar och "
                "bereder frågor i den egna organisationen."
            )
        mandate, _ = self._obtain(
            Mandate,
            person,
            person=person,
            forum=forum,
            role=role,
            defaults={
                "organisation": organisation,
                "deputy_for": deputy_for,
                "status": Mandate.Status.ACTIVE,
                "valid_from": TERM_START,
                "valid_to": TERM_END,
                "appointed_by": forum.appointed_by,
                "nominated_by": organisation,
                "scope": scope,
            },
        )
        return mandate

    def _secretariat_staff(self, spec):
        structure = self.structures[spec["key"]]
        staff = {
            m.person_id: m.person
            for k, m in self.secretaries.items()
            if self.forum_specs[k][0]["key"] == spec["key"]
        }
        if spec["key"] in SECRETARIAT_STRUCTURES:
            user = self.demo_users[SECRETARIAT_USERNAME]
            staff[user.pk] = user
        _add_missing(structure.secretariat_staff, list(staff.values()))

    # --- cases ---------------------------------------------------------------------------

    def _cases(self, spec, first_number):
        skey = spec["key"]
        titles = [c for c in CASE_TITLES if c["structure"] == skey][:CASES_PER_STRUCTURE]
        operative = [
            f["key"]
            for f in sorted(spec["forums"], key=lambda f: TIERS[f["tier"]])
            if f["tier"] == "operative"
        ]
        for i, case_spec in enumerate(titles):
            state = CASE_STATES[i % len(CASE_STATES)]
            origin_key = operative[i % len(operative)]
            if state == "escalated" and MEMBER_FORUMS.keys() & set(operative):
                # The demo representative raised the escalated case in their structure.
                origin_key = next(k for k in operative if k in MEMBER_FORUMS)
            self._case(spec, first_number + i + 1, case_spec, state, origin_key)

    def _case(self, spec, number, case_spec, state, origin_key):
        origin = self.forums[origin_key]
        target = origin.escalates_to
        slots = self.slots[origin_key]
        rng = random.Random(f"{SEED}:case:{number}")  # noqa: S311 - demo data, not security
        chair = next(s for s in slots if s.role == Mandate.Role.CHAIR)
        member = self.demo_users[MEMBER_USERNAME]
        members = [s for s in slots if s.role == Mandate.Role.MEMBER]
        raiser_slot = next((s for s in members if s.person == member), None)
        if state != "escalated" or raiser_slot is None:
            others = [s for s in members if s.person != member] or members or slots
            raiser_slot = rng.choice(others)
        times = self.schedule[origin_key]
        meeting_index = min(1, len(times) - 1)
        meeting_end = times[meeting_index] + timedelta(hours=3)
        raised_at = {
            "open": _at(date(YEAR, 10, 6)),
            "in_preparation": times[meeting_index] - timedelta(days=21),
            "escalated": times[meeting_index] - timedelta(days=28),
        }[state]
        raised_at = self._clamp(raised_at)
        changed_at = self._clamp(meeting_end) if state != "open" else raised_at
        wished = None
        if state == "escalated":
            later = [t for t in self.schedule[target.slug] if t > meeting_end]
            wished = later[0].date() if later else None
        case, _created = self._obtain(
            Case,
            None,
            reference=_reference(number),
            defaults={
                "title": case_spec["title"],
                "description": case_spec["description"],
                "origin_forum": origin,
                "current_forum": target if state == "escalated" else origin,
                "organisation": self.organisations[raiser_slot.org_key],
                "raised_by": raiser_slot.person,
                "prepared_by": chair.person if state == "in_preparation" else None,
                "status": Case.Status.IN_PREPARATION
                if state == "in_preparation"
                else Case.Status.OPEN,
                "priority": Case.Priority.HIGH if state == "escalated" else Case.Priority.NORMAL,
                "wished_date": wished,
                "created_at": raised_at,
                "status_changed_at": changed_at,
            },
        )
        self._event(
            case,
            CaseEvent.Kind.RAISED,
            raiser_slot.person,
            raised_at,
            to_forum=origin,
            to_status=Case.Status.OPEN,
        )
        if state == "in_preparation":
            self._event(
                case,
                CaseEvent.Kind.STATUS_CHANGED,
                chair.person,
                changed_at,
                from_forum=origin,
                from_status=Case.Status.OPEN,
                to_status=Case.Status.IN_PREPARATION,
                reason="Ordföranden och vice ordföranden bereder ärendet med "
                "sekretariatet inför beslut.",
            )
            self.case_items.setdefault((origin_key, meeting_index), []).append(
                (case, AgendaItem.Kind.DISCUSSION, None)
            )
        if state == "escalated":
            self._event(
                case,
                CaseEvent.Kind.ESCALATED,
                chair.person,
                changed_at,
                from_forum=origin,
                to_forum=target,
                from_status=Case.Status.OPEN,
                to_status=Case.Status.OPEN,
                reason=f"Frågan är principiell och berör fler organisationer än de som "
                f"ingår i {origin.short_name or origin.name}. Ett ställningstagande "
                f"behövs i {target.short_name or target.name}.",
            )
            self.case_items.setdefault((origin_key, meeting_index), []).append(
                (case, AgendaItem.Kind.DECISION, Decision.Outcome.ESCALATED)
            )
            target_chair = next(
                (s.person for s in self.slots[target.slug] if s.role == Mandate.Role.CHAIR), None
            )
            if target_chair:
                self._follow(target_chair, case)
        self._follow(raiser_slot.person, case)

    def _event(self, case, kind, actor, at, to_forum=None, **fields):
        event, _created = self._obtain(
            CaseEvent,
            case,
            case=case,
            kind=kind,
            to_forum=to_forum,
            defaults={"actor": actor, "at": at, **fields},
        )
        return event

    def _follow(self, user, case):
        self._obtain(Follow, case, user=user, case=case)

    # --- meetings ------------------------------------------------------------------------

    def _meetings(self, key):
        forum = self.forums[key]
        spec, _ = self.forum_specs[key]
        slots = self.slots[key]
        chair = next(s for s in slots if s.role == Mandate.Role.CHAIR)
        places = MEETING_PLACES.get(spec["key"]) or ["Digitalt möte"]
        topics = [c for c in CASE_TITLES if c["structure"] == spec["key"]][CASES_PER_STRUCTURE:]
        held = []
        for index, starts_at in enumerate(self.schedule[key]):
            ends_at = starts_at + timedelta(hours=3)
            is_held = ends_at <= self.now
            meeting, _ = self._obtain(
                Meeting,
                None,
                forum=forum,
                starts_at=starts_at,
                defaults={
                    "ends_at": ends_at,
                    "title": f"Sammanträde {index + 1}/{YEAR}",
                    "location": places[index % len(places)],
                    "online_link": f"https://mote.{EMAIL_DOMAIN}/{key}-{index + 1}",
                    "status": Meeting.Status.HELD if is_held else Meeting.Status.PLANNED,
                    "called_by": chair.person,
                },
            )
            if is_held and meeting.status == Meeting.Status.HELD:
                rng = random.Random(f"{SEED}:{key}:{index}")  # noqa: S311 - demo data
                items = self._agenda(rng, meeting, topics, self.case_items.get((key, index), []))
                attendance = self._attendance(rng, meeting, slots)
                held.append((meeting, items, attendance, rng))
        for position, (meeting, items, attendance, rng) in enumerate(held):
            latest = position == len(held) - 1
            self._minutes(meeting, items, attendance, latest)
            self._action_item(rng, meeting, items, attendance, latest)

    def _agenda(self, rng, meeting, topics, case_items):
        forum = meeting.forum
        total = rng.randint(3, 5)
        opening = rng.choice(OPENING_ITEMS)
        planned = [(opening[0], opening[1], AgendaItem.Kind.INFORMATION, None, None)]
        count = max(1, total - 1 - len(case_items))
        has_decision = any(kind == AgendaItem.Kind.DECISION for _, kind, _ in case_items)
        for n, topic in enumerate(rng.sample(topics, min(count, len(topics)))):
            if n == 0 and not has_decision:
                kind = AgendaItem.Kind.DECISION
            else:
                kind = rng.choice([AgendaItem.Kind.DISCUSSION, AgendaItem.Kind.DECISION])
            planned.append((topic["title"], topic["description"], kind, None, None))
        for case, kind, outcome in case_items:
            planned.append((case.title, case.description, kind, case, outcome))
        secretary = self.secretaries[forum.slug].person
        partnership = forum.structure.is_partnership
        items = []
        for order, (title, description, kind, case, outcome) in enumerate(planned, start=1):
            item, _ = self._obtain(
                AgendaItem,
                meeting,
                meeting=meeting,
                order=order,
                defaults={"title": title, "description": description, "kind": kind, "case": case},
            )
            decision = None
            if item.kind == AgendaItem.Kind.DECISION:
                decision = self._decision(rng, item, outcome, secretary, partnership)
            items.append((item, decision))
        return items

    def _decision(self, rng, item, outcome, recorder, partnership):
        forum = item.meeting.forum
        name = forum.short_name or forum.name
        majority = forum.decision_rule == Forum.DecisionRule.MAJORITY
        referred = rng.random() < 0.15
        values = {"consensus": None, "is_joint_position": False}
        if outcome == Decision.Outcome.ESCALATED:
            target = forum.escalates_to
            text = f"{name} beslutar att eskalera frågan till {target.name}."
        elif referred and not majority:
            outcome = Decision.Outcome.REFERRED_BACK
            text = "Enighet nåddes inte. Frågan återremitteras för ny beredning."
            values["consensus"] = False
        else:
            outcome = Decision.Outcome.DECIDED
            if partnership:
                text = (
                    f"Parterna enas om ett gemensamt ställningstagande om "
                    f"{_lower_first(item.title)}. Ställningstagandet binder inte någon part."
                )
                values["is_joint_position"] = True
            else:
                text = f"{name} ställer sig bakom förslaget om {_lower_first(item.title)}."
            if majority:
                values.update(votes_for=5, votes_against=1, votes_abstaining=0)
            else:
                values["consensus"] = True
        decision, _created = self._obtain(
            Decision,
            item,
            agenda_item=item,
            defaults={
                "outcome": outcome,
                "text": text,
                "recorded_by": recorder,
                "recorded_at": item.meeting.ends_at,
                **values,
            },
        )
        return decision

    def _attendance(self, rng, meeting, slots):
        present = []
        for slot in slots:
            absent = slot.role != Mandate.Role.CHAIR and rng.random() < 0.12
            if not absent:
                self._obtain(
                    Attendance,
                    meeting,
                    meeting=meeting,
                    person=slot.person,
                    defaults={"mandate": slot.mandate, "status": Attendance.Status.PRESENT},
                )
                present.append(slot)
                continue
            self._obtain(
                Attendance,
                meeting,
                meeting=meeting,
                person=slot.person,
                defaults={"mandate": slot.mandate, "status": Attendance.Status.ABSENT},
            )
            if slot.deputy is not None:
                self._obtain(
                    Attendance,
                    meeting,
                    meeting=meeting,
                    person=slot.deputy.person,
                    defaults={
                        "mandate": slot.deputy,
                        "status": Attendance.Status.DEPUTY,
                        "stands_in_for": slot.person,
                    },
                )
        secretary = self.secretaries[meeting.forum.slug]
        self._obtain(
            Attendance,
            meeting,
            meeting=meeting,
            person=secretary.person,
            defaults={"mandate": secretary, "status": Attendance.Status.PRESENT},
        )
        return present

    def _minutes(self, meeting, items, present, latest):
        forum = meeting.forum
        secretary = self.secretaries[forum.slug].person
        local = timezone.localtime(meeting.starts_at, STOCKHOLM)
        lines = [
            f"Minnesanteckningar, {forum.name}, {local:%Y-%m-%d}",
            f"Plats: {meeting.location}",
            "Närvarande: " + ", ".join(str(s.person) for s in present),
            "",
        ]
        for item, decision in items:
            lines.append(f"§ {item.order} {item.title}")
            lines.append(decision.text if decision else "Frågan diskuterades och noterades.")
            lines.append("")
        status = Minutes.Status.DRAFT if latest else Minutes.Status.APPROVED
        submitted = None if latest else self._clamp(meeting.ends_at + timedelta(days=5))
        approved = None if latest else self._clamp(meeting.ends_at + timedelta(days=12))
        minutes, _ = self._obtain(
            Minutes,
            meeting,
            meeting=meeting,
            amends=None,
            defaults={
                "body": "\n".join(lines).strip(),
                "status": status,
                "author": secretary,
                "submitted_at": submitted,
                "approved_at": approved,
            },
        )
        if minutes.status == Minutes.Status.APPROVED:
            for role, person in self._approvers(meeting, present):
                approval, _created = self._obtain(
                    MinutesApproval,
                    minutes,
                    minutes=minutes,
                    role=role,
                    defaults={"person": person, "approved_at": minutes.approved_at},
                )

    def _approvers(self, meeting, present):
        """Who approves the minutes under the forum's rule (R15)."""
        forum = meeting.forum
        slots = self.slots[forum.slug]
        chair = next(s for s in slots if s.role == Mandate.Role.CHAIR)
        approvers = [(MinutesApproval.Role.CHAIR, chair.person)]
        pool = [s for s in present if s is not chair] or [s for s in slots if s is not chair]
        if forum.minutes_approval == Forum.MinutesApproval.CHAIR_AND_MEMBER:
            approvers.append((MinutesApproval.Role.MEMBER, pool[0].person))
        elif forum.minutes_approval == Forum.MinutesApproval.CHAIR_AND_OTHER_PARTY_MEMBER:

            def other(candidates):
                return [s for s in candidates if s.party_key and s.party_key != chair.party_key]

            candidates = other(pool) or other(slots)
            plain = [s for s in candidates if s.role == Mandate.Role.MEMBER]
            approvers.append(
                (MinutesApproval.Role.OTHER_PARTY_MEMBER, (plain or candidates)[0].person)
            )
        return approvers

    def _action_item(self, rng, meeting, items, present, latest):
        topics = [(item, d) for item, d in items if item.kind != AgendaItem.Kind.INFORMATION]
        if not topics:
            return
        item, _ = topics[0]
        key = meeting.forum.slug
        assignee = None
        if latest and key == CHAIR_FORUM:
            assignee = self.demo_users[CHAIR_USERNAME]
        elif latest and key == MEMBER_ACTION_FORUM:
            assignee = self.demo_users[MEMBER_USERNAME]
        else:
            members = [s for s in present if s.role != Mandate.Role.CHAIR] or present
            assignee = rng.choice(members).person
        title = rng.choice(ACTION_TITLES).format(topic=item.title)[:300]
        due = (meeting.starts_at + timedelta(days=42)).date()
        done = not latest
        self._obtain(
            ActionItem,
            meeting,
            meeting=meeting,
            title=title,
            defaults={
                "agenda_item": item,
                "assignee": assignee,
                "due_date": due,
                "status": ActionItem.Status.DONE if done else ActionItem.Status.OPEN,
                "completed_at": self._clamp(meeting.ends_at + timedelta(days=30)) if done else None,
            },
        )

    # --- permissions ---------------------------------------------------------------------

    def _grant_permissions(self):
        """Object permissions follow the mandates and the secretariat staff (idempotent)."""
        for structure in self.structures.values():
            structure_secretariat_sync(structure=structure)
        pairs = Mandate.objects.filter(forum__in=self.forums.values()).values_list(
            "person_id", "forum_id"
        )
        User = get_user_model()
        people = User.objects.in_bulk({person_id for person_id, _ in pairs})
        forums = {forum.pk: forum for forum in self.forums.values()}
        for person_id, forum_id in sorted(set(pairs)):
            forum_permissions_sync(person=people[person_id], forum=forums[forum_id])

    # --- reports -------------------------------------------------------------------------

    def _report(self, spec):
        for forum_spec in spec["forums"]:
            if forum_spec["tier"] != "strategic":
                continue
            forum = self.forums[forum_spec["key"]]
            name = forum.short_name or forum.name
            body = "\n".join(
                [f"Handlingsplan {YEAR} för {forum.name}.", "", "Prioriterade insatser:"]
                + [f"- {text}" for text in forum_spec["general_assignments"]]
                + [
                    "",
                    f"Kontaktuppgifter till ledamöterna finns på forumets sida. "
                    f"Planen följs upp i årsrapporten för {YEAR}.",
                ]
            )
            self._obtain(
                Report,
                None,
                forum=forum,
                year=YEAR,
                kind=Report.Kind.ACTION_PLAN,
                defaults={
                    "title": f"Handlingsplan {YEAR} – {name}",
                    "body": body,
                    "status": Report.Status.PUBLISHED,
                    "published_at": self._clamp(_at(date(YEAR, 2, 16))),
                },
            )
