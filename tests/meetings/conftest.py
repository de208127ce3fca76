"""Fixtures of the meetings tests: a Västra-Götaland-like preparatory group with two parties."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from forums.models import Forum
from forums.permissions import structure_secretariat_sync
from mandates.models import Mandate
from tests.factories import (
    ForumFactory,
    MeetingFactory,
    OrganisationFactory,
    PartyFactory,
    StructureFactory,
    UserFactory,
)

Role = Mandate.Role


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def vg(db, give_mandate):
    """SRO over a consensus preparatory group: municipalities chair, VGR vice chair (R11);
    minutes approved by the chair and a member of the other party (R15)."""
    structure = StructureFactory(name="Västra Götaland", slug="vg")
    municipalities = PartyFactory(structure=structure, name="Kommunerna", short_name="Kommunerna")
    vgr_party = PartyFactory(structure=structure, name="VGR", short_name="VGR")
    gr = OrganisationFactory(name="Göteborgsregionen", parties=[municipalities])
    fyrbodal = OrganisationFactory(name="Fyrbodal", parties=[municipalities])
    vgr = OrganisationFactory(name="Västra Götalandsregionen", parties=[vgr_party])
    sro = ForumFactory(structure=structure, name="SRO", tier=Forum.Tier.STRATEGIC)
    group = ForumFactory(
        structure=structure,
        name="Politisk beredningsgrupp medicintekniska produkter",
        slug="beredningsgrupp-mtp",
        tier=Forum.Tier.TACTICAL,
        escalates_to=sro,
        decision_rule=Forum.DecisionRule.CONSENSUS,
        minutes_approval=Forum.MinutesApproval.CHAIR_AND_OTHER_PARTY_MEMBER,
        min_meetings_per_year=4,
        quorum=3,
        chair_party=municipalities,
    )
    secretary = UserFactory(username="vgkansli", first_name="Sara", last_name="Sekreterare")
    structure.secretariat_staff.add(secretary)
    structure_secretariat_sync(structure=structure)

    def person(username, organisation, role, **kwargs):
        user = UserFactory(username=username, organisation=organisation, **kwargs)
        give_mandate(user, group, role)
        return user

    chair = person("kchair", gr, Role.CHAIR, first_name="Karl", last_name="Kommun")
    vice = person("vgrvice", vgr, Role.VICE_CHAIR, first_name="Vera", last_name="Region")
    vgr_member = person("vgrmember", vgr, Role.MEMBER, first_name="Viktor", last_name="Vgr")
    municipal_member = person("kmember", fyrbodal, Role.MEMBER, first_name="Kim", last_name="Bod")
    deputy = person("kdeputy", fyrbodal, Role.DEPUTY, first_name="Dag", last_name="Deputy")
    return SimpleNamespace(
        structure=structure,
        municipalities=municipalities,
        vgr_party=vgr_party,
        sro=sro,
        group=group,
        secretary=secretary,
        chair=chair,
        vice=vice,
        vgr_member=vgr_member,
        municipal_member=municipal_member,
        deputy=deputy,
        gr=gr,
        vgr=vgr,
    )


@pytest.fixture
def meeting(vg):
    start = (timezone.now() + datetime.timedelta(days=14)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return MeetingFactory(
        forum=vg.group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )


@pytest.fixture
def other_structure_secretariat(db):
    structure = StructureFactory()
    user = UserFactory(username="annatkansli")
    structure.secretariat_staff.add(user)
    structure_secretariat_sync(structure=structure)
    return user


@pytest.fixture
def other_forum_member(db, give_mandate):
    forum = ForumFactory()
    user = UserFactory(username="annatforum")
    give_mandate(user, forum, Role.MEMBER)
    return user
