"""The priority-area and action-plan pages: forms confirm and redirect, refusals show on the
page (never a 500), the forum page lists them, the comparison is pinned in queries, and the
exports carry the activities."""

import io
import subprocess

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cycle import services
from cycle.models import ActionPlan, Activity, PrioritySet
from forums.models import Forum
from tests.cycle.plan_helpers import adopted_plan, adopted_priorities, coming_meeting, draft_plan
from tests.factories import CaseFactory, ForumFactory
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_draft_priority_areas_through_the_pages(client, secretariat_user, strategic_forum):
    client.force_login(secretariat_user)
    url = reverse("cycle:priority_set_create", args=[strategic_forum.slug])
    response = client.post(url, {"year": "2027", "introduction": "Året"})
    priority_set = PrioritySet.objects.get(forum=strategic_forum, year=2027)
    assert response.status_code == 302 and response["Location"] == priority_set.get_absolute_url()
    assert messages_of(response)
    add = reverse("cycle:priority_area_add", args=[priority_set.pk])
    assert client.post(add, {"title": "Digital vård", "description": ""}).status_code == 302
    meeting = coming_meeting(strategic_forum)
    page = client.get(priority_set.get_absolute_url())
    assert "Digital vård" in page.content.decode() and 'id="agenda-form"' in page.content.decode()
    agenda = reverse("cycle:priority_set_put_on_agenda", args=[priority_set.pk])
    assert client.post(agenda, {"meeting": meeting.pk}).status_code == 302
    priority_set.refresh_from_db()
    assert priority_set.agenda_item.meeting == meeting


def test_a_tactical_forum_gets_no_priority_areas_from_a_crafted_post(
    client, secretariat_user, tactical_forum
):
    client.force_login(secretariat_user)
    url = reverse("cycle:priority_set_create", args=[tactical_forum.slug])
    response = client.post(url, {"year": "2027"})
    assert response.status_code == 200 and "strategisk nivå" in response.content.decode()
    assert not PrioritySet.objects.exists()


def test_bad_year_is_shown_on_the_form(client, secretariat_user, tactical_forum):
    client.force_login(secretariat_user)
    url = reverse("cycle:action_plan_create", args=[tactical_forum.slug])
    for year in ("", "abc", "99999999999999999999", "1800"):
        assert client.post(url, {"year": year}).status_code == 200
    assert not ActionPlan.objects.exists()


def test_a_forum_of_another_structure_is_not_found(client, secretariat_user):
    other = ForumFactory(tier=Forum.Tier.STRATEGIC)
    client.force_login(secretariat_user)
    for name in ("cycle:priority_set_create", "cycle:action_plan_create"):
        assert client.post(reverse(name, args=[other.slug]), {"year": "2027"}).status_code == 404
    assert not ActionPlan.objects.exists() and not PrioritySet.objects.exists()


def test_an_adopted_plan_refuses_edits_from_crafted_posts(client, secretariat_user, tactical_forum):
    plan = adopted_plan(secretariat_user, tactical_forum)
    activity = plan.activities.get()
    client.force_login(secretariat_user)
    edit = client.post(reverse("cycle:activity_edit", args=[activity.pk]), {"title": "Ny"})
    assert edit.status_code == 200 and "följ i stället upp" in edit.content.decode()
    remove = client.post(reverse("cycle:activity_remove", args=[activity.pk]))
    assert remove.status_code == 302 and messages_of(remove)
    agenda = client.post(
        reverse("cycle:action_plan_put_on_agenda", args=[plan.pk]),
        {"meeting": coming_meeting(tactical_forum).pk},
    )
    assert agenda.status_code == 200
    assert Activity.objects.get(pk=activity.pk).title == activity.title


def test_a_meeting_of_another_forum_is_not_a_choice(client, secretariat_user, tactical_forum):
    plan = draft_plan(secretariat_user, tactical_forum)
    other = coming_meeting(ForumFactory())
    client.force_login(secretariat_user)
    url = reverse("cycle:action_plan_put_on_agenda", args=[plan.pk])
    assert client.post(url, {"meeting": other.pk}).status_code == 200
    assert client.post(url, {"meeting": "x"}).status_code == 200
    plan.refresh_from_db()
    assert plan.agenda_item is None


