"""The pages: forms that show the broken rule on the field, warnings as messages, the signed
document, people, the dashboard's "Your mandates", and no N+1 on any list."""

import datetime

import pytest
from django.urls import reverse

from forums.models import Forum
from kernel.models import User
from mandates.models import Mandate, MandateImportRow
from mandates.permissions import PERMISSION_TEXT, ROLE_DUTIES
from tests.clock import FROZEN_DAY
from tests.factories import (
    ForumFactory,
    MandateFactory,
    OrganisationFactory,
    SeatFactory,
    UserFactory,
)
from tests.mandates.factories import MandateImportFactory, pdf_upload
from tests.querycount import assert_same_query_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

# Pinned query counts of the pages (the same at 5 rows as at 50).
QUERIES = {
    "mandate_list": 6,
    "forum_mandates": 16,
    "person_list": 5,
    "person_detail": 11,
    "compliance": 13,
    "import_detail": 4,
    "rotation": 10,
}

DAY = datetime.timedelta(days=1)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def records(response, table="table"):
    return [row.record for row in response.context[table].paginated_rows]


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


# --- people --------------------------------------------------------------------------------


def test_register_and_invite_a_person(
    client, secretariat_user, operative_forum, region_a, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    client.force_login(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("people:person_create"),
            {"first_name": "Nina", "last_name": "Ny", "email": "nina@example.se",
             "organisation": region_a.pk, "invite": "on"},
        )  # fmt: skip
    person = User.objects.get(email="nina@example.se")
    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert len(mailoutbox) == 1
    assert "http://testserver/personer/inbjudan/" in mailoutbox[0].body
    page = client.get(response["Location"])
    assert page.context["can_invite"]
    assert page.context["choose_forum"] is not None


def test_a_duplicate_person_is_shown_on_the_field(client, secretariat_user):
    UserFactory(email="dubbel@example.se")
    client.force_login(secretariat_user)
    response = client.post(
        reverse("people:person_create"),
        {"first_name": "A", "last_name": "B", "email": "dubbel@example.se"},
    )
    assert "redan en registrerad person" in response.context["form"].errors["email"][0]


def test_giving_a_mandate_from_the_person_page(client, secretariat_user, operative_forum):
    person = UserFactory()
    client.force_login(secretariat_user)
    response = client.get(
        reverse("mandates:mandate_create_choose")
        + f"?forum={operative_forum.slug}&person={person.pk}"
    )
    assert response["Location"] == (
        reverse("mandates:mandate_create", args=[operative_forum.slug]) + f"?person={person.pk}"
    )


def test_contact_details_follow_the_publish_flags(
    client, representative_user, operative_forum, give_mandate
):
    published = UserFactory(phone="070-1", publish_email=True, publish_phone=False)
    give_mandate(published, operative_forum, Mandate.Role.MEMBER)
    client.force_login(representative_user)
    page = client.get(reverse("people:person_detail", args=[published.pk]))
    assert published.email in page.text
    assert "070-1" not in page.text
    listing = client.get(reverse("people:person_list"))
    assert published.email in listing.text and "070-1" not in listing.text


def test_a_search_too_long_is_refused_on_the_form_not_cut(client, secretariat_user):
    UserFactory(last_name="Långnamn")
    client.force_login(secretariat_user)
    page = client.get(reverse("people:person_list") + "?q=" + "Långnamn" + "x" * 100)
    assert page.context["filterset"].form.errors["q"]
    assert records(page) == []
    page = client.get(reverse("people:person_list") + "?q=Långnamn")
    assert [person.last_name for person in records(page)] == ["Långnamn"]


def test_the_person_list_sorts_by_organisation(client, secretariat_user):
    for name in ("Örebro", "Alingsås", "Malmö"):
        UserFactory(title="Sorterad", organisation=OrganisationFactory(name=name))
    client.force_login(secretariat_user)
    page = client.get(reverse("people:person_list") + "?q=Sorterad&sort=-organisation")
    assert [p.organisation.name for p in records(page)] == ["Örebro", "Malmö", "Alingsås"]


# --- the dashboard -------------------------------------------------------------------------


def test_the_dashboard_says_what_each_role_lets_you_do(client, chair_user, tactical_forum):
    client.force_login(chair_user)
    page = client.get(reverse("dashboard"))
    section = page.text[page.text.index('id="mandates"') :]
    assert str(ROLE_DUTIES["chair"]) in section
    for text in PERMISSION_TEXT.values():
        assert str(text) in section
    assert reverse("mandates:forum_mandates", args=[tactical_forum.slug]) in section


# --- no N+1 --------------------------------------------------------------------------------


@pytest.fixture
def grow_mandates(structure, region_a):
    """A forum whose deputies grow, each for a member and of an organisation of their own:
    the person, the forum, the organisation and the member stood in for are on every row."""
    forum = ForumFactory(structure=structure, name="Stor grupp")
    member = MandateFactory(forum=forum, organisation=region_a)

    def grow(count):
        for _ in range(count):
            MandateFactory(forum=forum, role=Mandate.Role.DEPUTY,
                           organisation=OrganisationFactory(), deputy_for=member)  # fmt: skip

    return forum, grow


MANDATE_ROW = 'data-mandate="'  # once on each row of a mandate table


def warmed(client, url):
    """Fetch once first: caches filled on a process's first request (content types) are not
    the page's queries."""
    assert client.get(url).status_code == 200
    return url


def test_the_mandate_list_does_not_grow_in_queries(client, secretariat_user, grow_mandates):
    client.force_login(secretariat_user)
    _forum, grow = grow_mandates
    url = warmed(client, reverse("mandates:mandate_list") + "?role=deputy&q=Stor+grupp")
    assert_same_query_count(client, url, grow, queries=QUERIES["mandate_list"], marker=MANDATE_ROW)


def test_the_forum_page_does_not_grow_in_queries(client, secretariat_user, grow_mandates):
    forum, grow = grow_mandates

    def grow_with_seats(count):
        grow(count)
        for _ in range(count):
            SeatFactory(forum=forum)

    client.force_login(secretariat_user)
    assert_same_query_count(
        client,
        warmed(client, reverse("mandates:forum_mandates", args=[forum.slug]) + "?role=deputy"),
        grow_with_seats,
        queries=QUERIES["forum_mandates"],
        marker=MANDATE_ROW,
    )


def test_the_person_list_does_not_grow_in_queries(client, secretariat_user):
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            UserFactory(title="Utvecklare", organisation=OrganisationFactory())

    assert_same_query_count(
        client,
        warmed(client, reverse("people:person_list") + "?q=Utvecklare"),
        grow,
        queries=QUERIES["person_list"],
        marker='data-person="',
    )


def test_the_person_page_does_not_grow_in_queries(client, secretariat_user, structure):
    person = UserFactory()
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            MandateFactory(person=person, forum=ForumFactory(structure=structure))

    assert_same_query_count(
        client,
        warmed(client, reverse("people:person_detail", args=[person.pk])),
        grow,
        queries=QUERIES["person_detail"],
        marker=MANDATE_ROW,
    )


def test_the_compliance_page_does_not_grow_in_queries(
    client, secretariat_user, structure, region_a
):
    client.force_login(secretariat_user)

    def grow(count):
        for _ in range(count):
            forum = ForumFactory(structure=structure, chair_rotation_months=12,
                                 chair_rotation_among="organisations")  # fmt: skip
            SeatFactory(forum=forum, organisation=region_a, count=3)
            MandateFactory(forum=forum, role=Mandate.Role.CHAIR, organisation=region_a,
                           valid_from=FROZEN_DAY - 500 * DAY)  # fmt: skip

    assert_same_query_count(
        client,
        reverse("mandates:compliance", args=[structure.slug]),
        grow,
        queries=QUERIES["compliance"],
        marker="Forum ",
        per_row=5,
    )


def test_the_import_preview_does_not_grow_in_queries(client, secretariat_user, structure):
    mandate_import = MandateImportFactory(structure=structure, uploaded_by=secretariat_user,
                                          status="previewed")  # fmt: skip
    client.force_login(secretariat_user)
    numbers = iter(range(1, 1000))

    def grow(count):
        rows = [
            MandateImportRow(mandate_import=mandate_import, number=next(numbers),
                             data={"email": "x@example.se"}, errors=["Unknown forum “x”."])
            for _ in range(count)
        ]  # fmt: skip
        MandateImportRow.objects.bulk_create(rows)
        mandate_import.row_count += count
        mandate_import.save()

    assert_same_query_count(
        client,
        reverse("mandates:import_detail", args=[mandate_import.pk]),
        grow,
        queries=QUERIES["import_detail"],
        marker="x@example.se",
    )


def test_the_rotation_page_does_not_grow_in_queries(client, secretariat_user, strategic_forum):
    strategic_forum.chair_rotation_months = 12
    strategic_forum.chair_rotation_among = Forum.RotationAmong.ORGANISATIONS
    strategic_forum.save()
    client.force_login(secretariat_user)
    start = [FROZEN_DAY - 20000 * DAY]

    def grow(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            SeatFactory(forum=strategic_forum, organisation=organisation)
            MandateFactory(forum=strategic_forum, role=Mandate.Role.CHAIR,
                           organisation=organisation, status=Mandate.Status.ENDED,
                           valid_from=start[0], valid_to=start[0] + 300 * DAY)  # fmt: skip
            start[0] += 365 * DAY

    assert_same_query_count(
        client,
        reverse("mandates:rotation", args=[strategic_forum.slug]),
        grow,
        queries=QUERIES["rotation"],
        marker="Organisation ",
    )
