"""The search page: Swedish full text on PostgreSQL, scoped by what each person may see,
grouped by kind, with escaped snippets; no input gives a 500; pinned query counts."""

import pytest
from django.db import connection
from django.urls import reverse

from mandates.models import Mandate
from samverkan.search import selectors
from samverkan.search.kinds import BY_KEY
from tests.factories import (
    AgendaItemFactory,
    CaseFactory,
    DecisionFactory,
    MandateFactory,
    MeetingFactory,
    MinutesFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.querycount import assert_same_query_count

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def _search(client, user, text, **params):
    client.force_login(user)
    response = client.get(URL, {"q": text, **params})
    assert response.status_code == 200
    return response


def _hit_urls(response):
    if response.context["kind"]:
        groups = [response.context["group"]]
    else:
        groups = response.context.get("groups") or []
    return {group.kind.key: [hit.url for hit in group.hits] for group in groups}


def test_runs_on_postgresql():
    assert connection.vendor == "postgresql"  # the full-text path is what these tests show


def test_a_decision_is_found_by_a_member_and_not_by_an_outsider(
    client, representative_user, outsider_user, operative_forum
):
    meeting = MeetingFactory(forum=operative_forum)
    item = AgendaItemFactory(meeting=meeting, title="Upphandling")
    DecisionFactory(agenda_item=item, text="Forumet beslutade om gemensam upphandling av vaccin.")
    found = _hit_urls(_search(client, representative_user, "vaccin"))
    meeting_url = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert found["decisions"] == [f"{meeting_url}#item-{item.pk}"]
    assert "decisions" not in _hit_urls(_search(client, outsider_user, "vaccin"))


def test_a_case_title_is_found_by_a_member_and_not_by_an_outsider(
    client, representative_user, outsider_user, operative_forum
):
    case = CaseFactory(origin_forum=operative_forum, title="Bristande tillgång till tolkar")
    found = _hit_urls(_search(client, representative_user, "tolkar"))
    assert found["cases"] == [case.get_absolute_url()]
    assert "cases" not in _hit_urls(_search(client, outsider_user, "tolkar"))


def test_a_person_is_found_by_name_where_the_user_may_see_them(
    client, representative_user, outsider_user, operative_forum
):
    person = UserFactory(first_name="Gunnel", last_name="Zetterqvist", title="Enhetschef")
    MandateFactory(person=person, forum=operative_forum, status=Mandate.Status.ACTIVE)
    url = reverse("people:person_detail", kwargs={"pk": person.pk})
    assert _hit_urls(_search(client, representative_user, "Zetterqvist"))["people"] == [url]
    assert _hit_urls(_search(client, representative_user, "enhetschef"))["people"] == [url]
    assert "people" not in _hit_urls(_search(client, outsider_user, "Zetterqvist"))
    # the person page agrees: the outsider may not open it either
    client.force_login(outsider_user)
    assert client.get(url).status_code == 404


def test_minutes_agenda_items_forums_and_organisations_are_found(
    client, secretariat_user, operative_forum
):
    meeting = MeetingFactory(forum=operative_forum)
    item = AgendaItemFactory(meeting=meeting, title="Digital vårdplanering")
    minutes = MinutesFactory(meeting=meeting, body="Protokoll om vårdplaneringen i länet.")
    operative_forum.purpose = "Samordnar vårdplanering mellan huvudmännen."
    operative_forum.save()
    OrganisationFactory(name="Vårdplaneringsförbundet")  # another word: not found by stem
    found = _hit_urls(_search(client, secretariat_user, "vårdplanering"))
    meeting_url = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert found["agenda"] == [f"{meeting_url}#item-{item.pk}"]
    assert found["minutes"] == [minutes.get_absolute_url()]
    assert found["forums"] == [operative_forum.get_absolute_url()]
    organisation = OrganisationFactory(name="Region Exempelstad", short_name="RE")
    assert _hit_urls(_search(client, secretariat_user, "Exempelstad"))["organisations"] == [
        reverse("forums:organisation_list") + "?q=Region+Exempelstad"
    ]
    assert organisation.pk


def test_swedish_stemming(client, secretariat_user, operative_forum):
    """Inflected forms meet at their stem: "läkemedlens" finds "läkemedlen", "regionerna"
    finds "region", "vårdgivarna" finds "vårdgivare"."""
    CaseFactory(
        origin_forum=operative_forum,
        title="Läkemedlen i varje region",
        description="Frågan gäller alla vårdgivare.",
    )
    for word in ("läkemedlens", "regionerna", "vårdgivarna"):
        assert len(_hit_urls(_search(client, secretariat_user, word))["cases"]) == 1, word


@pytest.mark.parametrize(
    ("title", "word"),
    [
        ("Nya läkemedel i regionen", "läkemedlen"),
        ("Läkemedlen i regionen", "läkemedel"),
        ("Regler för remisser", "regel"),
        ("En ny regel", "reglerna"),
        ("Vatten och avlopp", "vattnet"),
    ],
)
def test_the_dropped_e_of_swedish_is_found_both_ways(
    client, secretariat_user, operative_forum, title, word
):
    """The stemmer gives "läkemedel" and "läkemedlen" different stems; the query adds the
    other form, so either finds the other."""
    CaseFactory(origin_forum=operative_forum, title=title, description="")
    CaseFactory(origin_forum=operative_forum, title="Något helt annat", description="")
    assert len(_hit_urls(_search(client, secretariat_user, word))["cases"]) == 1, word


def test_several_words_must_all_match_in_one_of_their_forms(
    client, secretariat_user, operative_forum
):
    CaseFactory(origin_forum=operative_forum, title="Nya läkemedel i regionen", description="")
    CaseFactory(origin_forum=operative_forum, title="Nya regler i regionen", description="")
    found = _hit_urls(_search(client, secretariat_user, "läkemedlen regionen"))["cases"]
    assert len(found) == 1
    quoted = _hit_urls(_search(client, secretariat_user, '"nya läkemedel"'))["cases"]
    assert len(quoted) == 1


def test_the_snippet_is_escaped_and_only_the_match_is_marked(
    client, secretariat_user, operative_forum
):
    CaseFactory(
        origin_forum=operative_forum,
        title="Skript",
        description='a<b & "c" <img src=x onerror=alert(1)> \ue000falsk\ue001 tolkförmedling',
    )
    response = _search(client, secretariat_user, "tolkförmedling")
    (hit,) = [group for group in response.context["groups"] if group.kind.key == "cases"][0].hits
    snippet = str(hit.snippet)
    assert "<mark>tolkförmedling</mark>" in snippet
    without_marks = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks and ">" not in without_marks, snippet
    assert "&amp;" in snippet and "&quot;c&quot;" in snippet
    assert "<img" not in response.text


def test_groups_are_capped_and_a_kind_pages_through(client, secretariat_user, operative_forum):
    CaseFactory.create_batch(7, origin_forum=operative_forum, title="Tolkfrågan")
    response = _search(client, secretariat_user, "tolkfrågan")
    assert len(_hit_urls(response)["cases"]) == 5
    assert "kind=cases" in response.text
    response = _search(client, secretariat_user, "tolkfrågan", kind="cases")
    assert len(_hit_urls(response)["cases"]) == 7
    assert response.context["next_page"] is None
    response = _search(client, secretariat_user, "tolkfrågan", kind="cases", page=2)
    assert _hit_urls(response)["cases"] == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        '"',
        '"""',
        "'",
        "&|!",
        "!!! & | ( ) : * <->",
        "-",
        "or",
        "a" * 5000,
        "läkemedel\x00",
        "\x00",
        "och att",  # only stop words
        "%_\\",
        "<script>",
    ],
)
def test_odd_input_gives_no_500(client, secretariat_user, text):
    client.force_login(secretariat_user)
    for params in ({"q": text}, {"q": text, "kind": "cases"}, {"q": text, "kind": "nope"}):
        assert client.get(URL, params).status_code == 200, params
    assert client.get(URL, {"q": "x", "page": "-1"}).status_code == 200
    assert client.get(URL, {"q": "x", "page": "99999999999999999999"}).status_code == 200


