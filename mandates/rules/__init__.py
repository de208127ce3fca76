"""The rules on mandates and forums, one module per rule, run through the kernel's registry.

- `r05_seats` (R5), `r07_co_opted` (R7), `r09_contact_persons` (R9), `r10_linked_chairs` and
  `r10_rotation` (R10), `r11_chair_and_vice_chair` (R11); R12 (meeting frequency) lives in
  `meetings.rules` and registers itself when the meetings app is ready.
- `state`: the snapshot of forums the rules read (`load_states`, `ForumState`, `Holder`).
- `context`: what a rule gets: a `Proposal` (scope "mandate") or `ForumsOnDay` ("forum").

Four callers run them: the services (one mandate being saved: `check_mandate`, hard
findings refuse it), the import (rows not saved yet, added to the snapshot as they pass),
the compliance page (every forum of a structure: `structure_findings`) and the forum page
(`forum_findings`, a panel of `mandates.panels`). The forum rules read the state of the
day, so a warning stays on those pages for as long as it holds, not only after a save.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.rules import (
    FORUM,
    HARD,
    MANDATE,
    SOFT,
    catalogue,
    hard_findings,
    raise_for_hard,
    registered_rules,
    run_rules,
    soft_findings,
)

from . import (  # noqa: F401  (each module registers its rules)
    r05_seats,
    r07_co_opted,
    r09_contact_persons,
    r10_linked_chairs,
    r10_rotation,
    r11_chair_and_vice_chair,
)
from .context import Finding, ForumsOnDay, Proposal
from .dates import add_months, months_between, term_months
from .r05_seats import composition
from .r10_rotation import chair_tenure_start
from .state import (
    REPRESENTING_ROLES,
    SEAT_ROLES,
    SEATED_ROLES,
    ForumState,
    Holder,
    SeatInfo,
    holder_from_mandate,
    load_state,
    load_states,
    organisation_parties,
)

__all__ = [
    "FORUM",
    "HARD",
    "MANDATE",
    "REPRESENTING_ROLES",
    "SEATED_ROLES",
    "SEAT_ROLES",
    "SOFT",
    "Finding",
    "ForumState",
    "ForumsOnDay",
    "Holder",
    "Proposal",
    "SeatInfo",
    "add_months",
    "catalogue",
    "chair_tenure_start",
    "check_mandate",
    "composition",
    "forum_findings",
    "hard_findings",
    "holder_from_mandate",
    "load_state",
    "load_states",
    "months_between",
    "organisation_parties",
    "raise_for_hard",
    "registered_rules",
    "soft_findings",
    "structure_findings",
    "term_months",
]


def check_mandate(state, candidate, *, activating=False):
    """Findings for one mandate as it would be saved, against the rest of its forum.

    A term that ends before it starts is refused before any rule runs: it is not a rule of
    the seeds but the shape of a term, and the rules compare terms.
    """
    if candidate.valid_to is not None and candidate.valid_to < candidate.valid_from:
        return [
            Finding(
                _("The mandate cannot end before it starts."),
                code="ends_before_start",
                level=HARD,
                field="valid_to",
                obj=candidate,
                forum_id=state.forum.pk,
            )
        ]
    return run_rules(MANDATE, Proposal(state, candidate, activating=activating))


def forums_findings(states, *, on=None):
    """Every forum rule over the forums ({forum id: ForumState}) on the day."""
    return run_rules(FORUM, ForumsOnDay(states, on or timezone.localdate()))


def forum_findings(state, *, on=None):
    """Everything the rules say about a forum as it stands on the day."""
    findings = forums_findings({state.forum.pk: state}, on=on)
    return [finding for finding in findings if finding.forum_id == state.forum.pk]


def structure_findings(structure, *, on=None):
    """[(forum, findings)] for the structure's active forums, and structure-wide findings.

    Reads everything in a fixed number of queries, whatever the number of forums.
    """
    day = on or timezone.localdate()
    forums = list(structure.forums.exclude(active_to__lt=day).order_by("tier", "name"))
    states = load_states(forums)
    by_forum = {forum.pk: [] for forum in forums}
    structure_wide = []
    for finding in forums_findings(states, on=day):
        if finding.forum_id is None:
            structure_wide.append(finding)
        else:
            by_forum[finding.forum_id].append(finding)
    return [(forum, by_forum[forum.pk]) for forum in forums], structure_wide
