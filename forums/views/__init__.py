"""The secretariat's workspace for structures and forums, and the forum pages members read.

Views are thin: they fetch through the selectors, which use the visibility API (an object
the user may not see is a 404, one they see but may not change a 403), and write through
`kernel.views.form_submit` / `action_submit` (form -> service -> errors -> redirect). List
pages are a FilterSet and a Table (forums.filters, forums.tables) through `list_page`.

Anonymous visitors: a page about an object they could see if logged in (a public forum, a
structure with public forums) sends them to log in, or for a public forum's page to its
public page; anything else is a 404, the same as a forum that does not exist.

One module a topic; forums/urls.py and forums/public_urls.py use the names re-exported here.
"""

from .forums import (
    charter_context,
    charter_update,
    forum_create,
    forum_detail,
    forum_list,
    forum_update,
    forum_wind_down,
    principal_body_options,
    seat_set,
)
from .organisations import (
    organisation_archive,
    organisation_create,
    organisation_list,
    organisation_restore,
    organisation_update,
)
from .parties import party_archive, party_create, party_restore, party_update
from .public import public_forum_detail, public_forum_list
from .structures import (
    structure_archive,
    structure_create,
    structure_detail,
    structure_list,
    structure_restore,
    structure_secretariat,
    structure_update,
)

__all__ = [
    "charter_context",
    "charter_update",
    "forum_create",
    "forum_detail",
    "forum_list",
    "forum_update",
    "principal_body_options",
    "forum_wind_down",
    "organisation_archive",
    "organisation_create",
    "organisation_list",
    "organisation_restore",
    "organisation_update",
    "party_archive",
    "party_create",
    "party_restore",
    "party_update",
    "public_forum_detail",
    "public_forum_list",
    "seat_set",
    "structure_archive",
    "structure_create",
    "structure_detail",
    "structure_list",
    "structure_restore",
    "structure_secretariat",
    "structure_update",
]
