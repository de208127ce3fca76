"""A meeting's host organisation (record only): planned and changed through the services'
field list, shown on the meeting page, never an archived organisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.forms import MeetingForm
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _times():
    start = (timezone.now() + datetime.timedelta(days=10)).replace(
        hour=13, minute=0, second=0, microsecond=0
    )
    return start, start + datetime.timedelta(hours=2)


def test_the_form_offers_the_host_from_the_services_list():
    assert "host_organisation" in MeetingForm().fields
    assert "host_organisation" in MeetingForm(editing=True).fields
    assert set(MeetingForm(editing=True).fields) == set(services.meetings.UPDATE_FIELDS)


def test_the_host_is_planned_changed_and_shown(client, vg):
    host, other = OrganisationFactory(name="Fyrbodals värd"), OrganisationFactory()
    start, end = _times()
    meeting = services.meeting_plan(
        actor=vg.secretary, forum=vg.group, starts_at=start, ends_at=end, host_organisation=host
    )
    assert meeting.host_organisation == host
    services.meeting_update(actor=vg.secretary, meeting=meeting, host_organisation=other)
    meeting.refresh_from_db()
    assert meeting.host_organisation == other
    client.force_login(vg.secretary)
    html = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Värd för mötet" in html and other.name in html


def test_an_archived_organisation_cannot_host(vg):
    archived = OrganisationFactory(archived_at=timezone.now())
    start, end = _times()
    with pytest.raises(ValidationError) as raised:
        services.meeting_plan(
            actor=vg.secretary,
            forum=vg.group,
            starts_at=start,
            ends_at=end,
            host_organisation=archived,
        )
    assert "host_organisation" in raised.value.message_dict
    assert archived not in MeetingForm().fields["host_organisation"].queryset
