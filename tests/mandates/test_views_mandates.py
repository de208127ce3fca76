"""The mandate pages: the broken rule on the field, warnings as messages, the document, lists."""

import datetime

import pytest
from django.urls import reverse

from forums.models import Forum
from mandates.models import Mandate
from tests.clock import FROZEN_DAY
from tests.factories import MandateFactory, SeatFactory, UserFactory
from tests.mandates.factories import pdf_upload
from tests.mandates.view_helpers import records

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


DAY = datetime.timedelta(days=1)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def people_in(response, table="table"):
    return [record.person for record in records(response, table)]


# --- mandates ------------------------------------------------------------------------------


def test_the_nav_leads_to_the_mandates_page(client, outsider_user):
    client.force_login(outsider_user)
    response = client.get(reverse("dashboard"))
    assert f'href="{reverse("mandates:mandate_list")}"' in response.text


def test_propose_a_mandate_through_the_form(client, secretariat_user, operative_forum, region_a):
    person = UserFactory(organisation=region_a)
    client.force_login(secretariat_user)
    url = reverse("mandates:mandate_create", args=[operative_forum.slug])
    assert client.get(url + f"?person={person.pk}").context["form"].initial["person"] == person.pk
    response = client.post(
        url,
        {
            "person": person.pk,
            "role": "member",
            "valid_from": FROZEN_DAY.isoformat(),
            "activate": "on",
            "reason": "beslut i styrgruppen",
            "document": pdf_upload(),
        },
        follow=True,
    )
    mandate = Mandate.objects.get(person=person)
    assert response.redirect_chain[-1][0] == reverse("mandates:mandate_detail", args=[mandate.pk])
    assert mandate.status == Mandate.Status.ACTIVE
    assert mandate.organisation == region_a  # the person's organisation by default
    assert mandate.document
    assert "beslut i styrgruppen" in response.text  # the history shows why


def test_a_broken_rule_is_shown_on_the_field_and_nothing_is_saved(
    client, secretariat_user, operative_forum, region_a, agency_a
):
    SeatFactory(forum=operative_forum, organisation=region_a)
    client.force_login(secretariat_user)
    response = client.post(
        reverse("mandates:mandate_create", args=[operative_forum.slug]),
        {"person": UserFactory().pk, "role": "member", "organisation": agency_a.pk,
         "valid_from": FROZEN_DAY.isoformat()},
    )  # fmt: skip
    assert response.status_code == 200
    errors = response.context["form"].errors["organisation"]
    assert errors == ["Myndighet A har ingen plats i Arbetsgruppen."]
    assert not Mandate.objects.filter(forum=operative_forum, organisation=agency_a).exists()


def test_a_soft_rule_warns_after_saving(client, secretariat_user, strategic_forum, region_a):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    strategic_forum.save()
    client.force_login(secretariat_user)
    response = client.post(
        reverse("mandates:mandate_create", args=[strategic_forum.slug]),
        {"person": UserFactory().pk, "role": "chair", "organisation": region_a.pk,
         "valid_from": FROZEN_DAY.isoformat()},
        follow=True,
    )  # fmt: skip
    assert any("ange ett slutdatum för mandatet" in m for m in messages_of(response))
    assert Mandate.objects.filter(forum=strategic_forum, role="chair").exists()


def test_activate_end_and_revoke_through_the_pages(
    client, secretariat_user, operative_forum, region_a
):
    client.force_login(secretariat_user)
    mandate = MandateFactory(forum=operative_forum, organisation=region_a,
                             status=Mandate.Status.PROPOSED, valid_from=FROZEN_DAY)  # fmt: skip
    client.post(reverse("mandates:mandate_activate", args=[mandate.pk]), {"reason": "klart"})
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.ACTIVE
    response = client.post(reverse("mandates:mandate_revoke", args=[mandate.pk]), {"reason": ""})
    assert response.context["form"].errors["reason"]
    client.post(reverse("mandates:mandate_end", args=[mandate.pk]), {"reason": "avgått"})
    mandate.refresh_from_db()
    assert (mandate.status, mandate.valid_to) == (Mandate.Status.ENDED, FROZEN_DAY)
    response = client.post(reverse("mandates:mandate_end", args=[mandate.pk]), {}, follow=True)
    assert response.context["form"].non_field_errors()  # InvalidTransition shown, not a 500


def test_update_a_mandate_through_the_form(client, secretariat_user, operative_forum, region_a):
    mandate = MandateFactory(forum=operative_forum, organisation=region_a, valid_from=FROZEN_DAY)
    client.force_login(secretariat_user)
    response = client.post(
        reverse("mandates:mandate_update", args=[mandate.pk]),
        {"role": "chair", "organisation": region_a.pk, "valid_from": FROZEN_DAY.isoformat(),
         "valid_to": (FROZEN_DAY + 30 * DAY).isoformat(), "reason": "förlängt"},
    )  # fmt: skip
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.role == Mandate.Role.MEMBER  # the role of an active mandate is locked
    assert mandate.valid_to == FROZEN_DAY + 30 * DAY


