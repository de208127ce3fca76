"""The chair rotation plan (R10): who holds the chair in the coming periods.

For a forum whose chair rotates every `chair_rotation_months` among its parties or its
organisations, the plan counts the whole months each candidate has held the chair (from
the chair mandates, active and ended) and gives each coming period to the candidate that
has served least, never to the one that held it just before (unless there is no one
else), the one who held it longest ago first on a tie. Where the forum's chair must go to
the party that does not chair another forum (`chair_party_differs_from`), that forum's
holder on the day a period starts (its current chair, or its own plan) is passed over.

A chair already appointed from a later day (an active mandate that has not started) is a
period of the plan as it stands, marked as coming, not a proposal: the plan proposes only
the periods around and after it, and counts its months as given, as the seat table counts
the seat as filled from that day.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.utils import timezone

from forums.models import Forum

from .models import Mandate
from .rules import add_months, load_states

AVERAGE_MONTH_DAYS = 30.44


@dataclass(eq=False)
class Candidate:
    key: int
    name: str
    served_days: int = 0  # held, from the mandates
    planned_months: int = 0  # given by the plan
    last_served: datetime.date | None = None  # from the mandates
    last_planned: datetime.date | None = None  # in the plan
    planned: int = 0

    @property
    def served_months(self):
        """Whole months held (a term of a year is 12, whatever its leap days)."""
        return round(self.served_days / AVERAGE_MONTH_DAYS)

    @property
    def load(self):
        return self.served_months + self.planned_months


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    candidate: Candidate | None
    current: bool = False
    person_name: str = ""
    upcoming: bool = False  # a chair appointed from a later day

    @property
    def proposed(self):
        return not (self.current or self.upcoming)


@dataclass(eq=False)
class RotationPlan:
    forum: Forum
    among: str
    months: int
    candidates: list = field(default_factory=list)
    periods: list = field(default_factory=list)

    @property
    def candidates_by_key(self):
        return {candidate.key: candidate for candidate in self.candidates}

    @property
    def among_parties(self):
        return self.among == Forum.RotationAmong.PARTIES

    def holder_during(self, start, end):
        """Who holds the chair at the start of the days, or else first within them."""
        for period in self.periods:
            if period.start <= end and start <= period.end and period.candidate is not None:
                return period.candidate
        return None


def has_rotation(forum):
    return bool(forum.chair_rotation_months and forum.chair_rotation_among)


def _candidates(state):
    """Who the chair rotates among: the parties or organisations that have seats."""
    forum = state.forum
    if forum.chair_rotation_among == Forum.RotationAmong.PARTIES:
        keys = {seat.party_id for seat in state.seats if seat.party_id}
        for seat in state.seats:
            keys |= seat.party_ids & set(state.party_names)
        if not keys:
            keys = set(state.party_names)
        return {key: Candidate(key, state.party_names.get(key, str(key))) for key in keys}
    candidates = {
        seat.organisation_id: Candidate(seat.organisation_id, seat.label)
        for seat in state.seats
        if seat.organisation_id
    }
    if not candidates:
        for holder in state.holders:
            if holder.organisation_id and holder.role in Mandate.SEAT_ROLES:
                candidates[holder.organisation_id] = Candidate(
                    holder.organisation_id, holder.organisation_name
                )
    return candidates


def _keys(forum, holder, candidates):
    if forum.chair_rotation_among == Forum.RotationAmong.PARTIES:
        return [key for key in sorted(holder.party_ids) if key in candidates]
    return [holder.organisation_id] if holder.organisation_id in candidates else []


def _pick(candidates, previous, blocked):
    eligible = [c for c in candidates.values() if c.key != blocked]
    if len(eligible) > 1 or (eligible and eligible[0].key != previous):
        eligible = [c for c in eligible if c.key != previous] or eligible
    if not eligible:
        return None
    return min(
        eligible,
        key=lambda c: (
            c.load,
            c.last_planned or c.last_served or datetime.date.min,
            c.name,
            c.key,
        ),
    )


def rotation_plan(forum, *, periods=4, on=None, states=None, _follow_links=True):
    """The plan for the forum's coming `periods` chair terms, or None without a rule."""
    if not has_rotation(forum):
        return None
    day = on or timezone.localdate()
    if states is None:
        related = [forum]
        if forum.chair_party_differs_from_id and _follow_links:
            related.append(forum.chair_party_differs_from)
        states = load_states(related)
    state = states[forum.pk]
    months = forum.chair_rotation_months
    candidates = _candidates(state)
    plan = RotationPlan(forum=forum, among=forum.chair_rotation_among, months=months)

    current = latest = None
    upcoming = []
    for holder in state.chairs:
        if holder.valid_from > day:
            if holder.status == Mandate.Status.ACTIVE:
                upcoming.append(holder)
            continue
        latest = holder
        if holder.status == Mandate.Status.ACTIVE and holder.in_force_on(day):
            current = holder
        end = min(holder.valid_to or day, day)
        for key in _keys(forum, holder, candidates):
            candidate = candidates[key]
            candidate.served_days += (end - holder.valid_from).days + 1
            candidate.last_served = max(candidate.last_served or end, end)

    # The linked forum's holder on a day (R10), from its chair or its own plan.
    linked_plan = None
    linked_state = None
    if (
        _follow_links
        and forum.chair_party_differs_from_id
        and forum.chair_rotation_among == Forum.RotationAmong.PARTIES
    ):
        linked_state = states.get(forum.chair_party_differs_from_id)
        if linked_state is not None and has_rotation(linked_state.forum):
            linked_plan = rotation_plan(
                linked_state.forum, periods=periods + 1, on=day, states=states, _follow_links=False
            )

    def blocked_during(start, end):
        """The party chairing the linked forum when the period starts, or else first in it."""
        if linked_state is None:
            return None
        if linked_plan is not None:
            holder = linked_plan.holder_during(start, end)
            if holder is not None:
                return holder.key
        for holder in linked_state.chairs:
            if (
                holder.status == Mandate.Status.ACTIVE
                and holder.valid_from <= end
                and start <= (holder.valid_to or end)
            ):
                keys = sorted(holder.party_ids)
                return keys[0] if keys else None
        return None

    previous = None
    if latest is not None:
        keys = _keys(forum, latest, candidates)
        previous = keys[0] if keys else None
    if current is not None:
        keys = _keys(forum, current, candidates)
        previous = keys[0] if keys else None
        end = current.valid_to or (add_months(current.valid_from, months) - datetime.timedelta(1))
        end = max(end, day)
        plan.periods.append(
            Period(
                start=current.valid_from,
                end=end,
                candidate=candidates.get(previous) if previous is not None else None,
                current=True,
                person_name=current.person_name,
            )
        )
        start = end + datetime.timedelta(days=1)
    else:
        start = day

    def propose(start, end):
        nonlocal previous
        chosen = _pick(candidates, previous, blocked_during(start, end))
        if chosen is not None:
            chosen.planned_months += months
            chosen.last_planned = end
            chosen.planned += 1
            previous = chosen.key
        plan.periods.append(Period(start=start, end=end, candidate=chosen))

    def term_end(holder):
        return holder.valid_to or (add_months(holder.valid_from, months) - datetime.timedelta(1))

    proposed = 0
    for holder in upcoming:
        if plan.periods and plan.periods[-1].end >= holder.valid_from:
            # The period before ends when the appointed chair starts (an open-ended chair's
            # period was only reckoned).
            plan.periods[-1] = replace(
                plan.periods[-1],
                end=max(plan.periods[-1].start, holder.valid_from - datetime.timedelta(days=1)),
            )
        # Whole periods that fit before the appointed chair starts are proposed; the days
        # left before it are shown as they are, without a chair.
        while add_months(start, months) <= holder.valid_from and proposed < periods:
            end = add_months(start, months) - datetime.timedelta(days=1)
            propose(start, end)
            proposed += 1
            start = end + datetime.timedelta(days=1)
        keys = _keys(forum, holder, candidates)
        candidate = candidates.get(keys[0]) if keys else None
        end = term_end(holder)
        if candidate is not None:
            # Whole months, as the months held are counted (a year is 12, leap day or not).
            candidate.planned_months += round(
                ((end - holder.valid_from).days + 1) / AVERAGE_MONTH_DAYS
            )
            candidate.last_planned = end
            previous = candidate.key
        plan.periods.append(
            Period(
                start=holder.valid_from,
                end=end,
                candidate=candidate,
                upcoming=True,
                person_name=holder.person_name,
            )
        )
        start = end + datetime.timedelta(days=1)

    while proposed < periods:
        end = add_months(start, months) - datetime.timedelta(days=1)
        propose(start, end)
        proposed += 1
        start = end + datetime.timedelta(days=1)

    plan.candidates = sorted(candidates.values(), key=lambda c: c.name)
    return plan