def test_the_header_box_is_on_every_page_for_signed_in_people(client, secretariat_user):
    client.force_login(secretariat_user)
    html = client.get(reverse("dashboard")).text
    assert 'role="search"' in html
    assert f'action="{URL}"' in html
    assert 'for="header-search-q"' in html


def test_the_plain_fallback_finds_by_substring(secretariat_user, operative_forum):
    """The SQLite path (`make run`), run here on PostgreSQL with full text off."""
    CaseFactory(origin_forum=operative_forum, title="Tolkar <b>saknas</b>")
    group = selectors.search_group(
        user=secretariat_user, kind=BY_KEY["cases"], text="saknas", full_text=False
    )
    (hit,) = group.hits
    assert hit.title.endswith(" Tolkar <b>saknas</b>")  # text; the template escapes it
    assert "<mark>saknas</mark>" in group.hits[0].snippet
    assert "&lt;b&gt;" in group.hits[0].snippet
    outsider = UserFactory()
    assert (
        selectors.search_group(
            user=outsider, kind=BY_KEY["cases"], text="saknas", full_text=False
        ).hits
        == []
    )


def test_query_count_of_a_kind_page(client, secretariat_user, operative_forum):
    def grow(n):
        CaseFactory.create_batch(n, origin_forum=operative_forum, title="Tolkfrågan")

    client.force_login(secretariat_user)
    assert_same_query_count(
        client,
        URL + "?q=tolkfr%C3%A5gan&kind=cases",
        grow,
        queries=QUERIES_KIND_PAGE,
        marker='class="search-hit"',
    )


def test_query_count_of_the_grouped_page(client, secretariat_user, operative_forum):
    def grow(n):
        CaseFactory.create_batch(n, origin_forum=operative_forum, title="Tolkfrågan")
        meeting = MeetingFactory(forum=operative_forum)
        for _ in range(n):
            DecisionFactory(
                agenda_item=AgendaItemFactory(meeting=meeting, title="Tolkfrågan"),
                text="Tolkfrågan",
            )

    client.force_login(secretariat_user)
    assert_same_query_count(
        client,
        URL + "?q=tolkfr%C3%A5gan",
        grow,
        queries=QUERIES_GROUPED_PAGE,
        marker='class="search-hit"',
        per_row=0,  # each group shows at most five, at 5 rows as at 50
    )


QUERIES_KIND_PAGE = 3
QUERIES_GROUPED_PAGE = 10


def test_an_overlong_text_is_refused_with_a_message_and_a_bad_kind_is_ignored(
    client, secretariat_user, operative_forum
):
    CaseFactory(origin_forum=operative_forum, title="Tolkfrågan")
    response = _search(client, secretariat_user, "tolkfrågan " * 30)
    assert response.context["searched"] is False
    assert 'aria-invalid="true"' in response.text
    response = _search(client, secretariat_user, "tolkfrågan", kind="nope", page="x")
    assert len(_hit_urls(response)["cases"]) == 1
