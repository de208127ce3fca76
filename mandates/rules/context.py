"""What a rule function gets: a proposal (scope "mandate") or forums on a day ("forum")."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from kernel import rules as registry

from .state import Role, Status


@dataclass(frozen=True)
class Finding(registry.Finding):
    """A finding about a forum (`forum_id`), or about the whole structure (None);
    `mandate_id` is the mandate concerned, for a link to it."""

    forum_id: int | None = None
    mandate_id: int | None = None


def role_name(role):
    return str(Role(role).label).lower()


@dataclass(eq=False)
class Proposal:
    """One mandate as it would be saved (`candidate`), against the rest of its forum.

    `activating` also refuses a second active chair or vice chair whose term does not
    overlap (the database allows one active chair per forum at a time).
    """

    state: object  # ForumState
    candidate: object  # Holder
    activating: bool = False

    @property
    def forum(self):
        return self.state.forum

    @property
    def role(self):
        return self.candidate.role

    @cached_property
    def names(self):
        return {"forum": self.forum.name, "role": role_name(self.role)}

    def others(self, holders):
        """The holders other than the candidate itself."""
        return [h for h in holders if not h.same_mandate(self.candidate)]

    def active(self, holders):
        """Other active holders whose term overlaps the candidate's."""
        return [
            h
            for h in holders
            if not h.same_mandate(self.candidate)
            and h.status == Status.ACTIVE
            and h.overlaps(self.candidate)
        ]

    def finding(self, message, *, code, field=None, level=None):
        return Finding(
            message,
            code=code,
            level=level,
            field=field,
            obj=self.candidate,
            forum_id=self.forum.pk,
        )


@dataclass(eq=False)
class ForumsOnDay:
    """Forums as they stand on a day: {forum id: ForumState}, read together."""

    states: dict
    on: datetime.date

    def __iter__(self):
        return iter(self.states.values())

    def in_force(self, state):
        """The forum's mandates in force on the day."""
        return [holder for holder in state.holders if holder.in_force_on(self.on)]

    def finding(self, state, message, *, code, holder=None, level=None):
        return Finding(
            message,
            code=code,
            level=level,
            obj=holder if holder is not None else state.forum,
            forum_id=state.forum.pk,
            mandate_id=holder.id if holder is not None else None,
        )

    def structure_finding(self, message, *, code, level=None):
        """A finding about the whole structure, not one forum."""
        return Finding(message, code=code, level=level)
