"""An alliance's structure as inline SVG: the nodes and edges of :func:`dangjian_model.diagram.picture`.

The layout is layered: a node is drawn above the nodes that point to it (a village above its branch,
the township above the village, the alliance just above its members). A layer with more nodes than fit
the page width is wrapped into several rows, so that 20–60 members keep a legible size instead of
shrinking into a long strip. Lines run behind the boxes; affiliation is solid, coordination dashed, and
each relation has its colour, explained in a legend drawn under the picture.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from html import escape

import attrs

from dangjian_model._repr import FieldsRepr
from dangjian_model.diagram import DASHED, Edge, Picture

__all__ = ["text_width", "to_svg"]

#: The widest drawing, in CSS pixels: it fits a laptop screen and, scaled, an A4 page.
MAX_WIDTH = 880
_FONT = 13  # name size, px
_SMALL = 11  # kind size, px
_LINE = 16  # line height of the name, px
_PAD_X = 10
_PAD_Y = 8
_GAP_X = 18
_GAP_Y = 46
_ROW_GAP = 30  # between the wrapped rows of one rank: room for three bundle lines
_BUNDLE = 5  # this many edges of one kind to one node from one rank run as a bundle
_TRACK = 7  # distance between bundle lines in a gap
_MIN_BOX = 96
_MAX_BOX = 200
_MARGIN = 12

#: Relation → (colour, width); anything else is drawn like a membership.
_STYLES = {
    "行政隶属": ("#5d6d7e", 1.4),
    "党组织隶属": ("#b03a2e", 1.4),
    "设在": ("#a6acaf", 1.0),
    "协调": ("#ca6f1e", 1.3),
    "牵头": ("#1f618d", 2.2),
}
_MEMBERSHIP = ("#2e86c1", 1.2)


def text_width(text: str, size: float) -> float:
    """The width ``text`` takes at ``size`` px, erring wide: a CJK (or ambiguous: “”) character is 1 em, others 0.62 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WFA" else size * 0.62 for c in text)


_CLOSING = set("）)」』》〉】〕、，。；：！？…·”’")


