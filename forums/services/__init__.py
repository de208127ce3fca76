"""Every write to structures, parties, organisations, forums, charters and seats.

Each service checks the actor's permission first (PermissionDenied), locks the row it
changes, validates, and saves through `save_with_history`. Field-level problems are raised
as `ValidationError({"field": [message]})` before anything is written, so the view can put
them next to the field; the database constraints and the escalation trigger are only the
last line of defence. Nothing that has history is deleted: structures, parties and
organisations are archived, forums are wound down, seats are set to zero.

One module per topic; `from forums import services; services.forum_create(...)` reaches them
all. Each topic declares the fields its forms edit (STRUCTURE_FIELDS, ...), once.
"""

from .base import ADD_STRUCTURE, RESERVED_SLUGS
from .charters import charter_update
from .forums import FORUM_FIELDS, forum_create, forum_update, forum_wind_down
from .organisations import (
    ORGANISATION_FIELDS,
    organisation_archive,
    organisation_create,
    organisation_restore,
    organisation_update,
)
from .parties import PARTY_FIELDS, party_archive, party_create, party_restore, party_update
from .seats import seat_set
from .structures import (
    STRUCTURE_FIELDS,
    structure_archive,
    structure_create,
    structure_restore,
    structure_secretariat_set,
    structure_update,
)

__all__ = [
    "ADD_STRUCTURE",
    "FORUM_FIELDS",
    "ORGANISATION_FIELDS",
    "PARTY_FIELDS",
    "RESERVED_SLUGS",
    "STRUCTURE_FIELDS",
    "charter_update",
    "forum_create",
    "forum_update",
    "forum_wind_down",
    "organisation_archive",
    "organisation_create",
    "organisation_restore",
    "organisation_update",
    "party_archive",
    "party_create",
    "party_restore",
    "party_update",
    "seat_set",
    "structure_archive",
    "structure_create",
    "structure_restore",
    "structure_secretariat_set",
    "structure_update",
]
