"""One timeline of a case: its events and the field changes simple-history kept, in order.

A service writes one event and saves the case with the change reason `event:<id>`, so the
field changes of that save are shown inside the event's entry ("status: open -> in
preparation"). Changes made outside the services (e.g. in the admin) are entries of their
own. The case's creation row belongs to its "raised" event.

The timeline is keyset-paged by (time, source, id): a page never counts the rows and costs
the same few queries however long the history is.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from forums.models import Forum, Organisation

from .models import Case, CaseEvent

PAGE_SIZE = 25
EVENT, CHANGE = 0, 1  # the order of the two sources at the same instant
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# Fields that say nothing to a reader: bookkeeping that changes with every step.
HIDDEN_FIELDS = {"id", "version", "status_changed_at"}
SHOWN_FIELDS = [f for f in Case._meta.concrete_fields if f.name not in HIDDEN_FIELDS]
TEXT_LIMIT = 300

Kind = CaseEvent.Kind


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    at: datetime.datetime
    source: int
    id: int
    actor: object
    text: str
    reason: str = ""
    by_meeting_decision: bool = False
    event: CaseEvent | None = None
    changes: list = field(default_factory=list)

    @property
    def cursor(self):
        return _encode(self.at, self.source, self.id)


@dataclass
class Page:
    entries: list
    next_cursor: str | None


def _encode(at, source, pk):
    micros = (at - EPOCH) // datetime.timedelta(microseconds=1)
    return f"{micros}.{source}.{pk}"


def _decode(cursor):
    """(time, source, id) from a cursor, or None for the first page / a damaged cursor."""
    try:
        micros, source, pk = (int(part) for part in (cursor or "").split("."))
    except ValueError:
        return None
    if source not in (EVENT, CHANGE):
        return None
    try:
        return EPOCH + datetime.timedelta(microseconds=micros), source, pk
    except OverflowError:
        return None


def _after(cursor, source, time_field, id_field):
    """A Q selecting the rows of `source` that come after the cursor in timeline order."""
    if cursor is None:
        return Q()
    at, cursor_source, pk = cursor
    if source > cursor_source:
        return Q(**{f"{time_field}__gte": at})
    if source < cursor_source:
        return Q(**{f"{time_field}__gt": at})
    return Q(**{f"{time_field}__gt": at}) | Q(**{time_field: at, f"{id_field}__gt": pk})


def _event_text(event):
    forum = event.to_forum or event.from_forum
    values = {"forum": forum, "from": event.from_forum, "to": event.to_forum}
    if event.kind == Kind.RAISED:
        return _("Raised in %(forum)s") % values
    if event.kind == Kind.ESCALATED:
        return _("Escalated from %(from)s to %(to)s") % values
    if event.kind == Kind.FEEDBACK_GIVEN:
        return _("Feedback from %(from)s to the forums on the case's path") % values
    if event.kind == Kind.STATUS_CHANGED and event.to_status == Case.Status.IN_PREPARATION:
        return _("Preparation started in %(forum)s") % values
    if event.kind == Kind.STATUS_CHANGED:
        return _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": event.get_from_status_display(),
            "new": event.get_to_status_display(),
        }
    texts = {
        Kind.SCHEDULED: _("Put on an agenda in %(forum)s"),
        Kind.DECIDED: _("Decided in %(forum)s"),
        Kind.REFERRED_BACK: _("Referred back in %(forum)s"),
        Kind.REMOVED: _("Removed in %(forum)s"),
        Kind.FEEDBACK_ACKNOWLEDGED: _("Feedback acknowledged in %(forum)s: the case is closed"),
        Kind.CLOSED: _("Closed in %(forum)s"),
        Kind.ATTACHMENT_ADDED: _("Attachment added"),
        Kind.KEPT: _("Kept in %(forum)s, which is wound down, to be finished there"),
    }
    return texts.get(event.kind, event.get_kind_display()) % values


def _history_rows(case):
    model = Case.history.model
    previous = (
        model.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    return (
        model.objects.filter(id=case.pk)
        .select_related("history_user")
        .annotate(previous_id=Subquery(previous))
    )


class _Formatter:
    """Turns history rows into readable changes, looking up names in one query per kind."""

    def __init__(self, rows, previous):
        self.previous = previous
        ids = {"forum": set(), "user": set(), "organisation": set()}
        for row in [*rows, *previous.values()]:
            for name in ("origin_forum_id", "current_forum_id"):
                ids["forum"].add(getattr(row, name))
            for name in ("raised_by_id", "prepared_by_id"):
                ids["user"].add(getattr(row, name))
            ids["organisation"].add(row.organisation_id)
        ids = {key: {pk for pk in values if pk} for key, values in ids.items()}
        self.names = {
            "forum": Forum.objects.in_bulk(ids["forum"]) if ids["forum"] else {},
            "user": get_user_model().objects.in_bulk(ids["user"]) if ids["user"] else {},
            "organisation": Organisation.objects.in_bulk(ids["organisation"])
            if ids["organisation"]
            else {},
        }
        self.related = {
            "origin_forum": "forum",
            "current_forum": "forum",
            "raised_by": "user",
            "prepared_by": "user",
            "organisation": "organisation",
        }

    def _value(self, model_field, row):
        value = getattr(row, model_field.attname)
        if value in (None, ""):
            return "–"
        if model_field.name in self.related:
            found = self.names[self.related[model_field.name]].get(value)
            return str(found) if found is not None else f"#{value}"
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "Y-m-d H:i")
        if isinstance(value, datetime.date):
            return date_format(value, "Y-m-d")
        return Truncator(str(value)).chars(TEXT_LIMIT)

    def changes(self, row):
        before = self.previous.get(row.previous_id)
        if before is None:
            return []
        found = []
        for model_field in SHOWN_FIELDS:
            if getattr(before, model_field.attname) != getattr(row, model_field.attname):
                found.append(
                    Change(
                        label=str(capfirst(model_field.verbose_name)),
                        old=self._value(model_field, before),
                        new=self._value(model_field, row),
                    )
                )
        return found


def case_timeline(case, *, cursor=None, page_size=PAGE_SIZE):
    """One page of the case's timeline after `cursor` (the first page without one)."""
    position = _decode(cursor)
    events = list(
        CaseEvent.objects.filter(case=case)
        .filter(_after(position, EVENT, "at", "id"))
        .select_related("actor", "from_forum", "to_forum")
        .order_by("at", "id")[: page_size + 1]
    )
    raised = CaseEvent.objects.filter(case=case, kind=Kind.RAISED)
    own_changes = list(
        _history_rows(case)
        .exclude(history_change_reason__startswith="event:")
        .exclude(Q(history_type="+") & Exists(raised))
        .filter(_after(position, CHANGE, "history_date", "history_id"))
        .order_by("history_date", "history_id")[: page_size + 1]
    )
    entries = [
        Entry(
            at=event.at,
            source=EVENT,
            id=event.pk,
            actor=event.actor,
            text=_event_text(event),
            reason=event.reason,
            by_meeting_decision=event.by_meeting_decision,
            event=event,
        )
        for event in events
    ] + [
        Entry(
            at=row.history_date,
            source=CHANGE,
            id=row.history_id,
            actor=row.history_user,
            text=_("Case created") if row.history_type == "+" else _("Case changed"),
            changes=row,
        )
        for row in own_changes
    ]
    entries.sort(key=lambda entry: (entry.at, entry.source, entry.id))
    has_more = len(entries) > page_size
    entries = entries[:page_size]

    # The field changes saved with the events on this page, and every row's predecessor.
    shown_events = [entry.event for entry in entries if entry.event is not None]
    paired = {}
    if shown_events:
        reasons = [f"event:{event.pk}" for event in shown_events]
        condition = Q(history_change_reason__in=reasons)
        if any(event.kind == Kind.RAISED for event in shown_events):
            condition |= Q(history_type="+")
        for row in _history_rows(case).filter(condition):
            paired[row.history_change_reason if row.history_type != "+" else "+"] = row
    rows = [entry.changes for entry in entries if entry.event is None] + list(paired.values())
    previous_ids = {row.previous_id for row in rows if row.previous_id}
    previous = Case.history.model.objects.in_bulk(previous_ids) if previous_ids else {}
    formatter = _Formatter(rows, previous)
    for entry in entries:
        if entry.event is None:
            entry.changes = formatter.changes(entry.changes)
        else:
            key = "+" if entry.event.kind == Kind.RAISED else f"event:{entry.event.pk}"
            row = paired.get(key)
            entry.changes = formatter.changes(row) if row is not None else []
    next_cursor = entries[-1].cursor if has_more and entries else None
    return Page(entries=entries, next_cursor=next_cursor)
