"""A year of meetings: agendas with decisions, attendance, minutes and their approvals,
action items, and the decision items that adopt the yearly cycle's documents (their rows
are made by `cycle_plans` once the meetings exist)."""

import random
from datetime import timedelta

from django.utils import timezone

from forums.models import Forum
from mandates.models import Mandate
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
)
from meetings.sealing import seal_minutes

from ..structures import (
    CASE_TITLES,
    MEETING_PLACES,
)
from .common import (
    CHAIR_FORUM,
    CHAIR_USERNAME,
    EMAIL_DOMAIN,
    MEMBER_ACTION_FORUM,
    MEMBER_USERNAME,
    SEED,
    STOCKHOLM,
    YEAR,
    _case_count,
    _lower_first,
)

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


class MeetingsMixin:
    def _meetings(self, key):
        forum = self.forums[key]
        spec, _ = self.forum_specs[key]
        slots = self.slots[key]
        chair = next(s for s in slots if s.role == Mandate.Role.CHAIR)
        places = MEETING_PLACES.get(spec["key"]) or ["Digitalt möte"]
        topics = [c for c in CASE_TITLES if c["structure"] == spec["key"]][_case_count(spec) :]
        # The forum's organisations host its meetings in turn (hosting is shared fairly).
        hosts = [self.organisations[k] for k in dict.fromkeys(s.org_key for s in slots)]
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
                    "host_organisation": hosts[index % len(hosts)] if hosts else None,
                },
            )
            if is_held and meeting.status == Meeting.Status.HELD:
                rng = random.Random(f"{SEED}:{key}:{index}")  # noqa: S311 - demo data
                case_items = self.case_items.get((key, index), [])
                documents = self.document_items.get((key, index), [])
                items = self._agenda(rng, meeting, topics, case_items, documents)
                attendance = self._attendance(rng, meeting, slots)
                held.append((meeting, items, attendance, rng))
        for position, (meeting, items, attendance, rng) in enumerate(held):
            latest = position == len(held) - 1
            self._minutes(meeting, items, attendance, latest)
            self._action_item(rng, meeting, items, attendance, latest)

    def _agenda(self, rng, meeting, topics, case_items, documents=()):
        """The meeting's items: an opening, topics, the cases put on it, and the decision
        items that adopt documents of the cycle ((title, description, decision text))."""
        forum = meeting.forum
        total = rng.randint(3, 5)
        opening = rng.choice(OPENING_ITEMS)
        planned = [(opening[0], opening[1], AgendaItem.Kind.INFORMATION, None, None, None)]
        count = max(1, total - 1 - len(case_items) - len(documents))
        has_decision = any(kind == AgendaItem.Kind.DECISION for _, kind, _ in case_items)
        for n, topic in enumerate(rng.sample(topics, min(count, len(topics)))):
            if n == 0 and not has_decision:
                kind = AgendaItem.Kind.DECISION
            else:
                kind = rng.choice([AgendaItem.Kind.DISCUSSION, AgendaItem.Kind.DECISION])
            planned.append((topic["title"], topic["description"], kind, None, None, None))
        for case, kind, outcome in case_items:
            planned.append((case.title, case.description, kind, case, outcome, None))
        for title, description, adopts in documents:
            planned.append((title, description, AgendaItem.Kind.DECISION, None, None, adopts))
        secretary = self.secretaries[forum.slug].person
        partnership = forum.structure.is_partnership
        items = []
        for order, (title, description, kind, case, outcome, adopts) in enumerate(planned, start=1):
            item, _ = self._obtain(
                AgendaItem,
                meeting,
                meeting=meeting,
                order=order,
                defaults={"title": title, "description": description, "kind": kind, "case": case},
            )
            decision = None
            if item.kind == AgendaItem.Kind.DECISION:
                decision = self._decision(rng, item, outcome, secretary, partnership, adopts)
            items.append((item, decision))
        return items

    def _decision(self, rng, item, outcome, recorder, partnership, adopts=None):
        """The item's decision; `adopts` is the text of a decision that adopts a document."""
        forum = item.meeting.forum
        name = forum.short_name or forum.name
        majority = forum.decision_rule == Forum.DecisionRule.MAJORITY
        referred = rng.random() < 0.15
        values = {"consensus": None, "is_joint_position": False}
        if outcome == Decision.Outcome.ESCALATED:
            target = forum.escalates_to
            text = f"{name} beslutar att eskalera frågan till {target.name}."
        elif referred and not majority and adopts is None:
            outcome = Decision.Outcome.REFERRED_BACK
            text = "Enighet nåddes inte. Frågan återremitteras för ny beredning."
            values["consensus"] = False
        else:
            outcome = Decision.Outcome.DECIDED
            if adopts is not None:
                text = adopts
                values["is_joint_position"] = partnership
            elif partnership:
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
        # Minutes to approve are written as out for approval, get their approvals, and are
        # then approved and sealed as the final approval does (the record is frozen after).
        # The latest minutes are drafts, except in the chair's forum: sent for approval, and
        # waiting for it (the chair's and the secretariat's start pages show them).
        waiting = latest and forum.slug == CHAIR_FORUM
        status = Minutes.Status.DRAFT if latest and not waiting else Minutes.Status.IN_APPROVAL
        submitted = None if latest else self._clamp(meeting.ends_at + timedelta(days=5))
        if waiting:
            submitted = self._clamp(meeting.ends_at + timedelta(days=2))
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
            },
        )
        if minutes.status == Minutes.Status.IN_APPROVAL and approved is not None:
            for role, person in self._approvers(meeting, present):
                approval, _created = self._obtain(
                    MinutesApproval,
                    minutes,
                    minutes=minutes,
                    role=role,
                    defaults={"person": person, "approved_at": approved},
                )
            minutes.status = Minutes.Status.APPROVED
            minutes.approved_at = approved
            minutes.save()
            seal_minutes(minutes, actor=self.system, sealed_at=approved)

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
