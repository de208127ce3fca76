"""Case references (SAM-2026-0042), safe under concurrent raising."""

from django.db import IntegrityError, transaction

from kernel.history import save_with_history

from ..models import Case, CaseReferenceCounter


def _reference(prefix, year, number):
    return f"{prefix}-{year}-{number:04d}"


def _highest_existing_number(prefix, year):
    """The highest number already used for prefix and year (cases made outside the counter)."""
    start = f"{prefix}-{year}-"
    references = Case.objects.filter(reference__startswith=start).values_list(
        "reference", flat=True
    )
    numbers = [int(ref[len(start) :]) for ref in references if ref[len(start) :].isdigit()]
    return max(numbers, default=0)


def next_reference(*, actor, prefix, year):
    """The next free reference, e.g. SAM-2026-0042, safe under concurrent raising.

    The (prefix, year) counter row is locked until the raise commits; the first raise of a
    year creates the row (a concurrent creator loses the unique constraint and locks the
    winner's row instead) starting after the highest number already in use.
    """
    counter = CaseReferenceCounter.objects.select_for_update().filter(prefix=prefix, year=year)
    row = counter.first()
    if row is None:
        number = _highest_existing_number(prefix, year) + 1
        try:
            with transaction.atomic():
                row = CaseReferenceCounter(prefix=prefix, year=year, last_number=number)
                save_with_history(row, actor=actor, reason="first case of the year")
            return _reference(prefix, year, number)
        except IntegrityError:
            row = counter.get()
    number = row.last_number + 1
    while Case.objects.filter(reference=_reference(prefix, year, number)).exists():
        number += 1  # taken outside the counter (e.g. imported); skip it
    row.last_number = number
    save_with_history(row, actor=actor, reason="case raised", update_fields=["last_number"])
    return _reference(prefix, year, number)
