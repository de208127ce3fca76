"""Winding a forum down in Chromium: the secretariat sets the day, then moves the open case
and cancels the meeting after the end from the same page; every page passes axe."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from escalation.models import Case, CaseEvent
from meetings.models import Meeting
from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.escalation.factories import raise_case
from tests.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_secretariat_winds_a_forum_down_and_settles_what_is_open(
    axe_page, operative_forum, tactical_forum, secretariat_user, representative_user
):
    page = axe_page
    today = timezone.localdate()
    end = today + datetime.timedelta(days=30)
    case = raise_case(representative_user, operative_forum, title="Rutin för läkemedelslistor")
    later = timezone.make_aware(
        datetime.datetime.combine(end + datetime.timedelta(days=10), datetime.time(9))
    )
    meeting = MeetingFactory(
        forum=operative_forum, starts_at=later, title="Höstmötet", status=Meeting.Status.CONVENED
    )
    log_in(page, secretariat_user.username, PASSWORD)

    page.goto(operative_forum.get_absolute_url())
    wind_down_url = reverse("forums:forum_wind_down", args=[operative_forum.slug])
    page.locator(f'a[href="{wind_down_url}"]').click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Avveckla")
    assert_no_axe_violations(page)
    page.locator("#id_active_to").fill(end.isoformat())
    page.get_by_role("button", name="Spara").click()

    expect(page.get_by_role("status")).to_contain_text("avvecklingsdag har sparats")
    cases = page.get_by_role("region", name="Öppna ärenden")
    expect(cases.get_by_role("link", name=case.reference, exact=True)).to_have_attribute(
        "href", case.get_absolute_url()
    )
    meetings = page.get_by_role("region", name="Möten efter avvecklingsdagen")
    expect(meetings).to_contain_text("Höstmötet")
    expect(meetings.locator(f'a[href="{meeting.get_absolute_url()}"]')).to_be_visible()
    assert_no_axe_violations(page)

    # The case goes on at the tactical forum.
    cases.get_by_role("link", name=f"Bestäm för {case.reference}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)
    assert_no_axe_violations(page)
    page.get_by_label(re.compile(f"Flytta det till {tactical_forum.name}")).check()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text(f"{case.reference} flyttades till")
    expect(page.get_by_role("region", name="Öppna ärenden")).to_contain_text(
        "Forumet har inga öppna ärenden"
    )
    case.refresh_from_db()
    assert case.current_forum == tactical_forum
    assert case.events.filter(kind=CaseEvent.Kind.ESCALATED, to_forum=tactical_forum).exists()

    # The meeting after the end is cancelled with notice.
    page.get_by_role("link", name=re.compile("Ställ in mötet den")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ställ in mötet")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ställ in mötet och meddela ledamöterna").click()
    expect(page.get_by_role("status")).to_contain_text("ställdes in och ledamöterna får besked")
    expect(page.get_by_role("region", name="Möten efter avvecklingsdagen")).to_contain_text(
        "Inga planerade eller kallade möten"
    )
    assert_no_axe_violations(page)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert Case.objects.get(pk=case.pk).status == Case.Status.OPEN
