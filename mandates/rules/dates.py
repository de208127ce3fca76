"""Month arithmetic for terms and rotation periods (R10)."""

import calendar
import datetime


def add_months(day, months):
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def months_between(start, end):
    """Whole months from start to end (2024-01-01 to 2025-01-01 is 12)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def term_months(holder):
    if holder.valid_to is None:
        return None
    return months_between(holder.valid_from, holder.valid_to + datetime.timedelta(days=1))
