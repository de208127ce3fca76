"""The structure map: a picture of a structure's forums drawn server-side by graphviz (SVG).

Strategic forums on top, tactical and operative below; a solid arrow for each escalation
path (pointing at the forum cases are escalated to), a dashed arrow from a forum to the
forums it appointed, a dotted arrow to the forums it steers, and an open-headed arrow from a
forum to the principal body it reports to (a forum, or an oval for a body outside the
portal). Every box links to its forum's page. Every label is escaped before it reaches dot,
so the SVG holds only what dot made of our own text; it is embedded inline. The nested list
in `structure_tree` is the accessible equivalent shown beside it.

Running dot costs tens of milliseconds, so the SVG is cached under a hash of the DOT
source: any change to a forum, an edge or a name gives a new key.
"""

import hashlib
import logging
import shutil
import textwrap
import xml.etree.ElementTree as ET  # noqa: S405 - parses dot's own output only
from dataclasses import dataclass, field

import graphviz
from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import Forum

logger = logging.getLogger(__name__)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
CACHE_SECONDS = 24 * 60 * 60
FONT = "DejaVu Sans"
TIER_FILL = {
    Forum.Tier.STRATEGIC: "#dbe7f6",
    Forum.Tier.TACTICAL: "#e3f1e4",
    Forum.Tier.OPERATIVE: "#fdf0d9",
}

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def node_id(forum):
    return f"map-forum-{forum.pk}"


def body_id(organisation):
    return f"map-body-{organisation.pk}"


def edge_id(kind, tail, head):
    if kind == "reporting_body":
        return f"map-{kind}-{tail.pk}-body{head.pk}"
    return f"map-{kind}-{tail.pk}-{head.pk}"


def _label(text, width=26):
    lines = textwrap.wrap(text, width) or [text]
    # Escape each line (backslashes, a leading "<"), then join with dot's centred line break.
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


@dataclass
class MapEdge:
    kind: str  # escalation, appointing, steering, reporting, reporting_body
    tail: Forum
    head: object  # a Forum; an Organisation for reporting_body
    title: str


@dataclass
class StructureMap:
    source: str
    titles: dict = field(default_factory=dict)  # element id -> accessible title
    edges: list = field(default_factory=list)


def build_map(structure, forums, *, today=None):
    """The DOT source of the map of `forums` (those of `structure` the viewer may see)."""
    today = today or timezone.localdate()
    forums = sorted(forums, key=lambda f: (f.tier, f.name))
    by_pk = {forum.pk: forum for forum in forums}
    graph = graphviz.Digraph(name=f"structure{structure.pk}")
    graph.attr(rankdir="TB", newrank="true", nodesep="0.35", ranksep="0.6", bgcolor="white")
    graph.attr(
        "node",
        shape="box",
        style="rounded,filled",
        fontname=FONT,
        fontsize="11",
        color="#1f2d3d",
        fontcolor="#111111",
        margin="0.15,0.08",
    )
    graph.attr("edge", color="#1f2d3d", arrowsize="0.8")
    titles = {"graph0": structure.name}

    # One row per tier, with the tier's name at the left, in order top to bottom.
    for tier in Forum.Tier:
        anchor = f"tier{tier.value}"
        titles[f"map-tier-{tier.value}"] = str(tier.label)
        with graph.subgraph(name=f"rank{tier.value}") as row:
            row.attr(rank="same")
            row.node(
                anchor,
                label=_label(str(tier.label)),
                shape="plaintext",
                style="",
                fontsize="12",
                id=f"map-tier-{tier.value}",
            )
            for forum in forums:
                if forum.tier != tier:
                    continue
                wound_down = forum.active_to is not None and forum.active_to < today
                text = forum.name + (f" ({_('wound down')})" if wound_down else "")
                row.node(
                    f"f{forum.pk}",
                    label=_label(text),
                    id=node_id(forum),
                    URL=forum.get_absolute_url(),
                    target="_top",
                    tooltip=graphviz.escape(forum.name),
                    fillcolor=TIER_FILL[tier],
                    style="rounded,filled,dashed" if wound_down else "rounded,filled",
                )
                titles[node_id(forum)] = text
    graph.edge("tier1", "tier2", style="invis")
    graph.edge("tier2", "tier3", style="invis")

    edges = []
    for forum in forums:
        target = by_pk.get(forum.escalates_to_id)
        if target is not None:
            edges.append(
                MapEdge(
                    "escalation",
                    forum,
                    target,
                    _("%(a)s escalates to %(b)s") % {"a": forum.name, "b": target.name},
                )
            )
        appointer = by_pk.get(forum.appointed_by_id)
        if appointer is not None:
            edges.append(
                MapEdge(
                    "appointing",
                    appointer,
                    forum,
                    _("%(a)s appointed %(b)s") % {"a": appointer.name, "b": forum.name},
                )
            )
        steerer = by_pk.get(forum.steered_by_id)
        if steerer is not None:
            edges.append(
                MapEdge(
                    "steering",
                    steerer,
                    forum,
                    _("%(a)s steers %(b)s") % {"a": steerer.name, "b": forum.name},
                )
            )
        principal = by_pk.get(forum.reports_to_forum_id)
        if principal is not None:
            edges.append(
                MapEdge(
                    "reporting",
                    forum,
                    principal,
                    _("%(a)s reports to %(b)s") % {"a": forum.name, "b": principal.name},
                )
            )
        elif forum.principal_body_id is not None:
            body = forum.principal_body
            edges.append(
                MapEdge(
                    "reporting_body",
                    forum,
                    body,
                    _("%(a)s reports to %(b)s, outside the portal")
                    % {"a": forum.name, "b": body.name},
                )
            )
    # Bodies outside the portal: an oval each, above the forums that report to them.
    bodies = {edge.head.pk: edge.head for edge in edges if edge.kind == "reporting_body"}
    for body in sorted(bodies.values(), key=lambda b: b.name):
        graph.node(
            f"b{body.pk}",
            label=_label(body.name),
            id=body_id(body),
            shape="ellipse",
            style="dashed",
            tooltip=graphviz.escape(body.name),
        )
        titles[body_id(body)] = _("%(name)s (outside the portal)") % {"name": body.name}
    for edge in edges:
        eid = edge_id(edge.kind, edge.tail, edge.head)
        titles[eid] = edge.title
        if edge.kind == "reporting_body":
            graph.edge(
                f"b{edge.head.pk}", f"f{edge.tail.pk}", id=eid, dir="back", arrowtail="onormal"
            )
        elif edge.kind == "reporting":
            graph.edge(
                f"f{edge.tail.pk}",
                f"f{edge.head.pk}",
                id=eid,
                constraint="false",
                arrowhead="onormal",
                color="#5b3a8c",
            )
        elif edge.kind == "escalation":
            # Drawn from the upper forum down, with the arrowhead at the upper forum, so
            # that the edge keeps the tiers in order.
            graph.edge(f"f{edge.head.pk}", f"f{edge.tail.pk}", id=eid, dir="back", penwidth="1.6")
        else:
            graph.edge(
                f"f{edge.tail.pk}",
                f"f{edge.head.pk}",
                id=eid,
                constraint="false",
                style="dashed" if edge.kind == "appointing" else "dotted",
            )
    return StructureMap(source=graph.source, titles=titles, edges=edges)


