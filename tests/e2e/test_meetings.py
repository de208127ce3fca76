"""The Västra Götaland preparatory group in the browser (in Swedish): the secretariat plans
a meeting, builds the agenda with a case, records attendance and a decision without
consensus (the case goes back to preparation), drafts minutes; the chair (municipal side)
and a VGR member approve them. axe runs on every new page.

New strings may not be translated yet: elements are found by id or name.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from escalation.models import Case
from meetings.models import Meeting, Minutes
from tests.conftest import PASSWORD
from tests.e2e.conftest import assert_no_axe_violations, log_in
from tests.factories import AgendaItemFactory
from tests.meetings.conftest import meeting, vg  # noqa: F401  (fixtures)
from tests.meetings.factories import case_in_preparation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, username):
    page.context.clear_cookies()
    log_in(page, username, PASSWORD)


def _check(page):
    expect(page.locator("h1")).to_have_count(1)
    assert_no_axe_violations(page)


def test_vg_meeting_from_planning_to_approved_minutes(axe_page, vg, time_machine):  # noqa: F811
    page = axe_page
    case = case_in_preparation(vg.group, title="Gemensam upphandling av hjälpmedel")
    _as(page, "vgkansli")

    page.goto(reverse("meetings:my_meetings"))
    _check(page)
    page.goto(reverse("meetings:forum_meetings", args=[vg.group.slug]))
    _check(page)
    page.locator("#plan-meeting").click()
    _check(page)
    page.locator("[name=title]").fill("Beredningsgruppen mars")
    day = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    page.locator("[name=starts_at]").fill(f"{day}T09:00")
    page.locator("[name=ends_at]").fill(f"{day}T11:00")
    page.locator("[name=location]").fill("Vänersborg")
    page.locator("#meeting-form-submit").click()
    meeting = Meeting.objects.get(title="Beredningsgruppen mars")  # noqa: F811
    expect(page).to_have_url(f"{page.url.split('/moten/')[0]}{meeting.get_absolute_url()}")
    _check(page)
    for url in (
        reverse("meetings:forum_meetings", args=[vg.group.slug]),
        reverse("meetings:my_meetings"),
    ):  # the lists as tables, now with a row
        page.goto(url)
        expect(page.locator(f'td a[href="{meeting.get_absolute_url()}"]')).to_have_count(1)
        _check(page)
    page.goto(meeting.get_absolute_url())

    page.locator("#agenda-item-add").click()
    _check(page)
    page.locator("[name=kind]").select_option("decision")
    page.locator("[name=case]").select_option(str(case.pk))
    page.locator("#agenda-item-form-submit").click()
    expect(page.locator("#agenda-list")).to_contain_text(case.reference)
    case.refresh_from_db()
    assert case.status == Case.Status.SCHEDULED

    page.locator("#meeting-convene").click()
    expect(page.locator("#meeting-held-later")).to_be_visible()  # not before it has started
    expect(page.locator("#meeting-held")).to_have_count(0)
    time_machine.move_to(meeting.starts_at + datetime.timedelta(minutes=10), tick=True)
    _as(page, "vgkansli")  # a day later: the session has ended (idle limit), sign in again
    page.goto(meeting.get_absolute_url())
    page.locator("#meeting-held").click()
    expect(page.locator("#attendance-edit")).to_be_visible()
    page.locator("#attendance-edit").click()
    _check(page)
    for person in (vg.chair, vg.vice, vg.vgr_member):
        page.locator(f"[name=status_{person.pk}]").select_option("present")
    page.locator(f"[name=status_{vg.municipal_member.pk}]").select_option("absent")
    page.locator(f"[name=status_{vg.deputy.pk}]").select_option("deputy")
    page.locator(f"[name=for_{vg.deputy.pk}]").select_option(str(vg.municipal_member.pk))
    page.locator("#attendance-form-submit").click()
    expect(page.locator("#quorum")).to_be_visible()

    item = meeting.agenda_items.get()
    page.locator(f"#decide-{item.pk}").click()
    _check(page)
    page.locator("[name=outcome]").select_option("decided")
    page.locator("[name=text]").fill("Vi är överens")
    page.locator("#decision-form-submit").click()
    expect(page.locator(".alert-danger, .invalid-feedback").first).to_contain_text(
        "Utan enighet kan ärendet inte beslutas"
    )
    page.locator("[name=outcome]").select_option("referred_back")
    page.locator("[name=text]").fill("Ingen enighet – ny beredning")
    page.locator("#decision-form-submit").click()
    expect(page.locator("#agenda-list .decision-outcome")).to_be_visible()
    case.refresh_from_db()
    assert case.status == Case.Status.REFERRED_BACK

    page.locator("#minutes-draft").click()
    _check(page)
    expect(page.locator("[name=body]")).to_have_value(re.compile("Ingen enighet – ny beredning"))
    page.locator("[name=body]").press("End")
    page.locator("[name=body]").type("\nMötet avslutades.")
    page.locator("#minutes-form-submit").click()
    _check(page)
    page.locator("#minutes-submit").click()
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == Minutes.Status.IN_APPROVAL

    _as(page, "kchair")
    page.goto(minutes.get_absolute_url())
    _check(page)
    page.locator("#minutes-approve").click()
    expect(page.locator("#approval-missing")).to_be_visible()

    _as(page, "kmember")  # the chair's party: refused
    page.goto(minutes.get_absolute_url())
    expect(page.locator("#approval-refusal")).to_be_visible()
    expect(page.locator("#minutes-approve")).to_have_count(0)

    _as(page, "vgrmember")
    page.goto(minutes.get_absolute_url())
    page.locator("#minutes-approve").click()
    expect(page.locator("#minutes-pdf")).to_be_visible()
    _check(page)
    minutes.refresh_from_db()
    assert minutes.is_locked and "Mötet avslutades." in minutes.body
    page.goto(reverse("meetings:calendar_feeds"))
    _check(page)


def test_reorder_with_htmx_under_csp(page, vg, meeting):  # noqa: F811
    first, second = AgendaItemFactory(meeting=meeting), AgendaItemFactory(meeting=meeting)
    _as(page, "vgkansli")
    page.goto(meeting.get_absolute_url())
    url_before = page.url
    page.locator(f"#move-up-{second.pk}").click()
    expect(page.locator("#agenda-list tbody tr").first).to_contain_text(second.title)
    assert page.url == url_before  # swapped in place, no reload
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.order < first.order
