"""mkdocs hooks of the docs site: search that finds Chinese, and no asset fetched from a network.

- The search plugin ships a ``lunr.zh.js`` that needs a segmenter browsers do not have; this hook puts
  ``tools/lunr.zh.js`` (every CJK character a token) in its place once the site is built.
- The readthedocs theme loads highlight.js from a CDN; ``theme.highlightjs: false`` turns that off, and
  this hook fails the build if any page still loads a script, style sheet or font over http(s).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

_HERE = Path(__file__).resolve().parent
#: A script, style sheet, font or image loaded from another host.
_REMOTE = re.compile(
    r"<(?:script|img|source)\b[^>]*\bsrc=[\"']https?://|<link\b[^>]*\bhref=[\"']https?://[^\"']*[\"'][^>]*>"
    r"|@import\s+url\([\"']?https?://|url\([\"']?https?://",
    re.I,
)
_LINK_REL = re.compile(r"\brel=[\"'](?:stylesheet|preload|icon|font|prefetch)", re.I)


def remote_assets(html: str) -> list[str]:
    """What a page loads from the network: scripts, style sheets, fonts and images by http(s) URL."""
    found = []
    for match in _REMOTE.finditer(html):
        text = match.group(0)
        if text.lower().startswith("<link") and not _LINK_REL.search(text):
            continue  # a <link rel="canonical"> or similar is not fetched
        found.append(text)
    return found


def on_post_build(config: Any, **kwargs: Any) -> None:
    site = Path(config["site_dir"])
    search = site / "search"
    if search.is_dir():
        shutil.copyfile(_HERE / "lunr.zh.js", search / "lunr.zh.js")
    remote = {
        str(page.relative_to(site)): found
        for page in sorted(site.rglob("*"))
        if page.suffix in (".html", ".css") and (found := remote_assets(page.read_text(encoding="utf-8")))
    }
    if remote:
        raise PluginError(f"assets loaded from the network (the site must work offline): {remote}")
