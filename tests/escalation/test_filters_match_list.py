"""The filters of "My cases" match what the list shows (issue 12, item 6).

"Eskalerat" was a status choice no case ever has (an escalated case is open again at its new
forum), so it never matched. Each status choice now is a status the list shows, and each one
finds exactly the rows whose status column reads it; whether a case was escalated is its own
filter, matching the escalation path the list shows.
"""

import pytest
from django.urls import reverse

from escalation import services
from escalation.filters import MyCaseFilter
from escalation.models import Case
from tests.escalation.factories import raise_case

pytestmark = pytest.mark.django_db

Status = Case.Status
MY_CASES = "escalation:my_cases"


def _rows(response):
    table = response.context["table"]
    return {
        row.record.pk: (row.get_cell_value("status"), len(row.record.path) > 1)
        for row in table.page.object_list
    }


@pytest.fixture
def cases(representative_user, operative_forum, operative_chair):
    at_home = raise_case(representative_user, operative_forum, title="Lokalt")
    preparing = raise_case(representative_user, operative_forum, title="Förbereds")
    services.case_start_preparation(actor=operative_chair, case=preparing)
    moved = raise_case(representative_user, operative_forum, title="Eskaleras")
    services.case_escalate(actor=operative_chair, case=moved, reason="Berör fler")
    return at_home, preparing, moved


def test_every_status_choice_finds_what_the_status_column_shows(client, cases, representative_user):
    client.force_login(representative_user)
    url = reverse(MY_CASES)
    everything = _rows(client.get(url))
    assert len(everything) == 3
    choices = dict(MyCaseFilter().filters["status"].extra["choices"])
    assert Status.ESCALATED not in choices  # no case is ever shown as "escalated"
    for value, label in choices.items():
        found = _rows(client.get(url, {"status": value}))
        expected = {pk for pk, (status, _) in everything.items() if status == label}
        assert set(found) == expected, value
    shown_statuses = {status for status, _ in everything.values()}
    assert shown_statuses <= {str(label) for label in choices.values()}


def test_the_escalated_choice_finds_the_cases_whose_path_went_up(
    client, cases, representative_user
):
    at_home, preparing, moved = cases
    client.force_login(representative_user)
    url = reverse(MY_CASES)
    escalated = _rows(client.get(url, {"escalated": "yes"}))
    assert set(escalated) == {moved.pk} and all(up for _, up in escalated.values())
    not_escalated = _rows(client.get(url, {"escalated": "no"}))
    assert set(not_escalated) == {at_home.pk, preparing.pk}
    assert not any(up for _, up in not_escalated.values())
    assert client.get(url, {"escalated": "nonsense"}).status_code == 200
