"""A forum's charter (R4): purpose and ordered assignments, kept as numbered versions."""

from django.db import transaction
from django.utils.translation import gettext as _

from kernel.history import save_with_history

from ..models import AssignmentItem, CharterVersion, Forum
from ..selectors import charter_items
from .base import lock, require_manage


def _clean_items(items):
    return [text.strip() for text in items if text and text.strip()]


def _sync_items(forum, kind, items, texts, *, actor):
    for order, text in enumerate(texts, start=1):
        if order <= len(items):
            item = items[order - 1]
            if item.text != text or item.order != order:
                item.text, item.order = text, order
                save_with_history(item, actor=actor, reason="charter changed")
        else:
            save_with_history(
                AssignmentItem(forum=forum, kind=kind, order=order, text=text),
                actor=actor,
                reason="charter changed",
            )
    for item in items[len(texts) :]:
        # The text stays in the charter versions and in the item's history.
        item._history_user = actor
        item._change_reason = "charter changed"
        item.delete()


@transaction.atomic
def charter_update(*, actor, forum, purpose, general, specific, note=""):
    """Set a forum's charter (R4): purpose and ordered general and specific assignments.

    Every change is kept as a numbered CharterVersion with who and when; a charter that was
    never versioned is first kept as it was. Returns the new version, or None when nothing
    changed.
    """
    require_manage(actor, forum.structure)
    forum = lock(Forum, forum)
    purpose = (purpose or "").strip()
    general, specific = _clean_items(general), _clean_items(specific)
    general_items, specific_items = charter_items(forum=forum)
    before = (
        forum.purpose.strip(),
        [item.text for item in general_items],
        [item.text for item in specific_items],
    )
    if before == (purpose, general, specific):
        return None
    latest = CharterVersion.objects.filter(forum=forum).order_by("-number").first()
    number = latest.number if latest else 0
    if latest is None and any(before):
        # Keep the charter as it stood before its first change through the portal.
        number += 1
        save_with_history(
            CharterVersion(
                forum=forum,
                number=number,
                purpose=before[0],
                general_assignments=before[1],
                specific_assignments=before[2],
                note=_("The charter as it was before it was first changed in the portal."),
            ),
            actor=actor,
            reason="charter baseline kept",
        )
    _sync_items(forum, AssignmentItem.Kind.GENERAL, general_items, general, actor=actor)
    _sync_items(forum, AssignmentItem.Kind.SPECIFIC, specific_items, specific, actor=actor)
    if forum.purpose != purpose:
        forum.purpose = purpose
        save_with_history(forum, actor=actor, reason="charter changed", update_fields=["purpose"])
    return save_with_history(
        CharterVersion(
            forum=forum,
            number=number + 1,
            purpose=purpose,
            general_assignments=general,
            specific_assignments=specific,
            note=(note or "").strip()[:300],
            created_by=actor,
        ),
        actor=actor,
        reason="charter changed",
    )
