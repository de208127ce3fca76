"""Cases raised in the operative forums: open, in preparation, escalated one tier up."""

import random
from datetime import date, timedelta

from escalation.models import Case, CaseEvent, Follow
from mandates.models import Mandate
from meetings.models import (
    AgendaItem,
    Decision,
)

from ..structures import (
    CASE_TITLES,
)
from .common import (
    MEMBER_FORUMS,
    MEMBER_USERNAME,
    SEED,
    TIERS,
    YEAR,
    _at,
    _case_count,
    _reference,
)

# The three case states the demo shows, in the order of each structure's first case titles.
CASE_STATES = ("open", "in_preparation", "escalated")


class CasesMixin:
    def _cases(self, spec, first_number):
        skey = spec["key"]
        titles = [c for c in CASE_TITLES if c["structure"] == skey][: _case_count(spec)]
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
