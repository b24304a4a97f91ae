"""The built docs site: search finds Chinese and English, nothing is fetched from a network, the API page
renders roles and doctests, and the pictures name a chain of CJK fonts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dangjian_model.diagram import FONT_FAMILIES, to_dot, to_mermaid
from dangjian_model.validation import cixi_example

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import griffe_docstrings  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
import mkdocs_hooks  # type: ignore[import-not-found, unused-ignore]  # noqa: E402

#: Runs the site's own search (lunr and the search's language file) over the built index.
_QUERY_JS = """
const fs = require('fs');
const dir = process.argv[1];
global.lunr = require(dir + '/lunr.js');
require(dir + '/lunr.stemmer.support.js')(lunr);
require(dir + '/lunr.zh.js')(lunr);
const data = JSON.parse(fs.readFileSync(dir + '/search_index.json', 'utf8'));
const index = lunr(function () {
  this.use(lunr[data.config.lang[0]]);
  this.field('title'); this.field('text'); this.ref('location');
  data.docs.forEach((d) => this.add(d));
});
const out = {};
for (const q of process.argv.slice(2)) out[q] = index.search(q).map((r) => r.ref);
console.log(JSON.stringify(out));
"""


@pytest.fixture(name="site", scope="module")
def _site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
    )
    return site


def _search(site: Path, *queries: str) -> dict[str, list[str]]:
    node = shutil.which("node")
    if node is not None:
        done = subprocess.run(
            [node, "-e", _QUERY_JS, str(site / "search"), *queries],
            check=True,
            capture_output=True,
            text=True,
        )
        found: dict[str, list[str]] = json.loads(done.stdout)
        return found
    return _search_in_python(site, *queries)  # the same tokens as tools/lunr.zh.js, without node


def _search_in_python(site: Path, *queries: str) -> dict[str, list[str]]:
    pieces = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z0-9_\u00c0-\u024f]+")
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    result = {}
    for query in queries:
        wanted = {token.lower() for token in pieces.findall(query)}
        result[query] = [
            doc["location"]
            for doc in docs
            if wanted <= {token.lower() for token in pieces.findall(doc["title"] + " " + doc["text"])}
        ]
    return result


def test_search_finds_pages_for_chinese_and_english_queries(site: Path) -> None:
    found = _search(site, "三不变", "Money", "收益分配", "zzqxjwv")
    assert any(ref.startswith("principles/") for ref in found["三不变"])
    assert any("Money" in ref for ref in found["Money"])
    assert any(ref.startswith("allocation/") for ref in found["收益分配"])
    assert found["zzqxjwv"] == []


def test_the_search_uses_the_segmenter_free_chinese_language(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    shipped = (site / "search" / "lunr.zh.js").read_text(encoding="utf-8")
    assert shipped == (ROOT / "tools" / "lunr.zh.js").read_text(encoding="utf-8")
    assert "jieba" not in shipped.split("*/", 1)[1]  # no segmenter the browser would have to fetch


def test_no_page_loads_a_script_style_or_font_from_the_network(site: Path) -> None:
    pages = [*site.rglob("*.html"), *site.rglob("*.css")]
    assert pages
    remote = {str(p): mkdocs_hooks.remote_assets(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: found for page, found in remote.items() if found} == {}


def test_remote_assets_are_recognised_and_links_to_read_are_not() -> None:
    html = (
        '<script src="https://cdnjs.cloudflare.com/x.js"></script>'
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<a href="https://www.mkdocs.org/">MkDocs</a><link rel="canonical" href="https://example.org/">'
        "<style>@import url('https://fonts.googleapis.com/css?family=Noto');</style>"
    )
    found = mkdocs_hooks.remote_assets(html)
    assert len(found) == 3
    assert all("mkdocs.org" not in item and "canonical" not in item for item in found)


def test_the_api_page_renders_roles_as_code_and_doctests_as_code_blocks(site: Path) -> None:
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert ":class:`" not in api
    assert ":func:`" not in api
    assert re.search(r"<code>[^<]*&gt;&gt;&gt;", api) or "language-pycon" in api
    assert "<p>&gt;&gt;&gt;" not in api  # no doctest left as a paragraph of text


def test_docstring_roles_and_doctests_become_markdown() -> None:
    text = "See :class:`~dangjian_model.files.Problem` and :func:`load`.\n\n>>> 1 + 1\n2\n\nMore."
    converted = griffe_docstrings.convert(text)
    assert converted == "See `Problem` and `load`.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nMore."
    assert griffe_docstrings.convert(">>> x\n1") == "```pycon\n>>> x\n1\n```"
    assert griffe_docstrings.convert(":class:`the unit <dangjian_model.Unit>`") == "`the unit`"
    fenced = "```python\n>>> kept\n```"
    assert griffe_docstrings.convert(fenced) == fenced


def test_diagrams_name_a_chain_of_cjk_fonts_ending_in_any_sans_serif() -> None:
    assert FONT_FAMILIES[0] == "Noto Sans CJK SC"
    assert FONT_FAMILIES[-1] == "sans-serif"
    assert {"Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei"} <= set(FONT_FAMILIES)
    registry = cixi_example()
    assert f'fontname="{",".join(FONT_FAMILIES)}"' in to_dot(registry, "cixi-south")
    assert "'Microsoft YaHei'" in to_mermaid(registry, "cixi-south").splitlines()[0]
    for picture in (ROOT / "docs" / "img").glob("*.svg"):
        families = set(re.findall(r'font-family="([^"]*)"', picture.read_text(encoding="utf-8")))
        chinese = [f for f in families if "Noto Sans CJK SC" in f]
        assert chinese and all(f.endswith("sans-serif") for f in chinese), picture.name