def test_an_activity_with_a_case_elsewhere_is_refused(client, secretariat_user, tactical_forum):
    plan = draft_plan(secretariat_user, tactical_forum, activities=())
    case = CaseFactory(origin_forum=ForumFactory())
    client.force_login(secretariat_user)
    url = reverse("cycle:activity_add", args=[plan.pk])
    response = client.post(url, {"title": "X", "cases": [case.pk]})
    assert response.status_code == 200 and not plan.activities.exists()
    ok = client.post(url, {"title": "Kartlägga", "starts_on": "2027-02-01", "ends_on": ""})
    assert ok.status_code == 302 and plan.activities.get().title == "Kartlägga"


def test_follow_up_through_the_page(client, secretariat_user, tactical_forum, chair_user):
    plan = adopted_plan(secretariat_user, tactical_forum)
    activity = services.activity_add(
        actor=secretariat_user, plan=plan, title="Ordförandens", owner=chair_user
    )
    client.force_login(chair_user)
    url = reverse("cycle:activity_follow_up", args=[activity.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "ongoing", "status_note": "Igång."})
    assert response.status_code == 302 and messages_of(response)
    assert client.post(url, {"status": "nonsense"}).status_code == 200
    other = plan.activities.exclude(pk=activity.pk).get()
    response = client.get(reverse("cycle:activity_follow_up", args=[other.pk]))
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.status == "ongoing" and activity.status_note == "Igång."


def test_the_forum_page_lists_them(client, secretariat_user, strategic_forum):
    priority_set = adopted_priorities(secretariat_user, strategic_forum)
    plan = draft_plan(secretariat_user, strategic_forum)
    client.force_login(secretariat_user)
    page = client.get(strategic_forum.get_absolute_url()).content.decode()
    assert priority_set.get_absolute_url() in page and plan.get_absolute_url() in page
    assert reverse("cycle:action_plan_create", args=[strategic_forum.slug]) in page


def test_the_comparison_is_pinned(client, secretariat_user, tactical_forum):
    plan = adopted_plan(secretariat_user, tactical_forum, activities=("Första",))
    client.force_login(secretariat_user)
    made = []

    def grow(n):
        for _ in range(n):
            number = len(made)
            activity = services.activity_add(actor=secretariat_user, plan=plan, title=f"A{number}")
            if number % 2:
                services.activity_follow_up(
                    actor=secretariat_user, activity=activity, status="ongoing"
                )
            made.append(activity)

    assert_same_query_count(
        client,
        plan.get_absolute_url(),
        grow,
        queries=12,
        marker='class="comparison-row"',
    )


def test_the_comparison_counts_changes_since_adoption(client, secretariat_user, tactical_forum):
    plan = adopted_plan(secretariat_user, tactical_forum, activities=("A", "B"))
    a, b = plan.activities.all()
    services.activity_follow_up(actor=secretariat_user, activity=a, status="done")
    services.activity_add(actor=secretariat_user, plan=plan, title="C")
    client.force_login(secretariat_user)
    comparison = client.get(plan.get_absolute_url()).context["comparison"]
    assert [(r.activity.title, r.at_adoption, r.now) for r in comparison.rows] == [
        ("A", "planned", "done"),
        ("B", "planned", "planned"),
        ("C", None, "planned"),
    ]
    counts = {status: (before, after) for status, _label, before, after in comparison.counts}
    assert counts["planned"] == (2, 2) and counts["done"] == (0, 1)


def test_the_exports_carry_the_activities(client, secretariat_user, tactical_forum, tmp_path):
    from docx import Document

    plan = adopted_plan(secretariat_user, tactical_forum, activities=("Kartlägga behoven",))
    client.force_login(secretariat_user)
    word = client.get(reverse("cycle:action_plan_docx", args=[plan.pk]))
    assert word.status_code == 200
    document = Document(io.BytesIO(word.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Kartlägga behoven" in cells
    pdf = client.get(reverse("cycle:action_plan_pdf", args=[plan.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Kartlägga behoven" in text
