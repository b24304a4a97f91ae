"""A griffe extension for the API page: Sphinx roles and doctests in docstrings rendered as Markdown.

The docstrings are read by Sphinx-minded people and by doctest: ``:class:`~pkg.Name``` becomes the code
span `` `Name` `` and a doctest (``>>>`` lines and their output) a fenced ``pycon`` block, so the API page
shows code rather than raw roles and run-together text.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    if "<" in target and target.endswith(">"):  # :class:`text <target>`
        return f"`{target.split('<', 1)[0].strip()}`"
    name = target.rsplit(".", 1)[-1] if short else target
    return f"`{name}`"


def convert(text: str) -> str:
    """The docstring with roles as code spans and top-level doctests fenced as ``pycon``."""
    text = _ROLE.sub(_role, text)
    lines = text.split("\n")
    out: list[str] = []
    fenced = False
    in_fence = False
    for line in lines:
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and not fenced and line.startswith(">>>"):
            out += ["```pycon"]
            fenced = True
        elif fenced and not line.strip():
            out += ["```"]
            fenced = False
        out.append(line)
    if fenced:
        out.append("```")
    return "\n".join(out)


class Docstrings(griffe.Extension):
    """Converts every docstring as it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = convert(obj.docstring.value)
