"""The report in a real browser (headless Chromium): no console error, nothing fetched, no text out of its box.

Skipped only where no Chromium is installed; ``.ci/run`` installs Debian's chromium so that CI runs it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from dangjian_model._model import add_years
from dangjian_model.cli import EXIT_OK
from dangjian_model.files import load
from dangjian_model.report import render
from tests.cli.conftest import run_cli
from tests.report.browser import Browser, find_chromium

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DAY = datetime.date(2025, 1, 15)
CHROMIUM = find_chromium()
PNG = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (apt-get install chromium; .ci/run installs it)"
)


@pytest.fixture(name="browser", scope="module")
def _browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as browser:
        yield browser


def _page(example: Path, folder: Path) -> Path:
    page = folder / f"{example.stem}.html"
    if example.name == "cixi_south_alliance.yaml":  # an alliance file is reported inside its registry
        registry = str(ROOT / "examples" / "cixi_three_villages.yaml")
        result = run_cli("report", str(example), "--registry", registry, "-o", str(page), "--as-of", str(DAY))
        assert result.code == EXIT_OK, result.err
    else:
        page.write_text(render(load(example), source=example.name, as_of=DAY), encoding="utf-8")
    return page


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_bundled_example_renders_cleanly_on_screen(
    browser: Browser, example: Path, tmp_path: Path
) -> None:
    page = _page(example, tmp_path)
    browser.open(page, width=1024)
    assert browser.errors() == []
    assert browser.requests() == [page.resolve().as_uri()], "the page asked for something from outside"
    assert browser.overflowing() == []
    assert browser.evaluate("document.querySelectorAll('svg.structure').length") == len(
        load_alliances(example)
    )
    shot = browser.screenshot()
    assert shot.startswith(PNG)
    (tmp_path / f"{example.stem}.png").write_bytes(shot)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_bundled_example_fits_an_a4_page_in_print(
    browser: Browser, example: Path, tmp_path: Path
) -> None:
    page = _page(example, tmp_path)
    browser.open(page, width=703, print_media=True)  # 210 mm less the margins, at 96 dpi
    assert browser.errors() == []
    assert browser.overflowing() == []
    breaks = browser.evaluate(
        "[...document.querySelectorAll('article.project')].map(a => getComputedStyle(a).breakBefore)"
    )
    assert breaks[1:] == ["page"] * (len(breaks) - 1), "each project after the first starts a new page"
    assert browser.pdf().startswith(b"%PDF")


#: The examples that record meetings (an alliance file holds none: it is reported inside its registry).
MEETINGS = [e for e in EXAMPLES if e.name != "cixi_south_alliance.yaml" and load(e).meetings]


@pytest.mark.parametrize("example", MEETINGS, ids=lambda p: p.stem)
def test_the_meetings_section_renders_cleanly_in_the_year_of_the_meetings(
    browser: Browser, example: Path, tmp_path: Path
) -> None:
    registry = load(example)
    as_of = max(m.held_on for m in registry.meetings) + datetime.timedelta(days=60)
    since = add_years(as_of, -1)
    assert since is not None
    recent = [m for m in registry.meetings if since <= m.held_on <= as_of]
    follow_ups = [f for m in registry.meetings for item in m.agenda for f in item.follow_ups]
    listed = [f for m in recent for item in m.agenda for f in item.follow_ups]
    listed += [f for f in follow_ups if f.status.is_open and not any(f is g for g in listed)]
    overdue = [f for f in listed if f.is_overdue(as_of)]
    page = tmp_path / f"{example.stem}-meetings.html"
    page.write_text(render(registry, source=example.name, as_of=as_of), encoding="utf-8")
    for width, print_media in ((1024, False), (703, True)):
        browser.open(page, width=width, print_media=print_media)
        assert browser.errors() == []
        assert browser.overflowing() == []
        rows = browser.evaluate("document.querySelectorAll('#meetings tbody tr').length")
        assert rows == len(recent) + len(listed)
        assert browser.evaluate("document.querySelectorAll('#meetings tr.overdue').length") == len(overdue)
    if overdue:
        shade = "getComputedStyle(document.querySelector('#meetings tr.overdue td')).backgroundColor"
        assert browser.evaluate(shade) not in ("", "transparent", "rgba(0, 0, 0, 0)")
    (tmp_path / f"{example.stem}-meetings.png").write_bytes(browser.screenshot())


def test_the_chinese_text_is_drawn_in_a_chinese_font(browser: Browser, tmp_path: Path) -> None:
    page = _page(ROOT / "examples" / "cixi_three_villages.yaml", tmp_path)
    browser.open(page)
    family = browser.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans CJK SC"')
    assert browser.evaluate(
        "document.fonts.check('16px ' + getComputedStyle(document.body).fontFamily, '联盟')"
    )


def load_alliances(example: Path) -> list[str]:
    if example.name == "cixi_south_alliance.yaml":
        return [a.id for a in load(ROOT / "examples" / "cixi_three_villages.yaml").alliances]
    return [a.id for a in load(example).alliances]