def _wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (by character: Chinese has no spaces to break at).

    A closing bracket or punctuation mark never starts a line (the character before it moves down
    too), unless the line before holds nothing else.
    """
    lines: list[str] = []
    line = ""
    for char in text:
        if line and text_width(line + char, size) > width:
            carry = ""
            if char in _CLOSING:
                cut = len(line) - 1
                while cut > 0 and line[cut] in _CLOSING:
                    cut -= 1
                if cut > 0:
                    line, carry = line[:cut], line[cut:]
            lines.append(line)
            line = carry
        line += char
    return [*lines, line] if line or not lines else lines


@attrs.frozen(repr=False)
class _Box(FieldsRepr):
    id: str
    lines: tuple[str, ...]
    kind: str
    width: float
    height: float
    alliance: bool


@attrs.frozen(repr=False)
class _Placed(FieldsRepr):
    box: _Box
    x: float  # centre
    y: float  # top
    rank: int
    row: int  # the row drawn, counting wrapped rows


@attrs.frozen(repr=False)
class _Layout(FieldsRepr):
    placed: dict[str, _Placed]
    tops: tuple[float, ...]  # top of every drawn row
    width: float
    height: float


def _ranks(ids: Sequence[str], edges: Sequence[Edge]) -> dict[str, int]:
    """Row of every node, 0 at the top: a node sits above every node that points to it.

    Solid edges are laid first; an edge that would close a cycle (bad data, or a committee that both
    coordinates and commands) is left out of the layering but still drawn.
    """
    up: dict[str, list[str]] = {id: [] for id in ids}
    down: dict[str, list[str]] = {id: [] for id in ids}

    def reaches(start: str, goal: str) -> bool:
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            for after in up[node]:
                if after not in seen:
                    seen.add(after)
                    stack.append(after)
        return False

    for edge in sorted(edges, key=lambda e: e.style == DASHED):
        if edge.source == edge.target or edge.target in up[edge.source] or reaches(edge.target, edge.source):
            continue
        up[edge.source].append(edge.target)
        down[edge.target].append(edge.source)
    rank: dict[str, int] = {}

    def depth(node: str) -> int:  # longest path up to a root; the graph is acyclic by construction
        if node not in rank:
            rank[node] = 1 + max((depth(above) for above in up[node]), default=-1)
        return rank[node]

    for id in ids:
        depth(id)
    # A root (the alliance, a township) moves down to just above the highest node that points to it.
    for id in ids:
        if not up[id] and down[id]:
            rank[id] = max(0, min(rank[below] for below in down[id]) - 1)
    return rank


def _order(rows: dict[int, list[str]], edges: Sequence[Edge]) -> None:
    """Sort each row by the mean place of its neighbours (two sweeps down and up), in place."""
    neighbours: dict[str, list[str]] = {}
    for edge in edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)
    for _ in range(2):
        for keys in (sorted(rows), sorted(rows, reverse=True)):
            place = {id: (n + 0.5) / len(row) for row in rows.values() for n, id in enumerate(row)}
            for key in keys:
                row = rows[key]
                here = {id: place[id] for id in row}

                def centre(id: str, here: dict[str, float] = here, place: dict[str, float] = place) -> float:
                    around = [place[other] for other in neighbours.get(id, ()) if other not in here]
                    return sum(around) / len(around) if around else here[id]

                row.sort(key=centre)


def _boxes(drawing: Picture, roles: dict[str, str]) -> dict[str, _Box]:
    widest = max((text_width(name, _FONT) for _, name, _ in drawing.nodes), default=0.0)
    width = min(max(widest + 2 * _PAD_X, _MIN_BOX), _MAX_BOX)
    boxes = {}
    for n, (id, name, kind) in enumerate(drawing.nodes):
        alliance = n == 0
        own = width
        if alliance:  # its own width, and room for the hexagon's points
            own = min(max(width, text_width(name, _FONT) + 2 * _PAD_X), _MAX_BOX * 1.6) + 36
        text_room = own - 2 * _PAD_X - (36 if alliance else 0)
        kind_text = f"{kind} · {roles[id]}" if id in roles else kind
        lines = tuple(_wrap(name, _FONT, text_room))
        kind_lines = _wrap(kind_text, _SMALL, text_room)
        kind_text = kind_lines[0] if len(kind_lines) == 1 else kind
        height = len(lines) * _LINE + _SMALL + 6 + 2 * _PAD_Y
        boxes[id] = _Box(id, lines, kind_text, own, height, alliance)
    return boxes


def _place(boxes: dict[str, _Box], rows: dict[int, list[str]]) -> _Layout:
    """Rows top to bottom; a rank too wide for the page wraps into rows that share one grid of columns."""
    chunks: list[tuple[int, list[_Box]]] = []
    for key in sorted(rows):
        chunk: list[_Box] = []
        for id in rows[key]:
            box = boxes[id]
            used = sum(b.width + _GAP_X for b in chunk) + box.width
            if chunk and used > MAX_WIDTH - 2 * _MARGIN:
                chunks.append((key, chunk))
                chunk = []
            chunk.append(box)
        chunks.append((key, chunk))

    def span(chunk: list[_Box]) -> float:
        return sum(b.width for b in chunk) + _GAP_X * (len(chunk) - 1)

    width = max(span(chunk) for _, chunk in chunks) + 2 * _MARGIN
    placed: dict[str, _Placed] = {}
    tops: list[float] = []
    y = float(_MARGIN)
    for n, (key, chunk) in enumerate(chunks):
        wrapped = sum(1 for k, _ in chunks if k == key) > 1
        first = next(c for k, c in chunks if k == key)
        x = (width - span(first if wrapped else chunk)) / 2  # wrapped rows keep the first row's columns
        for box in chunk:
            placed[box.id] = _Placed(box, x + box.width / 2, y, key, n)
            x += box.width + _GAP_X
        tops.append(y)
        last_of_rank = n + 1 == len(chunks) or chunks[n + 1][0] != key
        y += max(b.height for b in chunk) + (_GAP_Y if last_of_rank else _ROW_GAP)
    return _Layout(placed, tuple(tops), width, y - _GAP_Y + _MARGIN)


def _border(place: _Placed, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre towards a point leaves the box."""
    cx, cy = place.x, place.y + place.box.height / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    half_w, half_h = place.box.width / 2, place.box.height / 2
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _stroke(edge: Edge) -> str:
    colour, stroke = _STYLES.get(edge.label, _MEMBERSHIP)
    dash = ' stroke-dasharray="6 4"' if edge.style == DASHED else ""
    return f'stroke="{colour}" stroke-width="{stroke}"{dash} fill="none"'


