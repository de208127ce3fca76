"""The world of the security tests: the conftest structure (three tiers, a user per role),
a member of the operative forum who publishes nothing, one who publishes only the e-mail,
a signed mandate document, and one object of every kind a URL can name.

The roles, as issue 11 names them:

- anonymous;
- outsider: logged in, no mandate, no secretariat;
- other_member: a member of a forum of another structure;
- chair: the chair of the tactical forum of this structure (a member of another forum here);
- member: a member of the operative forum, where the personal data sits;
- secretariat: runs this structure; other_secretariat: runs another structure;
- superuser.
"""

import datetime

import pytest
from django.utils import timezone

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from tests.cycle.report_helpers import quick_adopted
from tests.escalation.factories import raise_case
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CaseAttachmentFactory,
    ForumFactory,
    MeetingFactory,
    MinutesFactory,
    OrganisationFactory,
    PartyFactory,
    UserFactory,
)
from tests.mandates.factories import InvitationFactory, MandateImportFactory, pdf_upload
from tests.meetings.factories import sealed_minutes

ROLES = (
    "anonymous",
    "outsider",
    "other_member",
    "chair",
    "member",
    "secretariat",
    "other_secretariat",
    "superuser",
)
# Who may see the personal data of the operative forum's members (issue 11, item 5).
ENTITLED = {"member", "secretariat", "superuser"}

HIDDEN_EMAIL = "dold.ledamot@example.se"
HIDDEN_PHONE = "070-999 88 77"
OPEN_EMAIL = "oppen.ledamot@example.se"
OPEN_PHONE = "070-555 44 33"  # not published, though the e-mail is
DOCUMENT = b"%PDF-1.4\n% signed-mandate-of-the-hidden-member\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(
    frozen_day,
    structure,
    parties,
    strategic_forum,
    tactical_forum,
    operative_forum,
    outsider_user,
    representative_user,
    chair_user,
    secretariat_user,
    give_mandate,
):
    other_forum = ForumFactory(name="Annan styrgrupp", tier=Forum.Tier.STRATEGIC)
    other_member = UserFactory(username="annan-ledamot", organisation=OrganisationFactory())
    give_mandate(other_member, other_forum, Mandate.Role.MEMBER)
    other_secretariat = UserFactory(username="annat-kansli")
    other_forum.structure.secretariat_staff.add(other_secretariat)
    structure_secretariat_sync(structure=other_forum.structure)
    superuser = UserFactory(username="admin", is_superuser=True, is_staff=True)

    hidden = UserFactory(
        username="dold", first_name="Dora", last_name="Dold", email=HIDDEN_EMAIL,
        phone=HIDDEN_PHONE, publish_email=False, publish_phone=False,
        organisation=OrganisationFactory(),
    )  # fmt: skip
    hidden_mandate = give_mandate(hidden, operative_forum, Mandate.Role.MEMBER)
    hidden_mandate.document = pdf_upload(data=DOCUMENT)
    hidden_mandate.save()
    published = UserFactory(
        username="oppen", first_name="Olga", last_name="Öppen", email=OPEN_EMAIL,
        phone=OPEN_PHONE, publish_email=True, publish_phone=False,
        organisation=OrganisationFactory(),
    )  # fmt: skip
    give_mandate(published, operative_forum, Mandate.Role.DEPUTY)

    case = raise_case(representative_user, operative_forum, title="Gemensam rutin")
    meeting = MeetingFactory(forum=operative_forum)
    item = AgendaItemFactory(meeting=meeting)
    minutes = MinutesFactory(meeting=meeting)
    from meetings import services as meeting_services

    token = meeting_services.calendar_token_rotate(actor=representative_user)
    invited = UserFactory(username="inbjuden")
    InvitationFactory(person=invited, invited_by=secretariat_user)
    party = PartyFactory(structure=structure, name="Parten")
    return {
        "users": {
            "anonymous": None,
            "outsider": outsider_user,
            "other_member": other_member,
            "chair": chair_user,
            "member": representative_user,
            "secretariat": secretariat_user,
            "other_secretariat": other_secretariat,
            "superuser": superuser,
        },
        "structure": structure,
        "forum": operative_forum,
        "other_forum": other_forum,
        "hidden": hidden,
        "published": published,
        "hidden_mandate": hidden_mandate,
        "import": MandateImportFactory(structure=structure, uploaded_by=secretariat_user),
        "party": party,
        # used by `structure` (in its party): only its secretariat may rename or archive it
        "organisation": OrganisationFactory(name="Region Test", parties=[party]),
        "case": case,
        "attachment": CaseAttachmentFactory(case=case),
        "meeting": meeting,
        "item": item,
        "minutes": minutes,
        "action_item": ActionItemFactory(meeting=meeting),
        "calendar_token": token.token,
        # an adopted annual report of the operative forum (sealed with its published contacts)
        "annual_report": quick_adopted(operative_forum, secretariat_user),
        # a direction document of the tactical forum, with its first (draft) version
        "direction_document": _direction_document(
            secretariat_user, tactical_forum, operative_forum
        ),
    }


def _direction_document(secretariat_user, tactical_forum, operative_forum):
    from cycle import services
    from tests.cycle.direction_helpers import document_data

    return services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )


@pytest.fixture
def approved_minutes(world):
    """Sealed minutes (with their stored PDF) of a held meeting of the operative forum."""
    start = timezone.now() - datetime.timedelta(days=40)
    held = MeetingFactory(
        forum=world["forum"], starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    return sealed_minutes(held)


def make_public(forum):
    forum.is_public = True
    forum.save()
    return forum
