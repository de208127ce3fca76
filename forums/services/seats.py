"""A forum's seats per organisation or party (R5)."""

from django.db import transaction
from django.utils.translation import gettext as _

from kernel.history import save_with_history

from ..models import MAX_SEATS, Forum, Seat
from .base import Errors, lock, require_manage


@transaction.atomic
def seat_set(*, actor, forum, seats):
    """Set the forum's seats per organisation or party (R5).

    `seats` is a list of dicts with `organisation` or `party` and `count`. A seat that is no
    longer listed is set to zero (kept with its history, not deleted). Returns the seats
    with at least one place.
    """
    require_manage(actor, forum.structure)
    forum = lock(Forum, forum)
    errors = Errors()
    wanted = {}
    for row in seats:
        organisation, party, count = row.get("organisation"), row.get("party"), row.get("count")
        if (organisation is None) == (party is None):
            errors.add("organisation", _("Choose either an organisation or a party for each seat."))
            continue
        label = str(organisation or party)
        if count is None or not isinstance(count, int):
            errors.add("count", _("Give the number of seats for %(name)s.") % {"name": label})
            continue
        if count < 0:
            errors.add(
                "count",
                _("The number of seats cannot be below zero (%(name)s: %(count)s).")
                % {"name": label, "count": count},
            )
        elif count > MAX_SEATS:
            errors.add(
                "count",
                _("A forum has at most %(limit)d seats per organisation or party (%(name)s).")
                % {"name": label, "limit": MAX_SEATS},
            )
        if party is not None and party.structure_id != forum.structure_id:
            errors.add(
                "party",
                _("%(name)s is a party of another structure.") % {"name": label},
            )
        key = ("organisation", organisation.pk) if organisation else ("party", party.pk)
        if key in wanted:
            errors.add(
                "party" if party else "organisation",
                _("%(name)s is listed twice.") % {"name": label},
            )
        wanted[key] = (organisation, party, count)
    existing = {
        ("organisation", seat.organisation_id)
        if seat.organisation_id
        else ("party", seat.party_id): seat
        for seat in Seat.objects.select_for_update().filter(forum=forum)
    }
    for key, (organisation, party, count) in wanted.items():
        seat = existing.get(key)
        is_new = seat is None or seat.count == 0
        if is_new and count > 0:
            archived = (organisation or party).archived_at is not None
            if archived:
                errors.add(
                    "party" if party else "organisation",
                    _("%(name)s is archived and cannot get new seats.")
                    % {"name": str(organisation or party)},
                )
    errors.raise_if_any()
    for key, seat in existing.items():
        if key not in wanted and seat.count != 0:
            seat.count = 0
            save_with_history(seat, actor=actor, reason="seats changed", update_fields=["count"])
    for key, (organisation, party, count) in wanted.items():
        seat = existing.get(key)
        if seat is None:
            seat = Seat(forum=forum, organisation=organisation, party=party, count=count)
            save_with_history(seat, actor=actor, reason="seats changed")
        elif seat.count != count:
            seat.count = count
            save_with_history(seat, actor=actor, reason="seats changed", update_fields=["count"])
    return list(
        Seat.objects.filter(forum=forum, count__gt=0).select_related("organisation", "party")
    )
