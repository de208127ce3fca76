"""The strategic forum's yearly priority areas: drafted by the structure's secretariat, put
on an agenda, adopted by the forum's decision; then the areas exist for that year and the
structure's cases and decisions are linked to them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from escalation.models import Case
from forums.models import Forum
from kernel.errors import DomainError
from kernel.history import save_with_history
from meetings.models import Decision

from ..models import PriorityArea, PrioritySet
from ..permissions import require_draft
from .agenda import document_put_on_agenda

# What the secretariat may change: of a draft set, and of each of its areas.
PRIORITY_AREA_FIELDS = ("title", "description")
YEARS = range(2000, 2101)


def check_year(year):
    if not isinstance(year, int) or year not in YEARS:
        raise ValidationError({"year": [_("Give a year between 2000 and 2100.")]})


@transaction.atomic
def priority_set_create(*, actor, forum, year, introduction=""):
    """The priority areas of one year: only a strategic forum decides them, once a year."""
    require_draft(actor, forum)
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    if forum.tier != Forum.Tier.STRATEGIC:
        raise DomainError(_("Only a forum on the strategic tier decides priority areas."))
    check_year(year)
    if PrioritySet.objects.filter(forum=forum, year=year).exists():
        raise ValidationError(
            {"year": [_("%(forum)s has priority areas for %(year)s already.") % {
                "forum": forum, "year": year}]}
        )  # fmt: skip
    priority_set = PrioritySet(forum=forum, year=year, introduction=introduction, created_by=actor)
    return save_with_history(priority_set, actor=actor, reason="drafted")


def _lock_draft(actor, priority_set):
    require_draft(actor, priority_set.forum)
    locked = PrioritySet.objects.select_for_update().get(pk=priority_set.pk)
    if locked.is_adopted:
        raise DomainError(_("The priority areas are adopted and cannot change."))
    return locked


@transaction.atomic
def priority_set_update(*, actor, priority_set, introduction):
    priority_set = _lock_draft(actor, priority_set)
    priority_set.introduction = introduction
    return save_with_history(priority_set, actor=actor, reason="edited")


def _check_title(priority_set, title, exclude=None):
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Give the area a title.")]})
    same = priority_set.areas.filter(title__iexact=title).exclude(pk=exclude)
    if same.exists():
        raise ValidationError({"title": [_("There is an area with this title already.")]})
    return title


@transaction.atomic
def priority_area_add(*, actor, priority_set, title, description=""):
    priority_set = _lock_draft(actor, priority_set)
    title = _check_title(priority_set, title)
    last = priority_set.areas.aggregate(last=Max("order"))["last"]
    area = PriorityArea(
        priority_set=priority_set, order=(last or 0) + 1, title=title, description=description
    )
    return save_with_history(area, actor=actor, reason="area added")


def _lock_area(actor, area):
    priority_set = _lock_draft(actor, area.priority_set)
    return priority_set, PriorityArea.objects.select_for_update().get(pk=area.pk)


@transaction.atomic
def priority_area_update(*, actor, area, title, description=""):
    priority_set, area = _lock_area(actor, area)
    area.title = _check_title(priority_set, title, exclude=area.pk)
    area.description = description
    return save_with_history(area, actor=actor, reason="area edited")


@transaction.atomic
def priority_area_move(*, actor, area, direction):
    """Swap the area with the one above ("up") or below ("down")."""
    priority_set, area = _lock_area(actor, area)
    if direction not in ("up", "down"):
        raise DomainError(_("An area moves up or down."))
    areas = list(priority_set.areas.select_for_update().order_by("order", "id"))
    index = next(i for i, other in enumerate(areas) if other.pk == area.pk)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(areas):
        raise DomainError(_("The area is at the end already."))
    areas[index], areas[other] = areas[other], areas[index]
    for number, each in enumerate(areas, start=1):
        if each.order != number:
            each.order = number
            save_with_history(each, actor=actor, reason="areas reordered")
    return area


@transaction.atomic
def priority_area_remove(*, actor, area):
    _priority_set, area = _lock_area(actor, area)
    if area.activities.exists():
        raise DomainError(_("Activities are linked to this area."))
    area._history_user = actor
    area._change_reason = "area removed"
    area.cases.clear()
    area.decisions.clear()
    area.delete()


def priority_set_agenda_title(priority_set):
    return _("Priority areas %(year)s") % {"year": priority_set.year}


def priority_set_agenda_text(priority_set):
    """The areas, listed in the item's description, so that the decision and the sealed
    minutes carry them."""
    lines = [priority_set.introduction.strip()] if priority_set.introduction.strip() else []
    for number, area in enumerate(priority_set.areas.order_by("order", "id"), start=1):
        line = f"{number}. {area.title}"
        if area.description.strip():
            line += f": {area.description.strip()}"
        lines.append(line)
    return "\n".join(lines)


@transaction.atomic
def priority_set_put_on_agenda(*, actor, priority_set, meeting):
    priority_set = _lock_draft(actor, priority_set)
    if not priority_set.areas.exists():
        raise DomainError(_("Add at least one area before the forum decides them."))
    return document_put_on_agenda(
        actor=actor,
        document=priority_set,
        meeting=meeting,
        title=priority_set_agenda_title(priority_set),
        description=priority_set_agenda_text(priority_set),
    )


@transaction.atomic
def priority_area_links_set(*, actor, area, cases=(), decisions=()):
    """Link the area of an adopted set to these cases and decisions of the same structure
    (and unlink the others)."""
    priority_set = area.priority_set
    require_draft(actor, priority_set.forum)
    area = PriorityArea.objects.select_for_update().get(pk=area.pk)
    if not PrioritySet.objects.get(pk=priority_set.pk).is_adopted:
        raise DomainError(_("Cases and decisions are linked once the areas are adopted."))
    structure_id = priority_set.forum.structure_id
    cases, decisions = list(cases), list(decisions)
    outside = [c for c in cases if not isinstance(c, Case)]
    case_ids = [c.pk for c in cases if isinstance(c, Case)]
    if (
        outside
        or Case.objects.filter(pk__in=case_ids)
        .exclude(current_forum__structure_id=structure_id)
        .exists()
    ):
        raise ValidationError({"cases": [_("Link only cases of this structure.")]})
    decision_ids = [d.pk for d in decisions if isinstance(d, Decision)]
    if (
        len(decision_ids) != len(decisions)
        or Decision.objects.filter(pk__in=decision_ids)
        .exclude(agenda_item__meeting__forum__structure_id=structure_id)
        .exists()
    ):
        raise ValidationError({"decisions": [_("Link only decisions of this structure.")]})
    area._history_user = actor
    area._change_reason = "links set"
    area.cases.set(case_ids)
    area.decisions.set(decision_ids)
    return save_with_history(area, actor=actor, reason="links set")
