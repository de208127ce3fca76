"""Fixtures for the rule tests: the parties and organisations of the mandates tests, and a
frozen day (no wall clock: every term is counted from `today`)."""

import datetime
import zoneinfo

import pytest
import time_machine

from tests.mandates.conftest import (  # noqa: F401  (fixtures shared with the mandates tests)
    agencies,
    agency_a,
    agency_b,
    loner,
    media_root,
    other_forum,
    other_secretariat_user,
    region_a,
    region_b,
    regions,
)

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def today():
    """The day every rule test runs on, frozen (a Monday in March)."""
    moment = datetime.datetime(
        TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm")
    )
    with time_machine.travel(moment, tick=False):
        yield TODAY