def test_the_document_downloads_as_an_attachment_not_from_media(
    client, representative_user, operative_forum
):
    mandate = representative_user.mandates.get()
    mandate.document = pdf_upload()
    mandate.save()
    client.force_login(representative_user)
    response = client.get(reverse("mandates:mandate_document", args=[mandate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    detail = client.get(reverse("mandates:mandate_detail", args=[mandate.pk]))
    assert "/media/" not in detail.text


def test_the_forum_page_shows_seats_and_findings_to_the_secretariat_only(
    client, secretariat_user, representative_user, operative_forum, region_a
):
    SeatFactory(forum=operative_forum, organisation=region_a, count=2)
    client.force_login(secretariat_user)
    page = client.get(reverse("mandates:forum_mandates", args=[operative_forum.slug]))
    assert [f.code for f in page.context["findings"]] == ["seat_not_allowed", "seats_empty"]
    assert 'data-code="seats_empty"' in page.text
    client.force_login(representative_user)
    page = client.get(reverse("mandates:forum_mandates", args=[operative_forum.slug]))
    assert page.context["findings"] == []
    assert "data-code" not in page.text


def test_the_compliance_page_counts(
    client, secretariat_user, representative_user, structure, operative_forum, region_a
):
    SeatFactory(forum=operative_forum, organisation=region_a, count=2)
    client.force_login(secretariat_user)
    page = client.get(reverse("mandates:compliance", args=[structure.slug]))
    assert (page.context["hard_count"], page.context["soft_count"]) == (1, 1)


def test_the_rotation_page(client, secretariat_user, strategic_forum, parties):
    client.force_login(secretariat_user)
    url = reverse("mandates:rotation", args=[strategic_forum.slug])
    assert client.get(url).context["plan"] is None
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.PARTIES
    strategic_forum.save()
    page = client.get(url + "?periods=3")
    assert len(page.context["plan"].periods) == 3
    assert 'id="rotation-plan"' in page.text


def test_the_mandate_list_filters(client, secretariat_user, chair_user, representative_user):
    client.force_login(secretariat_user)
    page = client.get(reverse("mandates:mandate_list") + "?role=chair")
    assert people_in(page) == [chair_user]
    page = client.get(reverse("mandates:mandate_list") + "?q=Ledamot")
    assert people_in(page) == [representative_user]


def test_a_mandate_in_a_forum_one_may_not_see_is_a_404_through_restrict(
    client, outsider_user, representative_user, tactical_forum
):
    hidden = representative_user.mandates.get()  # in the (not public) operative forum
    chair = MandateFactory(forum=tactical_forum)
    assert not Mandate.objects.restrict(outsider_user).filter(pk=hidden.pk).exists()
    client.force_login(outsider_user)
    for name in ("mandate_detail", "mandate_update", "mandate_end", "mandate_document"):
        assert client.get(reverse(f"mandates:{name}", args=[hidden.pk])).status_code == 404
    # Seen (own forum) but not managed: a 403, and the list leaves the hidden one out.
    client.force_login(representative_user)
    assert client.get(reverse("mandates:mandate_update", args=[hidden.pk])).status_code == 403
    assert client.get(reverse("mandates:mandate_detail", args=[chair.pk])).status_code == 404
    assert chair not in records(client.get(reverse("mandates:mandate_list")))


def test_the_mandate_list_sorts_by_its_columns(
    client, secretariat_user, chair_user, representative_user
):
    client.force_login(secretariat_user)
    url = reverse("mandates:mandate_list")
    by_person = people_in(client.get(url + "?sort=person"))
    assert by_person.index(representative_user) < by_person.index(chair_user)  # Le < Or
    by_person_desc = people_in(client.get(url + "?sort=-person"))
    assert by_person_desc.index(chair_user) < by_person_desc.index(representative_user)
    forums = [m.forum.name for m in records(client.get(url + "?sort=forum"))]
    assert forums == sorted(forums)
    page = client.get(url)
    assert 'href="?sort=person"' in page.text  # the column header is a sort link


def test_the_mandate_list_filters_by_status(client, secretariat_user, operative_forum):
    proposed = MandateFactory(forum=operative_forum, status=Mandate.Status.PROPOSED)
    client.force_login(secretariat_user)
    page = client.get(reverse("mandates:mandate_list") + "?status=proposed")
    assert records(page) == [proposed]


def test_ended_mandates_are_paged_not_cut(client, secretariat_user, operative_forum):
    for number in range(53):
        ended = FROZEN_DAY - (number + 1) * DAY
        MandateFactory(forum=operative_forum, status=Mandate.Status.ENDED,
                       valid_from=FROZEN_DAY - 400 * DAY, valid_to=ended)  # fmt: skip
    client.force_login(secretariat_user)
    url = reverse("mandates:forum_mandates", args=[operative_forum.slug])
    first = client.get(url)
    assert len(records(first, "past")) == 50
    assert 'href="?past-page=2"' in first.text
    second = client.get(url + "?past-page=2")
    assert len(records(second, "past")) == 3
    assert not set(records(first, "past")) & set(records(second, "past"))
