"""The permission matrix of the OParl endpoint (the `oparl` namespace): JSON for anyone,
signed in or not, the same answer for every role (OParl publishes only the public record;
a role sees no more here than anonymous). GET only: a POST is refused (405)."""

import pytest

from tests.factories import AgendaItemFactory, DecisionFactory, MandateFactory, MeetingFactory
from tests.matrix import assert_matrix_row, matrix_params
from tests.meetings.factories import sealed_minutes

pytestmark = pytest.mark.django_db

OPARL_NAMES = (
    "system", "body_list", "body", "body_organizations", "body_people", "body_meetings",
    "body_papers", "body_memberships", "body_files", "body_terms", "term", "forum",
    "forum_meetings", "organisation", "person", "membership", "meeting", "agenda_item",
    "consultation", "paper", "file", "location",
)  # fmt: skip


@pytest.fixture
def world(operative_forum, representative_user, chair_user, secretariat_user):
    operative_forum.is_public = True
    operative_forum.save()
    mandate = MandateFactory(forum=operative_forum)
    meeting = MeetingFactory(forum=operative_forum, status="held", location="Rum 1")
    item = AgendaItemFactory(meeting=meeting, with_case=True)
    DecisionFactory(agenda_item=item, outcome="decided", text="Beslut.")
    minutes = sealed_minutes(meeting)
    body = {"pk": operative_forum.structure_id}
    return {
        "users": {
            "anonymous": None,
            "representative": representative_user,
            "chair": chair_user,
            "secretariat": secretariat_user,
        },
        "body": body,
        "term": body | {"year": meeting.starts_at.year},
        "forum": {"pk": operative_forum.pk},
        "organisation": {"pk": mandate.organisation_id},
        "person": {"pk": mandate.person_id},
        "membership": {"pk": mandate.pk},
        "meeting": {"pk": meeting.pk},
        "item": {"pk": item.pk},
        "case": {"pk": item.case_id},
        "file": {"pk": minutes.pk},
    }


TARGETS = {
    "system": None, "body_list": None, "term": "term", "forum": "forum",
    "forum_meetings": "forum", "organisation": "organisation", "person": "person",
    "membership": "membership", "meeting": "meeting", "agenda_item": "item",
    "consultation": "item", "paper": "case", "file": "file", "location": "meeting",
}  # fmt: skip
# PUBLIC_MATRIX: the security walk does not compare it (its world keeps the forum closed,
# where these answer 404; it checks that separately as anonymous).
PUBLIC_MATRIX = [
    (f"oparl:{name}", f"oparl_{TARGETS.get(name, 'body')}", method, codes)
    for name in OPARL_NAMES
    for method, codes in (("get", "200 200 200 200"), ("post", "405 405 405 405"))
]


@pytest.mark.parametrize(
    ("name", "target", "method", "role", "expected"), list(matrix_params(PUBLIC_MATRIX))
)
def test_permission_matrix(client, world, name, target, method, role, expected):
    key = target.removeprefix("oparl_")
    if key == "None":
        target = None
    else:
        world = world | {target: world[key]}
    assert_matrix_row(client, world, name, target, method, role, expected)
