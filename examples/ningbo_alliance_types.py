"""Seven of 宁波's eight alliance modes, one illustrative alliance each (seed 001).

Each has the structure its type requires (DJ301–DJ310); the script validates the file and then shows,
for each type, what the validator would say if that structure were missing.

Run it: ``python examples/ningbo_alliance_types.py``.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from dangjian_model import Registry, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
#: alliance id → (the rule its structure satisfies, the change that takes the structure away)
BREAKS: dict[str, tuple[str, dict[str, None]]] = {
    "strong-led": ("DJ304", {"agreement": None}),
    "project-driven": ("DJ307", {"key_project_id": None}),
    "service-hub": ("DJ309", {"anchor_id": None}),
}


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "ningbo_alliance_types.yaml")


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    for alliance in registry.alliances:
        members = len(alliance.member_ids)
        print(f"{alliance.type.label}（{alliance.type.value}）: {alliance.name}，成员 {members}")
    # Take away what makes each type what it is: the validator notices.
    for id, (code, change) in BREAKS.items():
        broken = registry.with_entities(attrs.evolve(registry.alliance(id), **change))
        found = validate(broken).by_code(code)
        assert found, code
        print(f"  without it 去掉后 {id}: {code} {found[0].message_zh}")


if __name__ == "__main__":
    main()
