"""The loader's constants (where the demo logins sit, the year, the term) and small helpers."""

import unicodedata
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from forums.models import Forum

from ..structures import STRUCTURES

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
CASES_PER_STRUCTURE = 3  # the first case titles of each structure become cases

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


def _fold(text):
    """ASCII-fold a name for e-mail addresses: "Jönsson" -> "jonsson"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def _reference(number):
    return f"SAM-{YEAR}-{number:04d}"


def _case_count(spec):
    """How many of the structure's first case titles become cases: none in a structure
    without an operative forum (cases are raised there); the rest are agenda topics."""
    operative = any(f["tier"] == "operative" for f in spec["forums"])
    return CASES_PER_STRUCTURE if operative else 0


def _total_cases():
    return sum(_case_count(spec) for spec in STRUCTURES)


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
