"""The yearly cycle: Partnerskapet's priority areas and the forums' action plans.

Each document is adopted as the portal adopts it: a decision item on the forum's first
meeting of the year, decided. `_cycle_agenda` runs before the meetings and plans those items
(the meetings step writes them, their decisions and the minutes that carry them);
`_cycle_documents` runs after and writes the documents, adopted at that item when the
meeting is held and its decision made, a draft otherwise. Documents are found by forum and
year, areas by set and title, activities by plan and title.
"""

import calendar
from datetime import date

from cycle.models import ActionPlan, Activity, PriorityArea, PrioritySet
from escalation.models import Case
from forums.models import AssignmentItem
from mandates.models import Mandate
from meetings.models import ActionItem, AgendaItem, Decision, Meeting

from ..structures.plans import ACTION_PLANS, PRIORITY_AREAS, PRIORITY_FORUM, PRIORITY_INTRODUCTION
from .common import YEAR, _add_missing

ADOPTING_MEETING = 0  # the index of the meeting that adopts the year's documents


def _priority_title():
    return f"Prioriterade områden {YEAR}"


def _plan_title():
    return f"Handlingsplan {YEAR}"


def _listing(introduction, titles):
    """The item's description, as the services write it: the introduction, then the list."""
    lines = [introduction] + [f"{n}. {title}" for n, title in enumerate(titles, start=1)]
    return "\n".join(lines)


class CyclePlansMixin:
    def _cycle_agenda(self):
        """Plan the decision items that adopt the year's documents (before the meetings)."""
        pks = self.forums[PRIORITY_FORUM]
        pks_name = pks.short_name or pks.name
        self.document_items.setdefault((PRIORITY_FORUM, ADOPTING_MEETING), []).append(
            (
                _priority_title(),
                _listing(PRIORITY_INTRODUCTION, [title for title, _ in PRIORITY_AREAS]),
                f"{pks_name} fastställer de prioriterade områdena för {YEAR} enligt "
                f"förslaget. Parterna enas om områdena; beslutet binder inte någon part.",
            )
        )
        for key, (introduction, activities) in ACTION_PLANS.items():
            forum = self.forums[key]
            name = forum.short_name or forum.name
            if forum.structure.is_partnership:
                text = (
                    f"Parterna enas om handlingsplanen för {YEAR}. Ställningstagandet binder "
                    f"inte någon part."
                )
            else:
                text = f"{name} fastställer handlingsplanen för {YEAR} enligt förslaget."
            description = _listing(introduction, [a["title"] for a in activities])
            self.document_items.setdefault((key, ADOPTING_MEETING), []).append(
                (_plan_title(), description, text)
            )

    def _cycle_documents(self):
        """Write the priority areas and the action plans (after the meetings)."""
        areas = self._priority_set()
        for key, (introduction, activities) in ACTION_PLANS.items():
            plan = self._action_plan(key, introduction)
            for order, spec in enumerate(activities, start=1):
                self._activity(plan, order, spec, areas if key == PRIORITY_FORUM else [])

    def _adopting_decision(self, key, title):
        """The decided item of the forum's adopting meeting with this title, or None."""
        starts_at = self.schedule[key][ADOPTING_MEETING]
        return (
            Decision.objects.filter(
                agenda_item__meeting__forum=self.forums[key],
                agenda_item__meeting__starts_at=starts_at,
                agenda_item__meeting__status=Meeting.Status.HELD,
                agenda_item__title=title,
                agenda_item__kind=AgendaItem.Kind.DECISION,
                outcome=Decision.Outcome.DECIDED,
            )
            .select_related("agenda_item")
            .first()
        )

    def _adopted(self, model, key, title, introduction):
        """The forum's document of the year, adopted by its decision when there is one."""
        decision = self._adopting_decision(key, title)
        adoption = {"status": model.Status.DRAFT, "agenda_item": None, "adopted_at": None}
        if decision is not None:
            adoption = {
                "status": model.Status.ADOPTED,
                "agenda_item": decision.agenda_item,
                "adopted_at": decision.recorded_at,
            }
        document, created = self._obtain(
            model,
            None,
            forum=self.forums[key],
            year=YEAR,
            defaults={
                "introduction": introduction,
                "created_by": self.secretaries[key].person,
                **adoption,
            },
        )
        if not created and not document.is_adopted and decision is not None:
            for name, value in adoption.items():  # the meeting was held since the last run
                setattr(document, name, value)
            document.save()
        return document

    def _priority_set(self):
        """Partnerskapet's priority areas; linked to its cases and a decision once adopted."""
        priority_set = self._adopted(
            PrioritySet, PRIORITY_FORUM, _priority_title(), PRIORITY_INTRODUCTION
        )
        structure = priority_set.forum.structure
        cases = list(Case.objects.filter(current_forum__structure=structure).order_by("reference"))
        decision = (
            Decision.objects.filter(
                agenda_item__meeting__forum__structure=structure,
                agenda_item__meeting__forum__tier=priority_set.forum.tier + 1,
                outcome=Decision.Outcome.DECIDED,
            )
            .order_by("recorded_at", "pk")
            .first()
        )
        areas = []
        for order, (title, description) in enumerate(PRIORITY_AREAS, start=1):
            area, _ = self._obtain(
                PriorityArea,
                priority_set,
                priority_set=priority_set,
                title=title,
                defaults={"order": order, "description": description},
            )
            areas.append(area)
            if not priority_set.is_adopted:
                continue
            if order <= 2 and len(cases) >= order:
                _add_missing(area.cases, [cases[order - 1]])
            if order == 2 and decision is not None:
                _add_missing(area.decisions, [decision])
        return areas

    def _action_plan(self, key, introduction):
        return self._adopted(ActionPlan, key, _plan_title(), introduction)

    def _activity(self, plan, order, spec, areas):
        forum = plan.forum
        members = [s for s in self.slots[forum.slug] if s.role == Mandate.Role.MEMBER]
        owner = members[spec["owner"] % len(members)]
        first, last = spec["months"]
        status = spec["status"] if plan.is_adopted else Activity.Status.PLANNED
        activity, _ = self._obtain(
            Activity,
            plan,
            plan=plan,
            title=spec["title"],
            defaults={
                "order": order,
                "description": spec["description"],
                "owner": owner.person,
                "owner_organisation": self.organisations[owner.org_key],
                "starts_on": date(YEAR, first, 1),
                "ends_on": date(YEAR, last, calendar.monthrange(YEAR, last)[1]),
                "status": status,
                "status_note": spec["note"] if plan.is_adopted else "",
            },
        )
        kind, number = spec["assignment"]
        assignment = AssignmentItem.objects.filter(forum=forum, kind=kind, order=number).first()
        if assignment is not None:
            _add_missing(activity.assignment_items, [assignment])
        if spec["area"] and plan.is_adopted and areas and areas[0].priority_set.is_adopted:
            _add_missing(activity.priority_areas, [areas[spec["area"] - 1]])
        if spec["case"]:
            case = Case.objects.filter(current_forum=forum).order_by("reference").first()
            if case is not None:
                _add_missing(activity.cases, [case])
        if spec["action_item"]:
            item = (
                ActionItem.objects.filter(meeting__forum=forum)
                .order_by("meeting__starts_at", "pk")
                .first()
            )
            if item is not None:
                _add_missing(activity.action_items, [item])
        return activity
