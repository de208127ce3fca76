"""The case pages: raising, the steps, following, uploads, query budgets."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from escalation import services
from escalation.models import Case, CaseEvent, Follow
from tests.escalation.factories import PNG_BYTES, pdf_upload, raise_case
from tests.escalation.view_helpers import _urls
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db

Status = Case.Status


# --- Raising ---------------------------------------------------------------------------------


def test_raising_a_case_with_attachments(client, representative_user, operative_forum):
    client.force_login(representative_user)
    response = client.post(
        reverse("escalation:case_raise"),
        {
            "forum": operative_forum.pk,
            "title": "Ny rutin",
            "description": "Behövs.",
            "priority": "normal",
            "attachments": [
                pdf_upload("a.pdf"),
                pdf_upload("bild.png", PNG_BYTES),
            ],
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert sorted(case.attachments.values_list("name", flat=True)) == ["a.pdf", "bild.png"]


def test_a_forged_file_is_refused_next_to_the_field(client, representative_user, operative_forum):
    client.force_login(representative_user)
    response = client.post(
        reverse("escalation:case_raise"),
        {
            "forum": operative_forum.pk,
            "title": "Ny rutin",
            "priority": "normal",
            "attachments": [pdf_upload("rapport.pdf", b"MZ\x90\x00 not a pdf")],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["attachments"]
    assert not Case.objects.exists()


def test_only_forums_where_one_may_raise_are_offered(client, representative_user, chair_user):
    client.force_login(representative_user)
    form = client.get(reverse("escalation:case_raise")).context["form"]
    assert [forum.name for forum in form.fields["forum"].queryset] == ["Arbetsgruppen"]


# --- Steps -----------------------------------------------------------------------------------


def _step(client, case, slug, **data):
    url = reverse("escalation:case_step", args=[case.reference, slug])
    return client.post(url, {"version": case.version, **data})


def test_the_chair_escalates_from_the_page(client, case, operative_chair, tactical_forum):
    client.force_login(operative_chair)
    page = client.get(reverse("escalation:case_step", args=[case.reference, "eskalera"]))
    assert tactical_forum.name in page.text
    response = _step(client, case, "eskalera", reason="Berör fler organisationer")
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    case.refresh_from_db()
    assert case.current_forum == tactical_forum


def test_a_reason_is_required_on_the_page(client, case, operative_chair):
    client.force_login(operative_chair)
    response = _step(client, case, "eskalera", reason="")
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not case.events.filter(kind=CaseEvent.Kind.ESCALATED).exists()


def test_a_change_meanwhile_is_reported_and_nothing_happens(client, case, operative_chair):
    client.force_login(operative_chair)
    stale_version = case.version
    services.case_start_preparation(actor=operative_chair, case=case)
    with translation.override("en"):
        response = client.post(
            reverse("escalation:case_step", args=[case.reference, "avfor"]),
            {"version": stale_version, "reason": "Avförs"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("changed meanwhile" in message for message in messages), messages
    case.refresh_from_db()
    assert case.status == Status.IN_PREPARATION


def test_a_refused_transition_is_shown_above_the_form(client, case, operative_chair):
    client.force_login(operative_chair)
    response = _step(client, case, "besluta", outcome="Beslut")  # not scheduled yet
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_a_step_that_cannot_be_done_now_sends_back_to_the_case(client, case, operative_chair):
    client.force_login(operative_chair)
    response = client.get(reverse("escalation:case_step", args=[case.reference, "kvittera"]))
    assert response.status_code == 302


def test_unknown_step_is_a_404(client, case, operative_chair):
    client.force_login(operative_chair)
    url = reverse("escalation:case_step", args=[case.reference, "radera"])
    assert client.get(url).status_code == 404


def test_the_case_page_offers_only_the_steps_one_may_take(client, case, operative_chair):
    client.force_login(operative_chair)
    steps = [step.slug for step in client.get(case.get_absolute_url()).context["steps"]]
    assert steps == ["forbered", "eskalera", "avfor"]
    client.force_login(case.raised_by)
    assert client.get(case.get_absolute_url()).context["steps"] == []


def test_follow_and_unfollow(client, escalated, tactical_member):
    client.force_login(tactical_member)
    client.post(reverse("escalation:case_follow", args=[escalated.reference]))
    assert client.get(escalated.get_absolute_url()).context["case"].is_followed
    client.post(reverse("escalation:case_unfollow", args=[escalated.reference]))
    assert not Follow.objects.filter(user=tactical_member, case=escalated).exists()
    assert (
        client.get(reverse("escalation:case_follow", args=[escalated.reference])).status_code == 405
    )


# --- Attachments -----------------------------------------------------------------------------


def test_attachments_are_downloaded_never_shown_inline(client, escalated, tactical_member):
    client.force_login(tactical_member)
    response = client.get(_urls(escalated)["download"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_an_attachment_of_another_case_is_a_404(client, escalated, representative_user):
    other = raise_case(representative_user, escalated.origin_forum, attachments=[pdf_upload()])
    url = reverse(
        "escalation:attachment_download",
        args=[escalated.reference, other.attachments.get().pk],
    )
    client.force_login(representative_user)
    assert client.get(url).status_code == 404


def test_media_url_does_not_serve_attachments(client, escalated, representative_user):
    client.force_login(representative_user)
    stored = escalated.attachments.get().file.name
    assert client.get(f"/media/{stored}").status_code == 404


def test_adding_an_attachment_from_the_page(client, escalated, representative_user):
    client.force_login(representative_user)
    url = _urls(escalated)["attach"]
    response = client.post(url, {"file": pdf_upload("protokoll.pdf")})
    assert response.status_code == 302
    assert escalated.attachments.filter(name="protokoll.pdf").exists()
    response = client.post(url, {"file": pdf_upload("skript.js", b"alert(1)")})
    assert response.status_code == 200 and response.context["form"].errors["file"]


# --- My cases and the secretariat's list (more in test_lists.py) ----------------------------


def test_the_nav_item_cases_leads_to_my_cases(client, representative_user):
    client.force_login(representative_user)
    response = client.get(reverse("dashboard"))
    assert f'href="{reverse("escalation:my_cases")}"' in response.text


# --- Query budgets ---------------------------------------------------------------------------


# The lists' budgets (My cases, waiting, the secretariat's list): test_lists.py.


def _grow_events(case, actor):
    """Add events (and field changes) to the case: prepare, schedule, refer back, ..."""
    next_step = {
        Status.OPEN: (services.case_start_preparation, {}),
        Status.REFERRED_BACK: (services.case_start_preparation, {}),
        Status.IN_PREPARATION: (services.case_schedule, {"note": "Nästa möte"}),
        Status.SCHEDULED: (services.case_refer_back, {"reason": "Ingen konsensus"}),
    }

    def grow(count):
        for index in range(count):
            fresh = Case.objects.get(pk=case.pk)
            if index % 4 == 3:
                services.case_attachment_add(actor=actor, case=fresh, upload=pdf_upload())
            else:
                service, arguments = next_step[fresh.status]
                service(actor=actor, case=fresh, **arguments)

    return grow


@pytest.mark.parametrize("page", ["case_detail", "case_history"])
def test_case_pages_query_count_does_not_grow_with_events(client, case, operative_chair, page):
    client.force_login(operative_chair)
    url = reverse(f"escalation:{page}", args=[case.reference])
    # The case page reads its attachments in one prefetch and counts followers in its query.
    queries = {"case_detail": 18, "case_history": 11}[page]
    grow = _grow_events(case, operative_chair)
    assert_same_query_count(
        client, url, grow, queries=queries, marker='id="entry-', small=2, large=15
    )
