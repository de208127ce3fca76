"""Reads of direction documents, scoped to the user (cycle.permissions)."""

import difflib

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from kernel.visibility import VIEW, get_for_action, get_visible_or_404
from meetings.models import Meeting

from ..models import DirectionDocument, DirectionDocumentVersion
from ..permissions import DRAFT

_RELATED = ("forum__structure", "agency", "group")


def _adopted(document_ref):
    return DirectionDocumentVersion.objects.filter(
        document=document_ref, status=DirectionDocumentVersion.Status.ADOPTED
    ).order_by("-number")


def direction_documents_of_forum(*, user, forum):
    """The forum's direction documents the user may see, each with its current (adopted)
    version's number and review date (one query)."""
    current = _adopted(OuterRef("pk"))
    return (
        DirectionDocument.objects.restrict(user, VIEW)
        .filter(forum=forum)
        .select_related("agency", "group")
        .annotate(
            current_number=Subquery(current.values("number")[:1]),
            current_review_on=Subquery(current.values("review_on")[:1]),
        )
        .order_by("title", "pk")
    )


def direction_document_get(*, user, pk, action=VIEW):
    """The document if the user may see it (404) and, for DRAFT, draft it (403)."""
    queryset = DirectionDocument.objects.select_related(*_RELATED)
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def direction_version_get(*, user, pk, action=DRAFT):
    queryset = DirectionDocumentVersion.objects.select_related(
        *(f"document__{name}" for name in _RELATED), "agenda_item__meeting"
    )
    if action == VIEW:
        return get_visible_or_404(queryset, user, pk=pk)
    return get_for_action(queryset, user, action, pk=pk)


def direction_versions(*, document):
    """All versions, newest first, with the meeting that decided each (one query)."""
    return list(
        DirectionDocumentVersion.objects.filter(document=document)
        .select_related("agenda_item__meeting", "created_by")
        .order_by("-number")
    )


def direction_coming_meetings(*, forum):
    """The forum's coming meetings a draft can be put on (planned or convened)."""
    return Meeting.objects.filter(
        forum=forum,
        status__in=[Meeting.Status.PLANNED, Meeting.Status.CONVENED],
        starts_at__gte=timezone.now(),
    ).order_by("starts_at")


def text_diff(old, new):
    """The lines of `new` against `old`: (kind, line) with kind "same", "added", "removed"."""
    lines = []
    for line in difflib.ndiff((old or "").splitlines(), (new or "").splitlines()):
        code, text = line[:2], line[2:]
        if code == "  ":
            lines.append(("same", text))
        elif code == "+ ":
            lines.append(("added", text))
        elif code == "- ":
            lines.append(("removed", text))
    return lines
