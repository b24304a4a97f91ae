"""The pictures in the docs are drawn from the bundled examples: the DOT behind each still matches the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dangjian_model.diagram import picture
from dangjian_model.files import load

ROOT = Path(__file__).resolve().parents[1]
PICTURES = {
    "cixi-south": "cixi_three_villages.yaml",
    "huayuan-red-heart-bridge": "zhongshan_east.yaml",
    "mentoring": "ningbo_alliance_types.yaml",
    "keqiao-enclave": "enclave_guarantor.yaml",
    "changcheng": "huairou_one_domain_one_brand.yaml",
}


@pytest.mark.parametrize(("alliance", "example"), PICTURES.items())
def test_every_picture_in_the_docs_shows_the_nodes_of_its_example(alliance: str, example: str) -> None:
    svg = (ROOT / "docs" / "img" / f"{alliance}.svg").read_text(encoding="utf-8")
    drawing = picture(load(ROOT / "examples" / example), alliance)
    texts = set(re.findall(r">([^<>]+)</text>", svg))
    for _, name, kind in drawing.nodes:
        assert name in texts, f"{name} is missing from docs/img/{alliance}.svg: redraw it"
        assert kind in texts
    assert f"img/{alliance}.svg" in (ROOT / "docs" / "diagrams.md").read_text(encoding="utf-8")
