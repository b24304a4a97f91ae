"""The structure picture: 20–60 members stay legible, affiliation runs upwards, and every label fits its box."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangjian_model.diagram import DASHED, SOLID, Edge, Picture
from dangjian_model.report import to_svg
from dangjian_model.report._svg import MAX_WIDTH, _wrap, text_width


def _alliance(members: int) -> Picture:
    nodes = [("alliance", "某某街道“商企合伙人”党建联盟", "合伙人联盟"), ("town", "某某街道", "街道")]
    edges = []
    for n in range(members):
        nodes.append((f"m{n}", f"某某路餐饮商户{n:02d}（示意）", "商户"))
        edges.append(Edge(f"m{n}", "town", "行政隶属", SOLID))
        edges.append(Edge(f"m{n}", "alliance", "合伙人", DASHED))
    return Picture("联盟", tuple(nodes), tuple(edges))


def _boxes(svg: str) -> dict[str, tuple[float, float]]:
    """Node id → (centre x, top y), read from the drawing."""
    found = {}
    for node_id, body in re.findall(r'<g class="node" data-id="([^"]+)"[^>]*>(.*?)</g>', svg):
        x = float(re.search(r'<text class="name" x="([\d.]+)"', body).group(1))  # type: ignore[union-attr]
        y = float(re.search(r' y="([\d.]+)"', body).group(1))  # type: ignore[union-attr]
        found[node_id] = (x, y)
    return found


@pytest.mark.parametrize("members", [20, 40, 60])
def test_many_members_wrap_into_rows_instead_of_shrinking(members: int) -> None:
    svg = to_svg(_alliance(members), uid="t")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    assert width <= MAX_WIDTH, "wider pictures would be scaled down until the text is unreadable"
    boxes = _boxes(svg)
    assert len({y for id, (_, y) in boxes.items() if id.startswith("m")}) >= members // 5


@pytest.mark.parametrize("members", [20, 60])
def test_many_lines_to_one_node_run_as_a_bundle(members: int) -> None:
    svg = to_svg(_alliance(members), uid="t")
    assert svg.count('<g class="bundle solid">') == 1
    assert svg.count('<g class="bundle dashed">') == 1
    assert '<line class="edge' not in svg


def test_every_member_is_drawn_below_what_it_belongs_to() -> None:
    boxes = _boxes(to_svg(_alliance(8), uid="t"))
    for n in range(8):
        assert boxes[f"m{n}"][1] > boxes["town"][1]
        assert boxes[f"m{n}"][1] > boxes["alliance"][1]


def test_a_cycle_in_bad_data_is_still_drawn() -> None:
    picture = Picture(
        "环",
        (("a", "甲", "村"), ("b", "乙", "村"), ("c", "丙", "村")),
        (
            Edge("a", "b", "行政隶属", SOLID),
            Edge("b", "a", "行政隶属", SOLID),
            Edge("c", "a", "协调", DASHED),
            Edge("c", "c", "协调", DASHED),
        ),
    )
    svg = to_svg(picture, uid="t", caption="环")
    assert set(_boxes(svg)) == {"a", "b", "c"}
    assert svg.count("<line class=") == 4
    assert "<figcaption>环</figcaption>" in svg


@given(st.text(alphabet="党建联盟（示意）“”ABCabc 123、。", min_size=1, max_size=60), st.integers(40, 200))
def test_wrapped_lines_keep_every_character_fit_and_never_start_with_closing_punctuation(
    text: str, width: int
) -> None:
    lines = _wrap(text, 13, width)
    assert "".join(lines) == text
    for n, line in enumerate(lines):
        assert line
        if n and line[0] in "）。、”":
            assert all(char in "）。、”" for char in lines[n - 1][1:]), "only when nothing could move down"
        if len(line) > 2:
            assert text_width(line[:-1], 13) <= width


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("11””", 40, ["1", "1””"]),  # two closing marks: the digit before them moves down with them
        ("联盟（示意）", 70, ["联盟（示", "意）"]),
        ("a””", 10, ["a", "”", "”"]),  # nothing can move down: the marks stand alone
    ],
)
def test_closing_punctuation_takes_the_character_before_it_to_the_next_line(
    text: str, width: int, lines: list[str]
) -> None:
    assert _wrap(text, 13, width) == lines
