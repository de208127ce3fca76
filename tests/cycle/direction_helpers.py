"""Helpers of the direction document tests: a tactical forum's document, adopted through
a meeting's decision the way the forum adopts it."""

import datetime

from django.utils import timezone

from cycle import services
from meetings import services as meetings
from meetings.models import Decision
from tests.factories import MeetingFactory, OrganisationFactory


def agency(name="Socialstyrelsen"):
    return OrganisationFactory(name=name, kind="agency")


def document_data(group, organisation=None, **overrides):
    return {
        "title": "Inriktning för samverkan",
        "agency": organisation or agency(),
        "group": group,
        "text": "Myndigheten och gruppen samverkar om kunskapsstöd.\nTvå möten om året.",
        "review_on": timezone.localdate() + datetime.timedelta(days=365),
        **overrides,
    }


def coming_meeting(forum, days=14):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return MeetingFactory(forum=forum, starts_at=start, ends_at=start + datetime.timedelta(hours=2))


def adopt(version, *, secretary):
    """Put the draft on a coming meeting, convene it, and decide the item by consensus."""
    forum = version.document.forum
    meeting = coming_meeting(forum)
    version = services.direction_version_put_on_agenda(
        actor=secretary, version=version, meeting=meeting
    )
    meetings.meeting_convene(actor=secretary, meeting=meeting)
    meetings.decision_record(
        actor=secretary,
        item=version.agenda_item,
        outcome=Decision.Outcome.DECIDED,
        text="Inriktningsdokumentet fastställs.",
        consensus=True,
    )
    version.refresh_from_db()
    return version
