"""The case lists (FilterSet + Table): what they show, filtering, sorting, count-free paging,
query budgets with the extra rows really rendered; and single cases through the visibility
API (a hidden case is a 404, one seen but not allowed a 403)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation

from escalation import services
from escalation.models import Case, CaseEvent
from escalation.permissions import (
    ATTACH,
    ESCALATE,
    HANDLE,
    can_add_attachment,
    can_escalate_case,
    can_handle_case,
)
from escalation.selectors import case_get_visible
from kernel.lists import PAGE_SIZE
from kernel.visibility import get_visible_or_404
from tests.escalation.factories import escalated_case, raise_case
from tests.factories import CaseFactory, FollowFactory
from tests.querycount import assert_same_query_count, count_queries

# Session, user, the page's own reads, one list query and one prefetch per table.
QUERIES_MY_CASES = 8
QUERIES_SECRETARIAT = 6
PATH = 'class="case-path"'  # once in each row

pytestmark = pytest.mark.django_db

Status = Case.Status
MY_CASES = "escalation:my_cases"


def _shown(response, table="table"):
    return [row.record for row in response.context[table].page.object_list]


@pytest.fixture
def one_page(monkeypatch):
    """Every row on one page, so the query budget sees all 50 rows rendered."""
    monkeypatch.setattr("escalation.views.PER_PAGE", 100)


@pytest.fixture
def escalated(case, operative_chair):
    return services.case_escalate(actor=operative_chair, case=case, reason="Berör fler")


# --- My cases --------------------------------------------------------------------------------


def test_my_cases_shows_where_each_is_and_filters(
    client, escalated, representative_user, operative_forum
):
    at_home = raise_case(representative_user, operative_forum, title="Lokalt")
    client.force_login(representative_user)
    url = reverse(MY_CASES)
    response = client.get(url)
    assert {case.pk for case in _shown(response)} == {escalated.pk, at_home.pk}
    assert 'aria-current="location"' in response.text  # the path, where the case is now
    assert "Samordningsgruppen" in response.text
    assert [c.pk for c in _shown(client.get(url, {"tier": 2}))] == [escalated.pk]
    only_open_here = client.get(url, {"forum": operative_forum.pk, "status": "open"})
    assert [case.pk for case in _shown(only_open_here)] == [at_home.pk]
    closed = client.get(url, {"status": "closed"})
    assert _shown(closed) == []
    with translation.override("en"):
        assert (
            "No case of yours matches the filter."
            in client.get(url, {"status": "closed"}, HTTP_ACCEPT_LANGUAGE="en").text
        )
    assert client.get(url, {"tier": "nonsense"}).status_code == 200


def test_my_cases_sorts_by_its_columns(client, representative_user, operative_forum):
    first = raise_case(representative_user, operative_forum, title="Först")
    second = raise_case(representative_user, operative_forum, title="Sedan")
    client.force_login(representative_user)
    url = reverse(MY_CASES)
    assert [c.pk for c in _shown(client.get(url))] == [second.pk, first.pk]  # newest change
    assert [c.pk for c in _shown(client.get(url, {"sort": "case"}))] == [first.pk, second.pk]
    assert [c.pk for c in _shown(client.get(url, {"sort": "-case"}))] == [second.pk, first.pk]
    assert 'href="?sort=case"' in client.get(url).text


def test_my_cases_pages_without_counting_and_drops_no_row(
    client, representative_user, operative_forum
):
    for _ in range(PAGE_SIZE + 5):
        CaseFactory(origin_forum=operative_forum, raised_by=representative_user)
    client.force_login(representative_user)
    url = reverse(MY_CASES)
    queries, response = count_queries(client.get, url)
    assert len(_shown(response)) == PAGE_SIZE
    assert 'rel="next"' in response.text
    second = client.get(url, {"page": 2})
    assert len(_shown(second)) == 5 and 'rel="next"' not in second.text
    seen = {case.pk for case in _shown(response)} | {case.pk for case in _shown(second)}
    assert len(seen) == PAGE_SIZE + 5


def test_my_cases_makes_no_count_query(client, representative_user, operative_forum):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CaseFactory(origin_forum=operative_forum, raised_by=representative_user)
    client.force_login(representative_user)
    with CaptureQueriesContext(connection) as context:
        client.get(reverse(MY_CASES))
    cases_table = f'"{Case._meta.db_table}"'
    counts = [
        q["sql"]
        for q in context.captured_queries
        if "COUNT(" in q["sql"] and cases_table in q["sql"]
    ]
    assert counts == []


def test_leaders_see_the_cases_waiting_in_their_forums(client, escalated, chair_user):
    client.force_login(chair_user)
    response = client.get(reverse(MY_CASES))
    assert [case.pk for case in _shown(response, "waiting")] == [escalated.pk]
    assert _shown(response) == []
    assert 'id="waiting-cases"' in response.text


def test_the_waiting_list_is_left_out_for_those_who_lead_nothing_waiting(
    client, representative_user
):
    client.force_login(representative_user)
    assert 'id="waiting-cases"' not in client.get(reverse(MY_CASES)).text


def test_my_cases_query_count_is_pinned_and_the_rows_render(
    one_page, client, representative_user, operative_forum
):
    client.force_login(representative_user)

    def grow(count):
        for index in range(count):
            case = escalated_case(operative_forum, raised_by=representative_user)
            if index % 2:
                FollowFactory(case=case, user=representative_user)
            FollowFactory(case=CaseFactory(origin_forum=operative_forum), user=representative_user)

    url = reverse(MY_CASES)
    assert_same_query_count(client, url, grow, queries=QUERIES_MY_CASES, marker=PATH, per_row=2)


def test_waiting_list_query_count_is_pinned_and_the_rows_render(
    one_page, client, chair_user, representative_user, operative_forum
):
    client.force_login(chair_user)

    def grow(count):
        for _ in range(count):
            escalated_case(operative_forum, raised_by=representative_user)

    url = reverse(MY_CASES)
    assert_same_query_count(client, url, grow, queries=QUERIES_MY_CASES, marker=PATH)


# --- The secretariat's list ------------------------------------------------------------------


def test_the_secretariat_sees_escalated_cases_waiting_oldest_first_with_overdue_marked(
    client, structure, secretariat_user, representative_user, operative_forum
):
    structure.escalated_case_deadline_days = 30
    structure.save()
    old = escalated_case(operative_forum, raised_by=representative_user)
    old.events.filter(kind=CaseEvent.Kind.ESCALATED).update(
        at=timezone.now() - datetime.timedelta(days=45)
    )
    new = escalated_case(operative_forum, raised_by=representative_user)
    escalated_case(operative_forum, raised_by=representative_user, status=Status.SCHEDULED)
    raise_case(representative_user, operative_forum)  # not escalated: not listed
    client.force_login(secretariat_user)
    url = reverse("escalation:secretariat_cases", args=[structure.slug])
    with translation.override("en"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert [case.pk for case in _shown(response)] == [old.pk, new.pk]
    assert response.context["overdue_count"] == 1
    assert "Overdue by 15 days" in response.text  # text, not colour alone
    assert "45 days" in response.text
    newest_first = client.get(url, {"sort": "-arrived_at"})
    assert [case.pk for case in _shown(newest_first)] == [new.pk, old.pk]


def test_secretariat_list_query_count_is_pinned_and_the_rows_render(
    one_page, client, structure, secretariat_user, representative_user, operative_forum
):
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            escalated_case(operative_forum, raised_by=representative_user)

    url = reverse("escalation:secretariat_cases", args=[structure.slug])
    assert_same_query_count(client, url, grow, queries=QUERIES_SECRETARIAT, marker=PATH)


# --- Single cases through the visibility API -------------------------------------------------


def test_a_hidden_case_is_a_404_through_restrict(case, outsider_user, representative_user):
    assert not Case.objects.restrict(outsider_user, "view").filter(pk=case.pk).exists()
    with pytest.raises(Http404):
        get_visible_or_404(Case, outsider_user, reference=case.reference)
    with pytest.raises(Http404):
        case_get_visible(user=outsider_user, reference=case.reference)
    assert case_get_visible(user=representative_user, reference=case.reference) == case


def test_a_seen_case_without_the_right_is_a_403(case, follower_user, operative_chair):
    with pytest.raises(PermissionDenied):
        case_get_visible(user=follower_user, reference=case.reference, action=HANDLE)
    assert case_get_visible(user=operative_chair, reference=case.reference, action=ESCALATE)


PEOPLE = [
    "representative_user",
    "operative_chair",
    "tactical_member",
    "chair_user",
    "follower_user",
    "secretariat_user",
    "other_secretariat_user",
    "outsider_user",
]


@pytest.mark.parametrize(
    ("action", "predicate"),
    [(HANDLE, can_handle_case), (ESCALATE, can_escalate_case), (ATTACH, can_add_attachment)],
)
def test_the_registered_rules_agree_with_the_predicates(request, escalated, action, predicate):
    for name in PEOPLE:
        user = request.getfixturevalue(name)
        by_rule = Case.objects.restrict(user, action).filter(pk=escalated.pk).exists()
        assert by_rule == predicate(user, escalated), (name, action)


def test_a_finished_case_takes_no_attachments_by_either_rule(case, operative_chair):
    case = services.case_remove(actor=operative_chair, case=case, reason="Avförs")
    user = case.raised_by
    assert not can_add_attachment(user, case)
    assert not Case.objects.restrict(user, ATTACH).filter(pk=case.pk).exists()
