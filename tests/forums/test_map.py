"""The structure map: graphviz SVG with a link per forum and an edge per escalation path."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse

from forums import map as structure_map
from forums.models import Forum
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def big_structure(structure, strategic_forum, tactical_forum, operative_forum):
    second_tactical = ForumFactory(
        structure=structure,
        name="Referensgruppen",
        tier=Forum.Tier.TACTICAL,
        escalates_to=strategic_forum,
    )
    ForumFactory(
        structure=structure,
        name="Upphandlingsgruppen",
        tier=Forum.Tier.OPERATIVE,
        escalates_to=second_tactical,
        appointed_by=strategic_forum,
        steered_by=second_tactical,
    )
    ForumFactory(structure=structure, name="Fristående", tier=Forum.Tier.OPERATIVE)
    return structure


def render(structure):
    forums = list(Forum.objects.filter(structure=structure))
    built = structure_map.build_map(structure, forums)
    svg = structure_map.render_svg(built, labelledby="map-heading")
    return forums, built, ET.fromstring(str(svg))  # noqa: S314 - our own SVG


def test_every_forum_is_a_link_and_every_escalation_an_edge(big_structure):
    forums, _built, root = render(big_structure)
    links = {a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")}
    assert links == {forum.get_absolute_url() for forum in forums}
    edges = {g.get("id") for g in root.iter(f"{SVG}g") if g.get("class") == "edge"}
    for forum in forums:
        if forum.escalates_to_id:
            assert f"map-escalation-{forum.pk}-{forum.escalates_to_id}" in edges
        if forum.appointed_by_id:
            assert f"map-appointing-{forum.appointed_by_id}-{forum.pk}" in edges
        if forum.steered_by_id:
            assert f"map-steering-{forum.steered_by_id}-{forum.pk}" in edges
    escalations = sum(1 for forum in forums if forum.escalates_to_id)
    assert sum(1 for edge in edges if edge.startswith("map-escalation-")) == escalations


def test_nodes_and_edges_have_readable_titles(big_structure, operative_forum, tactical_forum):
    _forums, _built, root = render(big_structure)
    titles = {
        g.get("id"): g.find(f"{SVG}title").text
        for g in root.iter(f"{SVG}g")
        if g.find(f"{SVG}title") is not None
    }
    assert titles[f"map-forum-{operative_forum.pk}"] == "Arbetsgruppen"
    assert titles[f"map-escalation-{operative_forum.pk}-{tactical_forum.pk}"] == (
        "Arbetsgruppen eskalerar till Samordningsgruppen"
    )
    assert root.get("aria-labelledby") == "map-heading"


def test_appointing_is_dashed_and_escalation_solid(big_structure, operative_forum, tactical_forum):
    _forums, _built, root = render(big_structure)
    edges = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"}
    escalation = edges[f"map-escalation-{operative_forum.pk}-{tactical_forum.pk}"]
    appointing = edges[f"map-appointing-{tactical_forum.pk}-{operative_forum.pk}"]
    assert escalation.find(f"{SVG}path").get("stroke-dasharray") is None
    assert appointing.find(f"{SVG}path").get("stroke-dasharray") is not None


def test_tiers_are_drawn_top_down(big_structure, strategic_forum, tactical_forum, operative_forum):
    _forums, _built, root = render(big_structure)

    def y(forum):
        node = root.find(f".//{SVG}g[@id='map-forum-{forum.pk}']")
        return float(node.find(f".//{SVG}text").get("y"))

    # SVG y grows downwards (dot's coordinates are negative upwards).
    assert y(strategic_forum) < y(tactical_forum) < y(operative_forum)


def test_names_are_escaped(structure):
    ForumFactory(structure=structure, name='<script>alert("x")</script> \\N & "quotes"')
    svg = str(
        structure_map.render_svg(
            structure_map.build_map(structure, list(Forum.objects.filter(structure=structure))),
            labelledby="map-heading",
        )
    )
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = ET.fromstring(svg)  # noqa: S314 - our own SVG
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any("\\N" in (text or "") for text in texts)


def test_the_svg_is_cached_by_content(structure, strategic_forum, monkeypatch):
    calls = []
    original = structure_map.graphviz.Source.pipe

    def counting_pipe(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(structure_map.graphviz.Source, "pipe", counting_pipe)
    render(structure)
    render(structure)
    assert len(calls) == 1
    strategic_forum.name = "Nytt namn"
    strategic_forum.save()
    render(structure)
    assert len(calls) == 2


def test_without_dot_the_page_still_has_the_list(
    secretariat_client, structure, operative_forum, monkeypatch
):
    def broken(self, *args, **kwargs):
        raise structure_map.graphviz.ExecutableNotFound(("dot",))

    monkeypatch.setattr(structure_map.graphviz.Source, "pipe", broken)
    html = secretariat_client.get(
        reverse("forums:structure_detail", kwargs={"slug": structure.slug})
    ).content.decode()
    assert "<svg" not in html
    assert operative_forum.get_absolute_url() in html
    assert "Kartan kan inte ritas just nu" in html  # dot is installed, so not "needs Graphviz"
    assert "Graphviz" not in html


def test_without_graphviz_installed_the_page_says_so_and_keeps_the_list(
    secretariat_client, structure, strategic_forum, operative_forum, monkeypatch, tmp_path
):
    # The graphviz library runs `dot` from PATH and raises ExecutableNotFound when it is not
    # there: a PATH of an empty directory is a machine without the Debian package graphviz.
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(structure_map.graphviz.ExecutableNotFound):
        structure_map.graphviz.Source("digraph {}").pipe(format="svg")

    response = secretariat_client.get(
        reverse("forums:structure_detail", kwargs={"slug": structure.slug})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" not in html
    assert "Kartan kräver programmet Graphviz" in html
    tree = html.split('<ul class="structure-tree">', 1)[1]
    for forum in (strategic_forum, operative_forum):
        assert f'<a href="{forum.get_absolute_url()}">{forum.name}</a>' in tree


def test_tree_nests_forums_under_their_escalation_target(big_structure, strategic_forum):
    forums = list(Forum.objects.filter(structure=big_structure))
    roots = structure_map.structure_tree(forums)
    assert [node.forum.name for node in roots] == ["Styrgruppen", "Fristående"]
    tactical = {node.forum.name: node for node in roots[0].children}
    assert set(tactical) == {"Samordningsgruppen", "Referensgruppen"}
    assert [n.forum.name for n in tactical["Referensgruppen"].children] == ["Upphandlingsgruppen"]


def test_the_svg_keeps_its_namespace_after_weasyprint_is_imported(big_structure):
    import weasyprint.pdf.metadata  # noqa: F401 - it re-registers XML namespaces globally

    forums = list(big_structure.forums.all())
    built = structure_map.build_map(big_structure, forums)
    svg = str(structure_map.render_svg(built, labelledby="map-heading"))
    assert svg.startswith("<svg")
    assert "ns0:" not in svg
    assert "<a xlink:href=" in svg
