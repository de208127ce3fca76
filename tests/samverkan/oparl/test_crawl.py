"""The OParl endpoint crawled as a client would, over the whole demo data set: from the
System object to every object, each valid against the OParl 1.1 schemas, every URL it names
answering 200, nothing of a closed forum anywhere, and the minutes PDF's checksum right.

Loading the demo takes seconds, so the module loads it once in a transaction rolled back
at the end (as tests/samverkan/test_load_demo.py does)."""

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from forums.models import Forum
from mandates.models import Mandate
from meetings.models import Meeting, Minutes
from tests.factories import (
    AgendaItemFactory,
    CaseFactory,
    DecisionFactory,
    ForumFactory,
    MandateFactory,
    MeetingFactory,
    UserFactory,
)
from tests.meetings.factories import sealed_minutes
from tests.samverkan.oparl.crawler import OPARL, crawl, kind_of, problems_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def crawled(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        _add_closed_forum()
        yield crawl(Client())
        transaction.set_rollback(True)


def _add_closed_forum():
    """The demo's forums are all public: add a closed one in a demo structure, with a
    member seen nowhere else, a case and a meeting with sealed minutes, and make one demo
    forum closed after it was public (it must answer as a tombstone)."""
    structure = Forum.objects.filter(tier=Forum.Tier.OPERATIVE).first().structure
    closed = ForumFactory(structure=structure, tier=Forum.Tier.OPERATIVE, is_public=False)
    MandateFactory(forum=closed, person=UserFactory(publish_email=True, email="dold@example.se"))
    meeting = MeetingFactory(forum=closed, status=Meeting.Status.HELD, location="Hemligt rum")
    case = CaseFactory(reference="TEST-OPARL-1", origin_forum=closed, current_forum=closed)
    item = AgendaItemFactory(meeting=meeting, kind="decision", case=case)
    DecisionFactory(agenda_item=item)
    sealed_minutes(meeting)
    was_public = Forum.objects.filter(is_public=True, tier=Forum.Tier.OPERATIVE).last()
    was_public.is_public = False
    was_public.save()
    return closed, was_public


def test_the_crawl_reaches_every_kind_of_object(crawled):
    objects, _statuses, _others = crawled
    kinds = {kind_of(obj) for obj in objects.values()}
    assert kinds >= {
        "System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem",
        "Paper", "Consultation", "File", "LegislativeTerm", "Location",
    }  # fmt: skip


def test_every_object_is_valid_oparl(crawled):
    objects, _statuses, _others = crawled
    problems = {oid: problems_of(obj) for oid, obj in objects.items() if problems_of(obj)}
    assert problems == {}


def test_every_url_named_answers_200(crawled):
    _objects, statuses, _others = crawled
    assert {url: status for url, status in statuses.items() if status != 200} == {}


def test_every_object_answers_at_its_own_id_as_it_is_embedded(crawled, client):
    objects, _statuses, _others = crawled
    for oid, obj in objects.items():
        if oid.startswith(OPARL) and "/body/" not in oid and not oid.endswith("/oparl/"):
            own = client.get(oid).json()
            assert own["type"] == obj["type"]
            assert own.get("name") == obj.get("name"), oid


def test_the_demo_has_every_published_public_object_and_nothing_else(crawled):
    """Every public forum, meeting and published mandate of the demo is there; no forum,
    meeting or mandate of a closed forum, and no person seen only in closed forums."""
    objects, _statuses, others = crawled
    ids = set(objects)
    public = Forum.objects.filter(is_public=True, structure__archived_at__isnull=True)
    closed = Forum.objects.exclude(pk__in=Forum.history.filter(is_public=True).values("id"))
    assert closed.exists() and public.exists()
    assert "dold@example.se" not in str(objects)
    for forum in public:
        assert f"{OPARL}gremium/{forum.pk}/" in ids
    for forum in closed:
        assert f"{OPARL}gremium/{forum.pk}/" not in ids
    for meeting in Meeting.objects.filter(forum__in=closed):
        assert f"{OPARL}meeting/{meeting.pk}/" not in ids
    for mandate in Mandate.objects.filter(forum__in=closed):
        assert f"{OPARL}membership/{mandate.pk}/" not in ids
    published = set(Mandate.objects.filter(forum__in=public).values_list("person", flat=True))
    only_closed = (
        set(Mandate.objects.filter(forum__in=closed).values_list("person", flat=True)) - published
    )
    assert only_closed
    everything = " ".join(map(str, objects.values()))
    for pk in only_closed:
        assert f"{OPARL}person/{pk}/" not in everything
    for minutes in Minutes.objects.filter(meeting__forum__in=closed):
        assert f"/moten/protokoll/{minutes.pk}/pdf/" not in " ".join(others)


def test_a_person_shows_only_what_they_publish(crawled):
    objects, _statuses, _others = crawled
    from django.contrib.auth import get_user_model

    people = [obj for obj in objects.values() if kind_of(obj) == "Person" and "name" in obj]
    assert people
    for obj in people:
        person = get_user_model().objects.get(pk=int(obj["id"].rstrip("/").rsplit("/", 1)[1]))
        assert ("email" in obj) == bool(person.publish_email and person.email)
        assert ("phone" in obj) == bool(person.publish_phone and person.phone)


def test_no_token_walk_from_system_to_an_approved_meetings_minutes_pdf(client, crawled):
    """The integrator's journey: System -> Body -> meetings -> a meeting with approved
    minutes -> its resultsProtocol -> the PDF, whose SHA-512 is the one published."""
    system = client.get(OPARL).json()
    bodies = client.get(system["body"]).json()["data"]
    found = None
    for body in bodies:
        page = client.get(body["meeting"]).json()
        while found is None:
            found = next((m for m in page["data"] if "resultsProtocol" in m), None)
            if found or "next" not in page["links"]:
                break
            page = client.get(page["links"]["next"]).json()
        if found:
            break
    assert found is not None
    protocol = found["resultsProtocol"]
    pdf = client.get(protocol["downloadUrl"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha512(pdf.content).hexdigest() == protocol["sha512Checksum"]
    assert len(pdf.content) == protocol["size"]
    assert protocol["samverkan:approvals"]


def test_a_forum_no_longer_public_is_a_tombstone(crawled, client):
    was_public = Forum.objects.filter(
        is_public=False, pk__in=Forum.history.filter(is_public=True).values("id")
    ).get()
    obj = client.get(f"{OPARL}gremium/{was_public.pk}/").json()
    assert obj["deleted"] is True
    assert set(obj) <= {"id", "type", "created", "modified", "deleted"}
