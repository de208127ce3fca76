"""The follow-up page of a structure's year: who sees it, its charts (SVG images with a
meaningful alt text, no script), the year picker, bad input, and a pinned query count."""

import pytest
from django.urls import reverse

from tests.cycle.figures_data import YEAR, add_meetings
from tests.factories import OrganisationFactory, StructureFactory
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

PAGE_QUERIES = 9


def page(structure, year=YEAR):
    return reverse("cycle:follow_up", kwargs={"slug": structure.slug, "year": year})


def chart(structure, key, year=YEAR):
    return reverse(
        "cycle:follow_up_chart", kwargs={"slug": structure.slug, "year": year, "key": key}
    )


def test_outsiders_and_other_structures_find_nothing(
    client, outsider_user, structure, secretariat_user
):
    client.force_login(outsider_user)
    assert client.get(page(structure)).status_code == 404
    assert client.get(chart(structure, "meetings")).status_code == 404
    client.force_login(secretariat_user)
    other = StructureFactory()
    assert client.get(page(other)).status_code == 404


@pytest.mark.parametrize("year", [1999, 3000, 9999])
def test_years_out_of_range_are_not_found(
    client, secretariat_user, tactical_forum, structure, year
):
    client.force_login(secretariat_user)
    assert client.get(page(structure, year)).status_code == 404
    assert client.get(chart(structure, "meetings", year)).status_code == 404


@pytest.mark.parametrize("query", ["?year=abc", "?year=", "?year=1500", "?year=" + "9" * 40])
def test_bad_year_picks_show_the_page(client, secretariat_user, tactical_forum, structure, query):
    client.force_login(secretariat_user)
    assert client.get(page(structure) + query).status_code == 200


def test_the_year_picker_goes_to_the_year(client, secretariat_user, tactical_forum, structure):
    client.force_login(secretariat_user)
    response = client.get(page(structure) + f"?year={YEAR - 1}")
    assert response.status_code == 302
    assert response["Location"] == page(structure, YEAR - 1)


def test_an_unknown_chart_is_not_found(client, secretariat_user, tactical_forum, structure):
    client.force_login(secretariat_user)
    assert client.get(chart(structure, "nothing")).status_code == 404


def test_the_charts_are_images_with_their_tables(
    client, secretariat_user, structure, tactical_forum, operative_forum
):
    add_meetings(tactical_forum, operative_forum, 3)
    client.force_login(secretariat_user)
    html = client.get(page(structure)).content.decode()
    for key in ("meetings", "case_flow", "escalations", "lead_times", "attendance"):
        assert f'src="{chart(structure, key)}"' in html
    assert 'alt="Stapeldiagram: hållna sammanträden per forum' in html
    assert "<caption>Hållna sammanträden per forum</caption>" in html
    response = client.get(chart(structure, "case_flow"))
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert "<svg" in svg and "Ärenden per nivå" in svg
    assert "script-src 'none'" in response["Content-Security-Policy"]


def test_the_page_makes_a_pinned_number_of_queries(
    client, secretariat_user, structure, tactical_forum, operative_forum
):
    hosts = [OrganisationFactory(), OrganisationFactory()]
    client.force_login(secretariat_user)
    client.get(page(structure))
    add_meetings(tactical_forum, operative_forum, 3, hosts=hosts)
    few, response = count_queries(client.get, page(structure))
    assert response.status_code == 200
    add_meetings(tactical_forum, operative_forum, 27, hosts=hosts)
    many, response = count_queries(client.get, page(structure))
    assert (few, many) == (PAGE_QUERIES, PAGE_QUERIES)
    chart_few, _response = count_queries(client.get, chart(structure, "attendance"))
    assert chart_few <= PAGE_QUERIES


def test_the_structure_page_links_to_the_follow_up(client, frozen_day, secretariat_user, structure):
    client.force_login(secretariat_user)
    html = client.get(structure.get_absolute_url()).content.decode()
    assert f'href="{page(structure, frozen_day.year)}"' in html