def _arrow(edge: Edge, uid: str) -> str:
    return f'marker-end="url(#{uid}-{"dash" if edge.style == DASHED else "solid"})"'


def _edge_svg(edge: Edge, source: _Placed, target: _Placed, names: dict[str, str], uid: str) -> str:
    x1, y1 = _border(source, (target.x, target.y + target.box.height / 2))
    x2, y2 = _border(target, (source.x, source.y + source.box.height / 2))
    title = escape(f"{names[edge.source]} → {names[edge.target]}: {edge.label}")
    return (
        f'<line class="edge {edge.style}" x1="{_number(x1)}" y1="{_number(y1)}" x2="{_number(x2)}" '
        f'y2="{_number(y2)}" {_stroke(edge)} {_arrow(edge, uid)}><title>{title}</title></line>'
    )


def _bundles(edges: Sequence[Edge], layout: _Layout) -> dict[tuple[str, str, str, int], list[Edge]]:
    """Edges of one kind to one node from many nodes of one rank below it: drawn as one bundle."""
    groups: dict[tuple[str, str, str, int], list[Edge]] = {}
    for edge in edges:
        source, target = layout.placed[edge.source], layout.placed[edge.target]
        if source.rank > target.rank:
            groups.setdefault((edge.target, edge.label, edge.style, source.rank), []).append(edge)
    return {key: group for key, group in groups.items() if len(group) >= _BUNDLE}


def _bundle_svgs(
    bundles: dict[tuple[str, str, str, int], list[Edge]], layout: _Layout, names: dict[str, str], uid: str
) -> list[str]:
    """Each source rises to a line in the gap above its row; the lines meet in a trunk between two
    columns, and the trunk runs to the target — an organisation chart rather than a fan of lines."""
    svgs = []
    by_rank: dict[int, list[tuple[str, str, str, int]]] = {}
    for key in bundles:
        by_rank.setdefault(key[3], []).append(key)
    for rank, keys in by_rank.items():
        members = sorted((p for p in layout.placed.values() if p.rank == rank), key=lambda p: (p.row, p.x))
        first_row = [p for p in members if p.row == members[0].row]
        gaps = [first_row[0].x - first_row[0].box.width / 2 - _GAP_X / 2]
        gaps += [
            (a.x + a.box.width / 2 + b.x - b.box.width / 2) / 2 for a, b in itertools.pairwise(first_row)
        ]
        gaps.append(first_row[-1].x + first_row[-1].box.width / 2 + _GAP_X / 2)
        taken: list[float] = []
        for k, key in enumerate(keys):
            target = layout.placed[key[0]]
            free = [x for x in gaps if x not in taken] or gaps
            trunk = min(free, key=lambda x: abs(x - target.x))
            taken.append(trunk)
            offset = (k - (len(keys) - 1) / 2) * 12
            group = bundles[key]
            rows: dict[int, list[float]] = {}
            path = []
            for edge in group:
                source = layout.placed[edge.source]
                bus = layout.tops[source.row] - _TRACK * (k % 3 + 1)
                stub = source.x + offset
                rows.setdefault(source.row, []).append(stub)
                path.append(f"M{_number(stub)},{_number(source.y)}V{_number(bus)}")
            buses = []
            for row, stubs in rows.items():
                bus = layout.tops[row] - _TRACK * (k % 3 + 1)
                buses.append(bus)
                path.append(f"M{_number(min(*stubs, trunk))},{_number(bus)}H{_number(max(*stubs, trunk))}")
            top, bottom = min(buses), max(buses)
            if bottom > top:
                path.append(f"M{_number(trunk)},{_number(bottom)}V{_number(top)}")
            end = _border(target, (trunk, top))
            edge = group[0]
            title = escape(f"{len(group)} → {names[key[0]]}: {edge.label}")
            svgs.append(
                f'<g class="bundle {edge.style}"><title>{title}</title>'
                f'<path d="{"".join(path)}" {_stroke(edge)}/>'
                f'<line x1="{_number(trunk)}" y1="{_number(top)}" x2="{_number(end[0])}" y2="{_number(end[1])}" '
                f"{_stroke(edge)} {_arrow(edge, uid)}/></g>"
            )
    return svgs