def _postprocess(svg_bytes, titles, *, labelledby):
    root = ET.fromstring(svg_bytes)  # noqa: S314 - dot's output from escaped labels
    for element in root.iter():
        element_id = element.get("id")
        if element_id in titles:
            title = element.find(f"{{{SVG_NS}}}title")
            if title is not None:
                title.text = titles[element_id]
    root.set("class", "structure-map-svg")
    root.set("role", "group")
    root.set("aria-labelledby", labelledby)
    # The namespace registry is global and other libraries (WeasyPrint) rewrite it: claim
    # the prefixes again, or the SVG comes out as <ns0:svg>, which browsers do not draw.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def render_svg(structure_map, *, labelledby):
    """The map as inline SVG markup (cached), or None when dot cannot be run."""
    digest = hashlib.sha256(
        (structure_map.source + repr(sorted(structure_map.titles.items())) + labelledby).encode()
    ).hexdigest()
    key = f"forums:map:v2:{digest}"
    svg = cache.get(key)
    if svg is None:
        try:
            raw = graphviz.Source(structure_map.source).pipe(format="svg")
        except graphviz.ExecutableNotFound:
            logger.warning("graphviz's dot is not installed: the structure map is not drawn")
            return None
        except (graphviz.CalledProcessError, OSError):
            # OSError: dot exists but cannot be run (permissions, a broken install).
            logger.exception("graphviz could not draw the structure map")
            return None
        svg = _postprocess(raw, structure_map.titles, labelledby=labelledby)
        cache.set(key, svg, CACHE_SECONDS)
    return mark_safe(svg)  # noqa: S308 - produced by dot from escaped labels, re-serialised


def graphviz_installed():
    """Whether dot is on PATH, where the graphviz library looks for it (the Debian package
    graphviz; `make run` works without it, but draws no map)."""
    return shutil.which(graphviz.DOT_BINARY) is not None


@dataclass
class TreeNode:
    forum: Forum
    children: list = field(default_factory=list)
    appointed_by: Forum | None = None
    steered_by: Forum | None = None
    reports_to: str = ""  # the name of the principal body, a forum or outside the portal


def _principal_name(forum, by_pk):
    """The name of the body the forum reports to, as the viewer may see it."""
    if forum.reports_to_forum_id in by_pk:
        return by_pk[forum.reports_to_forum_id].name
    if forum.principal_body_id is not None:
        return forum.principal_body.name
    return ""


def structure_tree(forums):
    """The same structure as nested nodes: each forum under the forum it escalates to, with
    the forums (among those given) that appointed and steer it. No queries."""
    forums = sorted(forums, key=lambda f: (f.tier, f.name))
    by_pk = {forum.pk: forum for forum in forums}
    nodes = {
        forum.pk: TreeNode(
            forum,
            appointed_by=by_pk.get(forum.appointed_by_id),
            steered_by=by_pk.get(forum.steered_by_id),
            reports_to=_principal_name(forum, by_pk),
        )
        for forum in forums
    }
    roots = []
    for forum in forums:
        parent = nodes.get(forum.escalates_to_id)
        (parent.children if parent else roots).append(nodes[forum.pk])
    return roots
