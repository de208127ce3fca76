"""The frozen day: tests that depend on the date run on it (time-machine), and their dates
are relative to it, so they mean the same whatever day the suite runs."""

import datetime
import zoneinfo

import pytest
from django.conf import settings

FROZEN_DAY = datetime.date(2026, 3, 16)  # a Monday


@pytest.fixture
def frozen_day(time_machine):
    """Freeze the clock at 10:00 local time on FROZEN_DAY; returns the day."""
    moment = datetime.datetime.combine(
        FROZEN_DAY, datetime.time(10), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )
    time_machine.move_to(moment, tick=False)
    return FROZEN_DAY