def _node_svg(place: _Placed) -> str:
    box = place.box
    left, top = place.x - box.width / 2, place.y
    if box.alliance:
        point = 18
        points = [
            (left, top + box.height / 2),
            (left + point, top),
            (left + box.width - point, top),
            (left + box.width, top + box.height / 2),
            (left + box.width - point, top + box.height),
            (left + point, top + box.height),
        ]
        shape = '<polygon points="{}" fill="#fdf2e9" stroke="#a04000" stroke-width="1.6"/>'.format(
            " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
        )
    else:
        shape = (
            f'<rect x="{_number(left)}" y="{_number(top)}" width="{_number(box.width)}" '
            f'height="{_number(box.height)}" rx="4" fill="#ffffff" stroke="#566573"/>'
        )
    texts = []
    y = top + _PAD_Y + _FONT
    for line in box.lines:
        texts.append(
            f'<text class="name" x="{_number(place.x)}" y="{_number(y)}" font-size="{_FONT}" '
            f'text-anchor="middle">{escape(line)}</text>'
        )
        y += _LINE
    texts.append(
        f'<text class="kind" x="{_number(place.x)}" y="{_number(y + 1)}" font-size="{_SMALL}" '
        f'text-anchor="middle" fill="#566573">{escape(box.kind)}</text>'
    )
    room = box.width - 2 * _PAD_X - (36 if box.alliance else 0)
    return (
        f'<g class="node" data-id="{escape(box.id)}" data-room="{_number(room)}">{shape}{"".join(texts)}</g>'
    )


def _legend(edges: Iterable[Edge], solid_word: str, dashed_word: str) -> str:
    shown = dict.fromkeys((edge.style, edge.label) for edge in edges)
    items = []
    for style, label in sorted(shown, key=lambda item: (item[0] == DASHED, item[1])):
        colour, stroke = _STYLES.get(label, _MEMBERSHIP)
        dash = ' stroke-dasharray="6 4"' if style == DASHED else ""
        items.append(
            f'<li><svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" '
            f'stroke="{colour}" stroke-width="{stroke}"{dash}/></svg>{escape(label)}</li>'
        )
    return (
        f'<p class="legend-head"><span class="solid-sample"></span>{escape(solid_word)}　'
        f'<span class="dashed-sample"></span>{escape(dashed_word)}</p>'
        f'<ul class="legend">{"".join(items)}</ul>'
    )


def to_svg(
    drawing: Picture,
    *,
    uid: str,
    roles: dict[str, str] | None = None,
    caption: str = "",
    solid_word: str = "实线：隶属关系",
    dashed_word: str = "虚线：联盟与协调",
) -> str:
    """The picture as an inline ``<figure>`` with an SVG and its legend.

    Args:
        drawing: What :func:`dangjian_model.diagram.picture` collected.
        uid: A prefix unique in the page, for the arrow markers.
        roles: Member id → role label to add to the member's box (牵头, 导师 …); 成员 needs none.
        caption: The figure's caption.
        solid_word: The legend's words for solid lines.
        dashed_word: The legend's words for dashed lines.
    """
    boxes = _boxes(drawing, roles or {})
    ids = [id for id, _, _ in drawing.nodes]
    rank = _ranks(ids, drawing.edges)
    rows: dict[int, list[str]] = {}
    for id in ids:
        rows.setdefault(rank[id], []).append(id)
    _order(rows, drawing.edges)
    layout = _place(boxes, rows)
    names = {id: name for id, name, _ in drawing.nodes}
    bundles = _bundles(drawing.edges, layout)
    bundled = {edge for group in bundles.values() for edge in group}
    lines = [
        _edge_svg(edge, layout.placed[edge.source], layout.placed[edge.target], names, uid)
        for edge in drawing.edges
        if edge not in bundled
    ]
    lines += _bundle_svgs(bundles, layout, names, uid)
    markers = "".join(
        f'<marker id="{uid}-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for name, colour in (("solid", "#5d6d7e"), ("dash", "#2e86c1"))
    )
    width, height = layout.width, layout.height
    svg = (
        f'<svg class="structure" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(width)} '
        f'{_number(height)}" width="{_number(width)}" height="{_number(height)}" role="img" '
        f'aria-label="{escape(caption or drawing.title)}"><defs>{markers}</defs>'
        f'<g class="edges">{"".join(lines)}</g>'
        f'<g class="nodes">{"".join(_node_svg(place) for place in layout.placed.values())}</g></svg>'
    )
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="diagram">{svg}{_legend(drawing.edges, solid_word, dashed_word)}{figcaption}</figure>'
    )
