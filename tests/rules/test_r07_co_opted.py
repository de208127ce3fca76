"""R7: representation varies with the question (seed 000 "Strategisk nivå"): a co-opted
person joins for named agenda items, so the mandate names them (hard)."""

import pytest

from tests.rules.helpers import Role, appoint, refused

pytestmark = pytest.mark.django_db


def test_a_co_opted_person_names_the_items(secretariat_user, operative_forum, agency_a):
    refused(
        "scope", "R7.co_opted_scope",
        appoint, secretariat_user, operative_forum, Role.CO_OPTED, agency_a,
    )  # fmt: skip
    refused(
        "scope", "R7.co_opted_scope",
        appoint, secretariat_user, operative_forum, Role.CO_OPTED, agency_a, scope="   ",
    )  # fmt: skip
    co_opted = appoint(
        secretariat_user, operative_forum, Role.CO_OPTED, agency_a, scope="Punkt 3: e-recept"
    )
    assert co_opted.scope == "Punkt 3: e-recept"


def test_other_roles_need_no_scope(secretariat_user, operative_forum, agency_a):
    assert appoint(secretariat_user, operative_forum, Role.SECRETARY, agency_a).pk
