"""鄞领速递: a service alliance for couriers, with its stations, departments and merchants (seed 001).

Run it: ``python examples/yinzhou_courier_alliance.py``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dangjian_model import Registry, Unit, files
from dangjian_model.validation import validate

HERE = Path(__file__).resolve().parent
ALLIANCE = "yinling-express"


def reported(registry: Registry) -> dict[str, str]:
    """What the seed reports, figure by figure (the configuration records a representative subset of each)."""
    return {figure.id: figure.value.to_text() for figure in registry.figures}


def load() -> Registry:
    """The configuration file beside this script."""
    return files.load(HERE / "yinzhou_courier_alliance.yaml")


def main() -> None:
    registry = load()
    report = validate(registry)
    print("校验 validation:", report.summary())
    assert not report.has_errors, report.to_text()
    alliance = registry.alliance(ALLIANCE)
    anchor = registry.unit(alliance.anchor_id or "")
    print(f"{alliance.name}（{alliance.type.label}），战略据点 anchor: {anchor.name}")
    members = [u for u in registry.members_of(ALLIANCE) if isinstance(u, Unit)]
    kinds = Counter(u.kind for u in members)
    print("  成员（样本）members recorded:", ", ".join(f"{k.label} {n}" for k, n in kinds.items()))
    print("  报道数据 reported figures:")
    for figure in registry.figures:
        print(f"    {figure.metric.label}: {figure.value}（{figure.value.qualifier.label}）")
    print("  需求—资源—项目 needs → resources → projects:")
    for project in registry.listed_projects:
        need = next(n for n in registry.needs if n.id == project.need_id)
        provider = registry.unit(project.provider_id or "")
        print(f"    {need.title} ← {provider.name}: {project.title}")


if __name__ == "__main__":
    main()
