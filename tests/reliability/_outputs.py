"""Print every output of the library for the 慈溪 example, for the determinism test to compare across runs."""

from __future__ import annotations

import json

from dangjian_model.allocation import EqualSplit, Member, allocate
from dangjian_model.diagram import to_dot, to_mermaid
from dangjian_model.files import dumps, to_popolo
from dangjian_model.validation import cixi_example, validate


def main() -> None:
    registry = cixi_example()
    for format in ("json", "yaml", "toml"):
        print(dumps(registry, format, personal_data=True))
        print(dumps(registry, format, personal_data="mask"))
    print(json.dumps(to_popolo(registry, personal_data=True), ensure_ascii=False, sort_keys=False))
    print(json.dumps(to_popolo(registry, personal_data="mask"), ensure_ascii=False, sort_keys=False))
    report = validate(registry.without("changlong"))
    print(report.to_text())
    print(json.dumps(report.to_dict(), ensure_ascii=False))
    print(to_mermaid(registry, "cixi-south"))
    print(to_dot(registry, "cixi-south"))
    villages = [Member(f"村{k:02d}", investment=f"{k}万元") for k in range(1, 12)]
    print(allocate(EqualSplit(), "225万元", villages).table())
    print(allocate(EqualSplit(), "225万元", villages).table("en"))


if __name__ == "__main__":
    main()
