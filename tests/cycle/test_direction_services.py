"""Direction documents (inriktningsdokument): decided by the tactical forum only, versions
drafted from the latest text, adopted by a decision, never changed once adopted."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cycle import services
from cycle.models import DirectionDocumentVersion
from kernel.errors import DomainError
from meetings import services as meetings
from meetings.models import Decision
from tests.cycle.direction_helpers import adopt, agency, coming_meeting, document_data
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_tactical_forum_drafts_a_document_with_a_first_version(
    secretariat_user, tactical_forum, operative_forum
):
    document = services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    version = document.versions.get()
    assert (version.number, version.status) == (1, DirectionDocumentVersion.Status.DRAFT)
    assert services.direction_current_version(document) is None


@pytest.mark.parametrize("tier", ["strategic", "operative"])
def test_only_a_tactical_forum_decides_a_direction_document(
    secretariat_user, strategic_forum, tactical_forum, operative_forum, tier
):
    forum = strategic_forum if tier == "strategic" else operative_forum
    with pytest.raises(DomainError, match="taktiskt forum"):
        services.direction_document_create(
            actor=secretariat_user, forum=forum, data=document_data(tactical_forum)
        )


def test_a_document_made_elsewhere_cannot_be_put_on_another_tier(
    secretariat_user, tactical_forum, operative_forum, strategic_forum
):
    """Even a document that exists (made before the forum's tier changed) is not decided
    by a forum that is no longer tactical."""
    document = services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    tactical_forum.tier = 1
    tactical_forum.escalates_to = None
    document.forum = tactical_forum
    version = document.versions.get()
    version.document = document
    with pytest.raises(DomainError):
        services.direction_version_put_on_agenda(
            actor=secretariat_user, version=version, meeting=coming_meeting(tactical_forum)
        )


def test_the_agency_must_be_an_agency_and_the_group_a_forum_of_the_structure(
    secretariat_user, tactical_forum, operative_forum
):
    region = OrganisationFactory(name="Region X", kind="region")
    with pytest.raises(ValidationError) as refused:
        services.direction_document_create(
            actor=secretariat_user,
            forum=tactical_forum,
            data=document_data(operative_forum, organisation=region),
        )
    assert "agency" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.direction_document_create(
            actor=secretariat_user, forum=tactical_forum, data=document_data(tactical_forum)
        )
    assert "group" in refused.value.message_dict


def test_only_the_secretariat_drafts(chair_user, tactical_forum, operative_forum):
    with pytest.raises(PermissionDenied):
        services.direction_document_create(
            actor=chair_user, forum=tactical_forum, data=document_data(operative_forum)
        )


def test_adopted_by_the_decision_and_then_never_changed(
    secretariat_user, tactical_forum, operative_forum
):
    document = services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    first = adopt(document.versions.get(), secretary=secretariat_user)
    assert first.is_adopted and first.adopted_at is not None
    assert services.direction_current_version(document) == first
    with pytest.raises(DomainError):
        services.direction_version_update(
            actor=secretariat_user, version=first, data={"text": "Ändrad"}
        )
    first.refresh_from_db()
    assert first.text.startswith("Myndigheten")


def test_a_new_version_copies_the_latest_text_and_the_current_is_the_latest_adopted(
    secretariat_user, tactical_forum, operative_forum
):
    document = services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    first = adopt(document.versions.get(), secretary=secretariat_user)
    review = timezone.localdate() + datetime.timedelta(days=200)
    second = services.direction_version_draft(
        actor=secretariat_user, document=document, review_on=review
    )
    assert (second.number, second.text, second.review_on) == (2, first.text, review)
    with pytest.raises(DomainError):  # one draft at a time
        services.direction_version_draft(actor=secretariat_user, document=document)
    services.direction_version_update(
        actor=secretariat_user, version=second, data={"text": "Ny text", "review_on": review}
    )
    assert services.direction_current_version(document) == first  # a draft is not in force
    second = adopt(second, secretary=secretariat_user)
    assert services.direction_current_version(document) == second


def test_referred_back_leaves_the_draft(secretariat_user, tactical_forum, operative_forum):
    document = services.direction_document_create(
        actor=secretariat_user, forum=tactical_forum, data=document_data(operative_forum)
    )
    meeting = coming_meeting(tactical_forum)
    version = services.direction_version_put_on_agenda(
        actor=secretariat_user, version=document.versions.get(), meeting=meeting
    )
    meetings.meeting_convene(actor=secretariat_user, meeting=meeting)
    meetings.decision_record(
        actor=secretariat_user,
        item=version.agenda_item,
        outcome=Decision.Outcome.REFERRED_BACK,
        text="Mer beredning",
    )
    version.refresh_from_db()
    assert not version.is_adopted


def test_one_document_per_agency_and_group(secretariat_user, tactical_forum, operative_forum):
    socialstyrelsen = agency()
    services.direction_document_create(
        actor=secretariat_user,
        forum=tactical_forum,
        data=document_data(operative_forum, organisation=socialstyrelsen),
    )
    with pytest.raises(ValidationError):
        services.direction_document_create(
            actor=secretariat_user,
            forum=tactical_forum,
            data=document_data(operative_forum, organisation=socialstyrelsen),
        )
